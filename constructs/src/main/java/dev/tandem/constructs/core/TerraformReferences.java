package dev.tandem.constructs.core;

import com.hashicorp.cdktf.Token;

/**
 * Values that may be Terraform references (an address read from another stack, an id from a
 * variable): only known at apply, so their content is not checked at synth, and a message never
 * shows cdktf's placeholder ({@code ${TfToken[…]}}) but says what holds the reference. The one place
 * every construct asks "is this a reference?".
 */
public final class TerraformReferences {
    private TerraformReferences() {
    }

    /**
     * @return true when {@code value} is an unresolved cdktf string token; plain text (no {@code ${})
     *         is told apart in Java, without a round trip into jsii
     */
    public static boolean isReference(String value) {
        return value != null && value.contains("${") && Token.isUnresolved(value);
    }

    /**
     * @param value  the value as given
     * @param holder what the reference is, for the reader, e.g. {@code address of origin primary-1}
     * @return {@code value}, or for a reference a description naming {@code holder}, for messages
     */
    public static String shown(String value, String holder) {
        return isReference(value) ? "a Terraform reference (" + holder + ")" : value;
    }
}
