package dev.tandem.e2e.rehearsal;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.e2e.haproxy.HaproxyBinary;
import dev.tandem.rehearsal.data.Dynalite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The rehearsal ({@code dev.tandem.rehearsal.Main}, what ./rehearse runs) on a synthesized folder, in a child JVM
 * inside a network namespace of its own, as ./rehearse runs it.
 *
 * @param exitCode 0 when every scenario passed
 * @param output   what it printed
 * @param report   the rehearsal.json it wrote
 */
record RehearsalRun(int exitCode, String output, JsonNode report) {
    private static final Pattern WORK = Pattern.compile("work folder (\\S+)");

    /** @return the run of {@code scenarios} on {@code outdir}; skips (fails in CI) where the tools are missing */
    static RehearsalRun of(Path outdir, String... scenarios) throws IOException, InterruptedException {
        HaproxyBinary.require();
        String missing = !onPath("unshare") ? "unshare (util-linux) is not on PATH"
                : Dynalite.installation().isEmpty() ? "dynalite is not installed in test/target/dynalite" : null;
        if (missing != null) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank() && !ci.equals("false")) {
                fail("CI must run the rehearsal, but " + missing);
            }
            Assumptions.abort("rehearsal skipped: " + missing);
        }
        // Root makes a network namespace; anyone else needs a user namespace around it (-r), as ./rehearse does.
        String unshare = System.getProperty("user.name").equals("root") ? "-n" : "-rn";
        List<String> command = new ArrayList<>(List.of("unshare", unshare, "--", "sh", "-c",
                "PATH=\"$PATH:/usr/sbin:/sbin\" ip link set lo up && exec \"$@\"", "rehearse", Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-XX:+UseSerialGC", "-Dtandem.dynalite=" + Dynalite.installation().get(),
                "-classpath", System.getProperty("java.class.path"), "dev.tandem.rehearsal.Main"));
        if (scenarios.length > 0) {
            command.addAll(List.of("--only", String.join(",", scenarios)));
        }
        command.add(outdir.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Read in the background, so that the bound below holds even when the rehearsal never closes its output.
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e.getMessage() + ")";
            }
        });
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the rehearsal did not finish in 5 minutes:\n" + read.getNow("(no output yet)"));
        }
        String output = read.join();
        deleteWorkFolder(output);
        Path json = outdir.resolve("rehearsal.json");
        if (!Files.exists(json)) {
            throw new AssertionError("the rehearsal wrote no rehearsal.json (exit " + p.exitValue() + "):\n" + output);
        }
        return new RehearsalRun(p.exitValue(), output, new ObjectMapper().readTree(json.toFile()));
    }

    /** @return the entry of scenario {@code name} */
    JsonNode scenario(String name) {
        for (JsonNode s : report.path("scenarios")) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no scenario " + name + " in:\n" + output);
    }

    /** A failed rehearsal keeps its work folder for a person to look at; a test has read what it needs. */
    private static void deleteWorkFolder(String output) throws IOException {
        Matcher work = WORK.matcher(output);
        if (work.find()) {
            Path dir = Path.of(work.group(1));
            if (Files.isDirectory(dir) && dir.getFileName().toString().startsWith("tandem-rehearsal-")) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
