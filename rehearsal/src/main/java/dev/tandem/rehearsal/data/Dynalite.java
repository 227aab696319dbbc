package dev.tandem.rehearsal.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An open-source DynamoDB engine (dynalite 4.0.0, in memory) as a child process on 127.0.0.1 at a
 * free port. AWS's DynamoDB Local is not used: it comes under the vendor's own licence terms, not
 * an open-source one. test/pom.xml and rehearsal/pom.xml install the
 * locked package into their {@code target/dynalite}.
 */
public final class Dynalite implements AutoCloseable {
    private static final long START_SECONDS = 20;

    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** @return the installed engine's folder, or empty when the build did not install it */
    public static Optional<Path> installation() {
        return installation(Path.of(System.getProperty("tandem.dynalite", "target/dynalite")));
    }

    /** @return {@code dir} when the locked package is installed there, else empty */
    public static Optional<Path> installation(Path dir) {
        return Files.isRegularFile(dir.resolve("node_modules/dynalite/package.json")) ? Optional.of(dir)
                : Optional.empty();
    }

    /**
     * Starts the engine as if in {@code awsRegion} (dynalite puts {@code AWS_REGION} into the ARNs it
     * answers with) and waits (bounded) until it listens.
     */
    public static Dynalite start(Path installation, String awsRegion) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("node", "serve.cjs").directory(installation.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("AWS_REGION", awsRegion);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String first = line.get(START_SECONDS, TimeUnit.SECONDS);
            if (first == null || !first.startsWith("listening ")) {
                throw new IllegalStateException("dynalite did not start: " + first);
            }
            return new Dynalite(p, URI.create("http://127.0.0.1:" + first.substring("listening ".length()).strip()));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new IllegalStateException("dynalite did not listen within " + START_SECONDS + " s", e);
        }
    }

    /** @return the engine's process id, e.g. to pause it as a network partition would */
    public long pid() {
        return process.pid();
    }

    /** @return the engine's loopback endpoint */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
