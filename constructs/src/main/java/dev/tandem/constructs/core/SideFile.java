package dev.tandem.constructs.core;

import java.nio.file.Path;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * A file a construct writes beside its stack's {@code cdk.tf.json} — for example {@code haproxy/edge.cfg} or
 * {@code k8s/deployment.yaml}.
 *
 * <pre>{@code
 * new SideFile(stack, "runbook", "runbook/failover.md", "# Failing over\n");   // cdktf.out/stacks/<stack>/runbook/
 * }</pre>
 *
 * <p>{@link TandemApp#synthesize} writes every side file of a stack into
 * {@code cdktf.out/stacks/<stack>/<relativePath>}, and a side file whose scope is the app itself (in no stack) into
 * {@code cdktf.out/<relativePath>}: that is where deployment-wide files such as {@code dr-report.md} go. A side
 * file may not replace a file the synth already wrote ({@code manifest.json}, a {@code cdk.tf.json}, another side
 * file).
 *
 * <p>Side files are ordinary tree nodes, so there is no global registry: the tree is the state.
 */
public final class SideFile extends Construct {
    private final String relativePath;
    private final String content;

    /**
     * Creates a side file.
     *
     * @param scope        the construct that owns the file
     * @param id           construct id
     * @param relativePath path below the stack's output folder (or the output's top, for a side file of
     *                     the app), with {@code /} separators, no {@code ..}
     * @param content      the file's full text
     */
    public SideFile(@NotNull Construct scope, @NotNull String id, String relativePath, String content) {
        super(Scopes.checked(scope, id, "SideFile"), id);
        Problems problems = Problems.at(this);
        problems.present(content, "content", "pass the file's text (\"\" for an empty file)");
        boolean safe = relativePath != null && !relativePath.isBlank()
                && !Path.of(relativePath).isAbsolute()
                && !Path.of(relativePath).normalize().startsWith("..")
                && Path.of(relativePath).normalize().toString().equals(relativePath);
        problems.require(safe, "relativePath", relativePath,
                "must be a normalized relative path inside the output folder",
                "use a path such as haproxy/edge.cfg");
        problems.throwIfAny();
        this.relativePath = relativePath;
        this.content = content;
    }

    /** @return path below the stack's output folder, or below the output's top for a side file of the app */
    public String relativePath() {
        return relativePath;
    }

    /** @return the file's text */
    public String content() {
        return content;
    }
}
