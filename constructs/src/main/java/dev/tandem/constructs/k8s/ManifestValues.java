package dev.tandem.constructs.k8s;

import dev.tandem.constructs.core.TerraformReferences;
import dev.tandem.constructs.core.Problems;

/** Values that end up in the manifest files, which Terraform never reads, so its references cannot resolve there. */
final class ManifestValues {
    private ManifestValues() {
    }

    /** @return true for a Terraform reference (a token) */
    static boolean isToken(String value) {
        return TerraformReferences.isReference(value);
    }

    /**
     * Records a problem when {@code value} is an unresolved Terraform value (a token), without
     * printing the token.
     *
     * @return true when the value is known at synth time, so its content can be checked
     */
    static boolean known(Problems p, String value, String property) {
        return p.require(value == null || !isToken(value), property, "an unresolved Terraform value",
                "must be known at synth time: the manifests are files that Terraform never resolves",
                "write the value itself, not a reference to a resource or variable");
    }
}
