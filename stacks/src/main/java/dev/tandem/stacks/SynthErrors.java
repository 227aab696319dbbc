package dev.tandem.stacks;

import software.amazon.jsii.JsiiException;

/** Turns an exception from a synth into the short text a user needs. */
final class SynthErrors {
    private SynthErrors() {
    }

    /**
     * Our validation messages are already complete. An error raised inside the jsii runtime carries
     * a JavaScript stack after its first line: keep only the message.
     */
    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof JsiiException) {
            int stack = message.indexOf("\n    at ");
            return (stack > 0 ? message.substring(0, stack) : message).strip();
        }
        return message;
    }
}
