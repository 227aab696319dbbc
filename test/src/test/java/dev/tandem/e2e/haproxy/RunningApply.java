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

    /**
     * Prepares {@code signal} (e.g. HUP) for the script's shell, as a dropped SSH session sends it: the sender is
     * started now and only fires on {@link Armed#fire()}, so starting a process on a loaded machine (seconds, at
     * times) does not delay the signal past the moment the drill chose.
     */
    Armed arm(String signal) throws IOException {
        Process sender = new ProcessBuilder("sh", "-c", "read go && kill -" + signal + " " + process.pid())
                .redirectErrorStream(true).start();
        return new Armed(sender, signal);
    }

    /** A signal ready to send. */
    final class Armed {
        private final Process sender;
        private final String signal;

        private Armed(Process sender, String signal) {
            this.sender = sender;
            this.signal = signal;
        }

        /** Sends the signal and waits until it was sent. */
        void fire() throws IOException, InterruptedException {
            sender.getOutputStream().write('\n');
            sender.getOutputStream().close();
            if (!sender.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS) || sender.exitValue() != 0) {
                throw new AssertionError("kill -" + signal + " " + process.pid() + " failed: "
                        + new String(sender.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
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
