package dev.tandem.constructs.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformDataSource;
import com.hashicorp.cdktf.TerraformElement;
import com.hashicorp.cdktf.TerraformProviderGeneratorMetadata;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformResourceConfig;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Scopes;
import dev.tandem.constructs.core.StackProviders;
import dev.tandem.constructs.core.TerraformStrings;
import dev.tandem.providers.aws.provider.AwsProvider;
import java.util.Map;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * Any hashicorp/aws resource or data source in a stack beside Tandem's constructs, checked at synth
 * against the provider's schema at the release Tandem pins, with no generated binding to rebuild:
 *
 * <pre>{@code
 * AwsResource parameter = AwsResource.Builder.create(stack, "orders-arn")
 *     .type("aws_ssm_parameter")
 *     .arguments(Map.of("name", "/orders/table-arn", "type", "String", "value", orders.arn()))
 *     .build();
 * String arn = parameter.attribute("arn");          // a reference for other resources
 * }</pre>
 *
 * <p>An unknown type, an unknown or read-only argument, a missing required one and a nested block
 * given as anything but a map are {@link dev.tandem.constructs.core.ValidationException}s naming the
 * construct path; values are not type-checked (Terraform does that at plan). Strings are text
 * ({@link TerraformStrings#literal}); references from other constructs stay references. The stack must
 * configure Tandem's {@code AwsProvider}: the resource uses it, and its pinned version. Escape hatch:
 * {@link #resource()} is cdktf's {@code TerraformResource} (or {@code TerraformDataSource}).
 */
public class AwsResource extends Construct {
    /** How a data source's type is written: {@code data.aws_vpc}, as in {@code src/aws/resources.txt}. */
    public static final String DATA_PREFIX = "data.";

    private final AwsResourceProps props;
    private final TerraformElement element;
    private final JsonNode block;

    /**
     * @param scope the stack (or a construct inside one) configuring Tandem's {@code AwsProvider}
     * @param id    the construct id
     * @param props the type and arguments
     */
    public AwsResource(@NotNull Construct scope, @NotNull String id, AwsResourceProps props) {
        super(Scopes.checked(scope, id, "AwsResource"), id);
        Problems p = Problems.at(this);
        this.block = validate(p, props);
        p.throwIfAny();
        this.props = props;
        TerraformResourceConfig config = TerraformResourceConfig.builder().terraformResourceType(terraformType())
                .terraformGeneratorMetadata(TerraformProviderGeneratorMetadata.builder().providerName("aws")
                        .providerVersion(AwsTypes.version()).build())
                .build();
        this.element = isDataSource() ? new TerraformDataSource(this, "resource", config)
                : new TerraformResource(this, "resource", config);
        props.arguments().forEach((name, value) -> element.addOverride(name, AwsArguments.literal(value)));
        getNode().setDefaultChild(element);
    }

    private JsonNode validate(Problems p, AwsResourceProps props) {
        if (!p.present(props, "props", "pass AwsResourceProps.builder()…build(), or use AwsResource.Builder")) {
            return null;
        }
        StackProviders.require(this, AwsProvider.class, p, "add AwsProvider.Builder.create(stack, \"aws\")"
                + ".region(…).build() to the stack");
        String typeFix = "use a type of hashicorp/aws " + AwsTypes.version() + " as its docs name it, e.g. "
                + "\"aws_sqs_queue\", or \"data.aws_vpc\" for a data source";
        if (!p.present(props.type(), "type", typeFix)) {
            return null;
        }
        Optional<JsonNode> found = TerraformStrings.holdsTemplate(props.type()) ? Optional.empty()
                : AwsTypes.block(props.type());
        if (!p.require(found.isPresent(), "type", props.type(), "is no resource or data source of hashicorp/aws "
                + AwsTypes.version(), typeFix)) {
            return null;
        }
        if (p.present(props.arguments(), "arguments", "pass Map.of(…), or leave arguments out")) {
            AwsArguments.check(p.nested("arguments"), found.get(), props.arguments(),
                    "see the arguments of " + props.type() + " in the hashicorp/aws " + AwsTypes.version() + " docs");
        }
        return found.get();
    }

    private boolean isDataSource() {
        return props.type().startsWith(DATA_PREFIX);
    }

    private String terraformType() {
        return isDataSource() ? props.type().substring(DATA_PREFIX.length()) : props.type();
    }

    /**
     * @param name an attribute of the type, e.g. {@code arn}, {@code id}, {@code url}
     * @return a reference to it, for other resources' arguments
     * @throws dev.tandem.constructs.core.ValidationException when the type has no such attribute
     */
    public String attribute(String name) {
        Problems p = Problems.at(this);
        p.require(name != null && block.path("a").has(name), "attribute", name,
                "is no attribute of " + props.type(), "read one of the attributes the hashicorp/aws docs list");
        p.throwIfAny();
        return element instanceof TerraformResource r ? r.getStringAttribute(name)
                : ((TerraformDataSource) element).getStringAttribute(name);
    }

    /** @return the type and arguments */
    public AwsResourceProps props() {
        return props;
    }

    /**
     * @return cdktf's element, the node's default child (escape hatch): a {@code TerraformResource}, or a
     *         {@code TerraformDataSource} for {@code data.…}
     */
    public TerraformElement resource() {
        return element;
    }

    /** Builds an {@link AwsResource}. */
    public static final class Builder extends AwsResourceProps.BuilderBase<Builder> {
        private final Construct scope;
        private final String id;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /**
         * @param scope the stack (or a construct inside one)
         * @param id    the construct id
         * @return a builder
         */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /**
         * @return the resource
         * @throws dev.tandem.constructs.core.ValidationException listing every problem
         */
        public AwsResource build() {
            return new AwsResource(scope, id, props());
        }
    }
}
