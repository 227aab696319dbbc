package dev.tandem.e2e.haproxy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One run of the apply script in progress, read line by line, so a drill can wait for what the script says
 * (an event) instead of sleeping, then signal it, close its output or let it finish.
 */
final class RunningApply {
    /** Generous: the script's own waits are bounded (worker deadline, settle, curl's 2 s), even on a loaded machine. */
    static final Duration LIMIT = Duration.ofSeconds(120);

    private final Process process;
    private final Path staging;
    private final long started;
    private final BufferedReader lines;
    private final StringBuilder output = new StringBuilder();

    RunningApply(Process process, Path staging, long started) {
        this.process = process;
        this.staging = staging;
        this.started = started;
        this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads the output until a line contains {@code text}; fails if the script ends first or after {@link #LIMIT}. */
    String awaitLine(String text) throws IOException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            // readLine blocks until a line or the end; the script writes a line at each step, and ends.
            String line = lines.readLine();
            if (line == null) {
                throw new AssertionError("the script ended before saying \"" + text + "\":\n" + output);
            }
            output.append(line).append('\n');
            if (line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("no \"" + text + "\" within " + LIMIT + ":\n" + output);
    }

    /** Sends {@code signal} (e.g. HUP) to the script's shell, as a dropped SSH session does. */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** Closes the reading end of the script's output, as Terraform's side of a dropped session does. */
    void closeOutput() throws IOException {
        lines.close();
    }

    /** @return the run's result once it ended (within {@link #LIMIT}); output read so far if it was closed */
    LoopbackTier.ApplyResult finish() throws IOException, InterruptedException {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
            }
        } catch (IOException closed) {
            // closeOutput() was called: the rest of the output is gone, by design of the drill
        }
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tandem-haproxy-apply did not finish in " + LIMIT + ":\n" + output);
        }
        return new LoopbackTier.ApplyResult(process.exitValue(), output.toString(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), Files.exists(staging));
    }

    /** @return the output read so far */
    String output() {
        return output.toString();
    }
}
