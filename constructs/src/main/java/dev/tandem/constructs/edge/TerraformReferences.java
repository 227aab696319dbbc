package dev.tandem.constructs.edge;

import com.hashicorp.cdktf.Token;

/**
 * Values that may be Terraform references (an origin address read from a region stack, an id from a
 * variable): they are only known at apply, so their content is not checked here, and a message never
 * shows cdktf's placeholder ({@code ${TfToken[…]}}) but says what holds the reference.
 */
final class TerraformReferences {
    private TerraformReferences() {
    }

    /** @return true when {@code value} is an unresolved cdktf token */
    static boolean isReference(String value) {
        return value != null && Token.isUnresolved(value);
    }

    /** @return {@code value}, or for a reference a description naming {@code holder}, for messages */
    static String shown(String value, String holder) {
        return isReference(value) ? "a Terraform reference (" + holder + ")" : value;
    }
}
