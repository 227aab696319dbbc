package dev.tandem.constructs.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformResourceConfig;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.testing.TestStacks;
import dev.tandem.providers.aws.iam_user.IamUser;
import org.junit.jupiter.api.Test;

class ResourceTypesTest {
    private final TerraformStack stack = TestStacks.awsStack();

    @Test
    void aBindingsResourceGivesTheTypeJsiiWouldGive() {
        IamUser user = IamUser.Builder.create(stack, "user").name("orders").build();

        assertThat(ResourceTypes.of(user)).isEqualTo("aws_iam_user").isEqualTo(user.getTerraformResourceType());
    }

    @Test
    void aPlainResourceWithoutABindingIsAsked() {
        TerraformResource queue = new TerraformResource(stack, "queue",
                TerraformResourceConfig.builder().terraformResourceType("aws_sqs_queue").build());

        assertThat(ResourceTypes.of(queue)).isEqualTo("aws_sqs_queue");
    }

    @Test
    void aSubclassOfABindingKeepsItsType() {
        IamUser user = new IamUser(stack, "subclassed", dev.tandem.providers.aws.iam_user.IamUserConfig.builder()
                .name("orders-ci").build()) {
        };

        assertThat(ResourceTypes.of(user)).isEqualTo("aws_iam_user");
    }
}
