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
        if (cause.getMessage() == null) {
            // A bug, not a description problem: name the exception and where it came from, for the report.
            // The first frame of our own code says more than the JDK's requireNonNull.
            java.util.List<StackTraceElement> frames = java.util.List.of(cause.getStackTrace());
            String at = frames.stream().filter(f -> f.getClassName().startsWith("dev.tandem.")).findFirst()
                    .or(() -> frames.stream().findFirst()).map(f -> " at " + f).orElse("");
            return cause.getClass().getName() + at + " (a Tandem bug: please report it)";
        }
        String message = cause.getMessage();
        if (cause instanceof JsiiException) {
            return message.lines().findFirst().orElse(message).strip();
        }
        return message;
    }
}
