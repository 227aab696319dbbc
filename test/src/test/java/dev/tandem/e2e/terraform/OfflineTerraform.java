package dev.tandem.e2e.terraform;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real {@code terraform} with no network: inside a private network namespace
 * ({@code unshare -n}) and with providers only from the machine's filesystem mirror.
 */
final class OfflineTerraform {
    /** Where this kind of machine keeps the mirror; {@code TANDEM_TF_MIRROR} overrides. */
    private static final List<String> MIRROR_CANDIDATES = List.of("/opt/tf-plugins",
            "/usr/local/share/terraform/plugins", "/usr/share/terraform/plugins",
            System.getProperty("user.home") + "/.terraform.d/plugins");

    private final Path mirror;

    private OfflineTerraform(Path mirror) {
        this.mirror = mirror;
    }

    /**
     * @param what the checks that need it, for the message
     * @return the tool; skips the calling test where it cannot run (a workstation), fails it in CI
     *         (environment variable {@code CI} set), so a green CI run always means Terraform ran
     */
    static OfflineTerraform require(String what) {
        Availability found = find();
        String ci = System.getenv("CI");
        if (found.terraform().isEmpty() && ci != null && !ci.isBlank() && !ci.equals("false")) {
            fail("CI must run the " + what + ", but " + found.missing());
        }
        Assumptions.assumeTrue(found.terraform().isPresent(), what + " skipped: " + found.missing());
        return found.terraform().get();
    }

    /** @return the tool, or why it cannot run here */
    private static Availability find() {
        if (!onPath("terraform")) {
            return new Availability(Optional.empty(), "terraform is not on PATH");
        }
        if (!onPath("unshare")) {
            return new Availability(Optional.empty(), "unshare (util-linux) is not on PATH");
        }
        List<String> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("TANDEM_TF_MIRROR")).ifPresent(candidates::add);
        candidates.addAll(MIRROR_CANDIDATES);
        for (String c : candidates) {
            Path aws = Path.of(c, "registry.terraform.io", "hashicorp", "aws");
            if (Files.isDirectory(aws)) {
                try (Stream<Path> versions = Files.list(aws)) {
                    if (versions.findAny().isPresent()) {
                        return new Availability(Optional.of(new OfflineTerraform(Path.of(c))), "");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new Availability(Optional.empty(), "no filesystem mirror with hashicorp/aws in " + candidates
                + " (set TANDEM_TF_MIRROR)");
    }

    /** Writes a CLI config that installs hashicorp/aws from the mirror and nothing from anywhere else. */
    Path writeCliConfig(Path dir) throws IOException {
        Path config = dir.resolve("terraform.rc");
        Files.writeString(config, """
                provider_installation {
                  filesystem_mirror {
                    path    = "%s"
                    include = ["registry.terraform.io/hashicorp/aws"]
                  }
                }
                disable_checkpoint = true
                """.formatted(mirror), StandardCharsets.UTF_8);
        return config;
    }

    /**
     * Runs {@code terraform args...} in {@code workDir} inside a fresh network namespace.
     *
     * @return exit code and combined output
     */
    Result run(Path workDir, Path cliConfig, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("terraform"));
        command.addAll(List.of(args));
        return offline(workDir, cliConfig, command);
    }

    /**
     * Runs {@code command} (terraform, or a program that runs it) in {@code workDir} inside a fresh
     * network namespace, with Terraform configured by {@code cliConfig}.
     *
     * @return exit code and combined output
     */
    Result offline(Path workDir, Path cliConfig, List<String> command) throws IOException, InterruptedException {
        List<String> isolated = new ArrayList<>(List.of("unshare", "-n"));
        isolated.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(isolated).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().put("TF_CLI_CONFIG_FILE", cliConfig.toString());
        pb.environment().put("TF_IN_AUTOMATION", "1");
        pb.environment().put("CHECKPOINT_DISABLE", "1");
        pb.environment().put("TF_INPUT", "0");
        pb.environment().remove("TF_PLUGIN_CACHE_DIR");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    /** The tool, or the reason it is missing. */
    private record Availability(Optional<OfflineTerraform> terraform, String missing) {
    }

    /** A finished terraform command. */
    record Result(int exitCode, String output) {
    }
}
