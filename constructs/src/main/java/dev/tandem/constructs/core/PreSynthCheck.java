package dev.tandem.constructs.core;

import software.constructs.Construct;

/**
 * A check of the whole app that {@link TandemApp#synthesize} runs after the definition has added every construct
 * and before anything is synthesized, so a failure leaves no output.
 *
 * <pre>{@code
 * new PreSynthCheck(app, "tags") {
 *     protected void run() {
 *         // read the finished tree; throw a ValidationException listing every problem
 *     }
 * };
 * }</pre>
 *
 * <p>It is a node of the tree, like {@link SideFile}: the tree is the state, there is no registry.
 */
public abstract class PreSynthCheck extends Construct {

    /**
     * @param scope usually the app
     * @param id    construct id
     */
    protected PreSynthCheck(Construct scope, String id) {
        super(scope, id);
    }

    /**
     * Runs the check over the finished tree; may add side files.
     *
     * @throws ValidationException listing every problem found
     */
    protected abstract void run();

    /** Runs every check in {@code root}'s tree, in tree order (used by {@link TandemApp}). */
    static void runAll(Construct root) {
        root.getNode().findAll().stream()
                .filter(PreSynthCheck.class::isInstance)
                .map(PreSynthCheck.class::cast)
                .toList()
                .forEach(PreSynthCheck::run);
    }
}
