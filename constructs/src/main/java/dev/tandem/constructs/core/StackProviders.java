package dev.tandem.constructs.core;

import com.hashicorp.cdktf.TerraformProvider;
import software.constructs.IConstruct;
import software.constructs.Node;

/**
 * Whether a construct's stack configures a provider its resources need. Without the provider
 * construct cdktf writes no {@code required_providers} entry, and Terraform would look the resource
 * type up under {@code hashicorp/<name>}: the construct says so at synth instead.
 */
public final class StackProviders {
    private StackProviders() {
    }

    /**
     * Records a problem (property {@code stack}) when {@code scope}'s stack has no provider of {@code type}.
     *
     * @param scope    a construct inside a stack
     * @param type     the provider's binding class
     * @param problems where to record it
     * @param fix      how to add it, e.g. {@code add TlsProvider.Builder.create(stack, "tls").build() to the stack}
     * @return true when the provider is there
     */
    public static boolean require(IConstruct scope, Class<? extends TerraformProvider> type, Problems problems,
            String fix) {
        return AwsProviders.stackOf(scope).map(stack -> {
            Node tree = stack.getNode();
            if (tree.getChildren().stream().anyMatch(type::isInstance)) {
                return true;
            }
            problems.add("stack", tree.getPath() + " (no " + type.getSimpleName() + ")",
                    "the stack needs the " + type.getSimpleName() + " its resources use", fix);
            return false;
        }).orElseGet(() -> problems.require(false, "stack", "none", "the construct must be inside a TerraformStack",
                "create it with a stack (or a construct inside one) as its scope"));
    }
}
