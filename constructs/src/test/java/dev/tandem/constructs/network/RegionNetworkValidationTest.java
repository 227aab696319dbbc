package dev.tandem.constructs.network;

import dev.tandem.constructs.k8s.K8sFixtures;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.Testing;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.TestStacks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One case per rule: each names the construct path, the property, the value and a fix, never a crash. */
class RegionNetworkValidationTest {

    private static Arguments rejected(String property, String value, String why, UnaryOperator<RegionNetwork.Builder> change) {
        return Arguments.of(property + " = " + value, change, property, value, why);
    }

    static Stream<Arguments> badInput() {
        List<String> withNull = new ArrayList<>(Arrays.asList("eu-west-par-a", null));
        return Stream.of(
                rejected("cloudProject", "null", "is required", n -> n.cloudProject(null)),
                rejected("region", "null", "is required", n -> n.region(null)),
                rejected("cidr", "null", "is required", n -> n.cidr(null)),
                rejected("zones", "[eu-west-par-a, null]", "must not contain null", n -> n.zones(withNull)),
                rejected("gateway", "null", "is required", n -> n.gateway(null)),
                rejected("gateway.size", "null", "is required",
                        n -> n.gateway(GatewaySpec.builder().size(null).build())),
                rejected("gateway.name", "\" \"", "must not be blank",
                        n -> n.gateway(GatewaySpec.builder().name(" ").build())),
                rejected("cloudProject", "nope", "32 lower-case hexadecimal", n -> n.cloudProject("nope")),
                rejected("cloudProject", "0123456789ABCDEF0123456789ABCDEF", "32 lower-case hexadecimal",
                        n -> n.cloudProject("0123456789ABCDEF0123456789ABCDEF")),
                rejected("region", "paris", "OVH region code", n -> n.region("paris")),
                rejected("region", "EU WEST", "OVH region code", n -> n.region("EU WEST")),
                rejected("region", "\"\"", "OVH region code", n -> n.region("")),
                rejected("vlanId", "-1", "must be 0–4000", n -> n.vlanId(-1)),
                rejected("vlanId", "4001", "must be 0–4000", n -> n.vlanId(4001)),
                rejected("cidr", "8.8.8.0/24", "entirely in RFC 1918 private space", n -> n.cidr("8.8.8.0/24")),
                rejected("cidr", "10.0.0.0/7", "entirely in RFC 1918 private space", n -> n.cidr("10.0.0.0/7")),
                rejected("cidr", "192.168.0.0/15", "entirely in RFC 1918 private space", n -> n.cidr("192.168.0.0/15")),
                rejected("cidr", "10.10.0.0/29", "prefix of /28 or shorter", n -> n.cidr("10.10.0.0/29")),
                rejected("cidr", "10.10.0.1/16", "no host bits set", n -> n.cidr("10.10.0.1/16")),
                rejected("cidr", "10.10.0.0", "CIDR form", n -> n.cidr("10.10.0.0")),
                rejected("cidr", "10.1/16", "CIDR form", n -> n.cidr("10.1/16")),
                rejected("zones", "[eu-west-par-a]", "at least two zones of EU-WEST-PAR",
                        n -> n.zones(List.of("eu-west-par-a"))),
                rejected("zones", "[]", "at least two zones of EU-WEST-PAR", n -> n.zones(List.of())),
                rejected("zones[1]", "eu-south-mil-b", "must be a zone of EU-WEST-PAR (eu-west-par-a, eu-west-par-b, "
                        + "eu-west-par-c)", n -> n.zones(List.of("eu-west-par-a", "eu-south-mil-b"))),
                rejected("zones[1]", "eu-west-par-a", "appears more than once",
                        n -> n.zones(List.of("eu-west-par-a", "eu-west-par-a", "eu-west-par-b"))),
                rejected("zones", "[gra11-a]", "GRA11 is a one-zone region; the multi-zone regions are EU-SOUTH-MIL "
                        + "(eu-south-mil-a, eu-south-mil-b, eu-south-mil-c); EU-WEST-PAR (eu-west-par-a, eu-west-par-b, "
                        + "eu-west-par-c)", n -> n.region("GRA11").zones(List.of("gra11-a"))),
                rejected("zones", "[eu-west-par-a, eu-west-par-b]", "DE1 is a one-zone region",
                        n -> n.region("DE1").zones(List.of("eu-west-par-a", "eu-west-par-b"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsRejectedWithPathPropertyValueAndFix(String label, UnaryOperator<RegionNetwork.Builder> change,
            String property, String value, String why) {
        RegionNetwork.Builder builder = change.apply(RegionNetworkTest.paris(TestStacks.emptyStack()));
        Rejections.assertRejected(builder::build, "test/network", property, value, why);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 4000})
    void everyVlanOfTheVrackRangeBuilds(int vlan) {
        RegionNetworkTest.paris(TestStacks.emptyStack()).vlanId(vlan).build();
    }

    @Test
    void aMissingVlanIsNamed() {
        RegionNetwork.Builder builder = RegionNetwork.Builder.create(TestStacks.emptyStack(), "network")
                .cloudProject(RegionNetworkTest.PROJECT).region("DE1").cidr("10.10.0.0/16");
        Rejections.assertRejected(builder::build, "test/network", "vlanId", "null", "is required");
    }

    @Test
    void nullPropsAreRejected() {
        Rejections.assertRejected(() -> new RegionNetwork(TestStacks.emptyStack(), "network", null), "test/network",
                "props", "null", "is required");
    }

    @Test
    void aNetworkOutsideAnyStackIsRejected() {
        App app = Testing.app();
        RegionNetwork.Builder builder = RegionNetwork.Builder.create(app, "network").cloudProject(RegionNetworkTest.PROJECT)
                .region("DE1").vlanId(10).cidr("10.10.0.0/16");
        Rejections.assertRejected(builder::build, "network", "scope", "network", "must be inside a TerraformStack");
    }

    @Test
    void aProjectFromATerraformVariableIsAccepted() {
        TerraformStack stack = TestStacks.emptyStack();
        String project = TerraformVariable.Builder.create(stack, "project").type("string").build().getStringValue();

        RegionNetworkTest.paris(stack).cloudProject(project).build();
    }

    @Test
    void aRegionFromATerraformVariableIsRejectedWithoutPrintingIt() {
        TerraformStack stack = TestStacks.emptyStack();
        String region = TerraformVariable.Builder.create(stack, "region").type("string").build().getStringValue();

        assertThatThrownBy(RegionNetworkTest.paris(stack).region(region)::build)
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("test/network: region = an unresolved Terraform value — must be known at synth time")
                .hasMessageNotContaining("TfToken");
    }

    @Test
    void regionsOfOneDeploymentNeedTheirOwnVlanRangeAndOvhRegion() {
        App app = Testing.app();
        RegionNetworkTest.paris(new TerraformStack(app, "primary")).build();
        RegionNetwork.Builder secondary = RegionNetworkTest.paris(new TerraformStack(app, "secondary"))
                .cidr("10.10.128.0/17");

        assertThatThrownBy(secondary::build)
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("3 problems:")
                .hasMessageContaining("secondary/network: vlanId = 10 — is already the VLAN of primary/network")
                .hasMessageContaining("secondary/network: cidr = 10.10.128.0/17 — overlaps 10.10.0.0/16 of "
                        + "primary/network")
                .hasMessageContaining("secondary/network: region = EU-WEST-PAR — is already the OVH region of "
                        + "primary/network in another stack");
    }

    @Test
    void regionsWithTheirOwnVlanRangeAndOvhRegionBuild() {
        App app = Testing.app();
        RegionNetworkTest.paris(new TerraformStack(app, "primary")).build();
        RegionNetworkTest.paris(new TerraformStack(app, "secondary")).region("DE1").vlanId(20).cidr("10.20.0.0/16")
                .build();
    }

    @Test
    void aNetworkThatFailedValidationDoesNotBlockTheNext() {
        App app = Testing.app();
        TerraformStack stack = new TerraformStack(app, "primary");
        assertThatThrownBy(RegionNetworkTest.paris(stack).cidr("8.8.8.0/24")::build)
                .isInstanceOf(ValidationException.class);

        RegionNetwork.Builder.create(stack, "retry").cloudProject(RegionNetworkTest.PROJECT).region("EU-WEST-PAR")
                .vlanId(10).cidr("10.10.0.0/16").build();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(RegionNetwork.Builder.create(TestStacks.emptyStack(), "network").cloudProject("nope")
                .region("paris").vlanId(5000).cidr("8.8.8.0/24")::build)
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("4 problems:")
                .hasMessageContaining("test/network: cloudProject = nope");
    }

    @Test
    void aSecondNetworkWithTheSameIdIsATandemErrorNotAJsiiOne() {
        TerraformStack stack = TestStacks.emptyStack();
        K8sFixtures.network(stack);
        Rejections.assertRejected(() -> K8sFixtures.network(stack), "test/network", "id", "network",
                "is already used by another construct under test");
    }
}
