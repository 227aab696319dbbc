package dev.tandem.constructs.core;

import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.providers.aws.provider.AwsProvider;
import java.util.List;
import java.util.Optional;
import software.constructs.IConstruct;
import software.constructs.Node;

/**
 * The AWS region a construct's resources land in: that of the one default (un-aliased) AWS provider
 * of its stack. Constructs derive their region from it instead of asking for it a second time.
 */
public final class AwsProviders {
    private AwsProviders() {
    }

    /**
     * Finds the region of {@code scope}'s stack, or records why there is none.
     *
     * @param scope    a construct inside a stack
     * @param problems where to record a missing, ambiguous or unknown region (property {@code stack})
     * @return the region, when exactly one default AWS provider with a known region is in the stack
     */
    public static Optional<String> regionOf(IConstruct scope, Problems problems) {
        Optional<TerraformStack> stack = stackOf(scope);
        if (stack.isEmpty()) {
            problems.add("stack", "none", "the construct must be inside a TerraformStack",
                    "create it with a stack (or a construct inside one) as its scope");
            return Optional.empty();
        }
        Node tree = stack.get().getNode();
        List<AwsProvider> providers = tree.findAll().stream()
                .filter(AwsProvider.class::isInstance).map(AwsProvider.class::cast)
                .filter(p -> p.getAlias() == null)
                .toList();
        if (providers.size() != 1) {
            problems.add("stack", tree.getPath() + " (" + providers.size() + " default AWS providers)",
                    "the stack needs exactly one AWS provider without an alias: its region is the resources' region",
                    "add AwsProvider.Builder.create(stack, \"aws\").region(\"<region>\").build() to the stack");
            return Optional.empty();
        }
        String region = providers.get(0).getRegion();
        if (region == null || TerraformReferences.isReference(region) || !AwsRegions.isValid(region)) {
            problems.add("stack", tree.getPath() + " (AWS provider region " + (region == null ? "unset"
                    : TerraformReferences.isReference(region) ? "a Terraform expression" : region) + ")",
                    "the stack's AWS provider must name one of the regions hashicorp/aws 5.100.0 knows",
                    "set the provider's region to a literal such as eu-west-3");
            return Optional.empty();
        }
        return Optional.of(region);
    }

    /** @return the stack {@code scope} is in, without cdktf's error when there is none */
    public static Optional<TerraformStack> stackOf(IConstruct scope) {
        TerraformStack innermost = null;
        for (IConstruct s : scope.getNode().getScopes()) {
            if (s instanceof TerraformStack stack) {
                innermost = stack;
            }
        }
        return Optional.ofNullable(innermost);
    }
}
