package dev.tandem.constructs.readiness;

import java.util.List;

/**
 * Where one stack's Terraform state is kept and which secrets it holds, as {@code dr-report.md} lists them
 * (rule {@link Rule#STATE_SECRETS}).
 *
 * @param stack   the stack's path
 * @param backend where its state is kept
 * @param local   whether that is a plaintext local file
 * @param secrets each secret, as {@code <construct path>: <attribute>}
 */
public record StackState(String stack, String backend, boolean local, List<String> secrets) {
    /** Copies the list. */
    public StackState {
        secrets = List.copyOf(secrets);
    }
}
