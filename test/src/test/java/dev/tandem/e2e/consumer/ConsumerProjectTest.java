package dev.tandem.e2e.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own project, made from README → "Your own project" alone, builds against Tandem's artifacts
 * through the BOM and synthesizes with the real cdktf CLI and its defaults: {@code cdktf synth} and
 * {@code cdktf list} in the project's folder, no wrapper. Tandem's artifacts of this build are put in a
 * local repository of the test's own (a hard-linked copy of the build's), as {@code mvn install} would.
 */
class ConsumerProjectTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = "0.1.0-SNAPSHOT";

    @TempDir
    static Path tmp;
    private static Path project;
    private static Run synth;
    private static Run list;

    @BeforeAll
    static void buildTheReadmesProjectAndRunTheCli() throws Exception {
        Map<String, String> files = ReadmeProjectFiles.read(ROOT.resolve("README.md"));
        assertThat(files).as("README's project files").containsOnlyKeys("pom.xml", "cdktf.json",
                "src/main/java/com/acme/orders/Main.java");
        project = tmp.resolve("orders-dr");
        ReadmeProjectFiles.write(files, project);
        Path repository = localRepository();
        // Offline, on the test's repository: the README's own files stay as they are.
        Files.createDirectories(project.resolve(".mvn"));
        Files.writeString(project.resolve(".mvn/maven.config"), "-o -Dmaven.repo.local=" + repository + "\n");
        Path cli = CdktfCli.ensureInstalled(ROOT);
        synth = Run.of(project, cli.toString(), "synth");
        list = Run.of(project, cli.toString(), "list");
    }

    @Test
    void cdktfSynthWithItsDefaultsWritesEveryStackAndTheDrReportIntoCdktfOut() throws IOException {
        assertThat(synth.exitCode()).as(synth.output()).isZero();
        Path out = project.resolve("cdktf.out");
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        List<String> stacks = new ArrayList<>();
        manifest.path("stacks").fieldNames().forEachRemaining(stacks::add);
        assertThat(stacks).contains("paris", "milan", "edge");
        for (String stack : stacks) {
            assertThat(out.resolve("stacks/" + stack + "/cdk.tf.json")).isRegularFile();
        }
        assertThat(out.resolve("dr-report.md")).isRegularFile();
        JsonNode paris = JSON.readTree(out.resolve("stacks/paris/cdk.tf.json").toFile());
        JsonNode parameter = paris.path("resource").path("aws_ssm_parameter").elements().next();
        assertThat(parameter.path("value").asText()).as("the project's own AWS resource reads the table's ARN")
                .startsWith("${aws_dynamodb_table.").endsWith(".arn}");
    }

    @Test
    void cdktfListSynthesizesAgainInPlaceAndListsEveryStack() throws IOException {
        assertThat(list.exitCode()).as(list.output()).isZero();
        JsonNode manifest = JSON.readTree(project.resolve("cdktf.out/manifest.json").toFile());
        manifest.path("stacks").fieldNames().forEachRemaining(stack ->
                assertThat(list.output()).containsPattern("(?m)^" + stack + "\\s+cdktf\\.out/stacks/" + stack + "$"));
        try (var entries = Files.list(project)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .as("no staging or previous output is left beside cdktf.out")
                    .noneMatch(name -> name.startsWith("cdktf.out."));
        }
    }

    /** A copy of the build's local repository (hard links, so it costs little) with this build's Tandem in it. */
    private static Path localRepository() throws Exception {
        Path build = Path.of(System.getProperty("tandem.m2",
                System.getProperty("user.home") + "/.m2/repository"));
        Path repository = tmp.resolve("m2");
        Run copy = Run.of(tmp, "cp", "-al", build.toString(), repository.toString());
        assertThat(copy.exitCode()).as(copy.output()).isZero();
        Path tandem = repository.resolve("dev/tandem");
        Run remove = Run.of(tmp, "rm", "-rf", tandem.toString());
        assertThat(remove.exitCode()).as(remove.output()).isZero();
        install(tandem, "tandem-parent", ROOT.resolve("pom.xml"), null);
        install(tandem, "tandem-bom", ROOT.resolve("bom/pom.xml"), null);
        for (String module : List.of("providers", "constructs", "stacks")) {
            Path jar = ROOT.resolve(module + "/target/tandem-" + module + "-" + VERSION + ".jar");
            assertThat(jar).as("built by this build's package phase").isRegularFile();
            install(tandem, "tandem-" + module, ROOT.resolve(module + "/pom.xml"), jar);
        }
        return repository;
    }

    /** The local repository's layout, as {@code mvn install} writes it. */
    private static void install(Path tandem, String artifact, Path pom, Path jar) throws IOException {
        Path folder = tandem.resolve(artifact).resolve(VERSION);
        Files.createDirectories(folder);
        Files.copy(pom, folder.resolve(artifact + "-" + VERSION + ".pom"));
        if (jar != null) {
            Files.copy(jar, folder.resolve(artifact + "-" + VERSION + ".jar"));
        }
    }

    /** A finished process: exit code and its merged output. */
    record Run(int exitCode, String output) {
        static Run of(Path dir, String... command) throws Exception {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.put("CI", "1");
            env.put("CHECKPOINT_DISABLE", "1");
            env.put("DISABLE_VERSION_CHECK", "1");
            env.put("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
            env.remove("CDKTF_OUTDIR");
            env.remove("MAVEN_CONFIG");
            Path log = Files.createTempFile("run", ".log");
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Run(-1, "timed out: " + String.join(" ", command));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            return new Run(p.exitValue(), output);
        }
    }
}
