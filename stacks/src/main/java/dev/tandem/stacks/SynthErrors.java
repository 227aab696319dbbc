package dev.tandem.stacks;

import software.amazon.jsii.JsiiException;

/** Turns an exception from a synth (Terraform or CloudFormation) into the short text a user needs. */
public final class SynthErrors {
    private SynthErrors() {
    }

    /**
     * Our validation messages are already complete. An error raised inside the jsii runtime repeats
     * itself and carries a JavaScript stack after its first line: keep the first line.
     */
    public static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof JsiiException) {
            return message.lines().findFirst().orElse(message).strip();
        }
        return message;
    }
}
