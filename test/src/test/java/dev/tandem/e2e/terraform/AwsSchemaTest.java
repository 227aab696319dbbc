package dev.tandem.e2e.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.e2e.snapshot.GoldenFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hashicorp/aws schema the AWS binding is generated from ({@code src/aws/schema.json}) is the
 * extraction of the committed full schema ({@code src/aws/full-schema.json.gz}) for the types in
 * {@code src/aws/resources.txt}, and both are what the mirrored provider reports: the same script
 * ({@code src/aws/extract-schema.cjs --terraform}) run on the real {@code terraform providers schema
 * -json}, offline, must write the same bytes. The mirror check skips where terraform or the mirror
 * is missing (a workstation) and fails in CI.
 */
class AwsSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROVIDER = "registry.terraform.io/hashicorp/aws";
    private static final String REFRESH = "node src/aws/extract-schema.cjs --terraform (offline: with "
            + "TF_CLI_CONFIG_FILE naming the mirror, inside unshare -n)";

    private final Path committed = Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize()
            .resolve("src/aws");

    @TempDir
    Path scratch;

    @Test
    void theCommittedSubsetIsTheExtractionOfTheCommittedFullSchema() throws Exception {
        Path out = scratch.resolve("schema.json");
        OfflineTerraform.Result r = node(List.of("--out", out.toString()));
        assertThat(r.exitCode()).as("extract-schema.cjs:\n" + r.output()).isZero();

        assertSame(committed.resolve("schema.json"), out, "node src/aws/extract-schema.cjs");
    }

    @Test
    void theCommittedSchemasAreWhatTheMirroredProviderReports() throws Exception {
        OfflineTerraform terraform = OfflineTerraform.require("AWS schema check");
        Path full = scratch.resolve("full-schema.json.gz");
        Path out = scratch.resolve("schema.json");
        List<String> command = new ArrayList<>(List.of("node", committed.resolve("extract-schema.cjs").toString(),
                "--terraform", "--full", full.toString(), "--out", out.toString()));
        OfflineTerraform.Result r = terraform.offline(scratch, terraform.writeCliConfig(scratch), command);
        assertThat(r.exitCode()).as("extract-schema.cjs --terraform:\n" + r.output()).isZero();

        String committedFull = gunzip(committed.resolve("full-schema.json.gz"));
        String reported = gunzip(full);
        assertThat(committedFull.equals(reported))
                .as(() -> "src/aws/full-schema.json.gz differs from the mirrored provider's schema in "
                        + differingTypes(committedFull, reported) + "; refresh it with: " + REFRESH)
                .isTrue();
        assertSame(committed.resolve("schema.json"), out, REFRESH);
    }

    private OfflineTerraform.Result node(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", committed.resolve("extract-schema.cjs").toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new OfflineTerraform.Result(p.waitFor(), output);
    }

    private static void assertSame(Path committedFile, Path produced, String fix) throws IOException {
        String expected = Files.readString(committedFile, StandardCharsets.UTF_8);
        String actual = Files.readString(produced, StandardCharsets.UTF_8);
        assertThat(expected.equals(actual))
                .as(() -> "src/aws/schema.json is not what " + fix + " writes:\n"
                        + GoldenFiles.unifiedDiff("src/aws/schema.json", "extracted", expected, actual))
                .isTrue();
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Which parts differ, by name: a one-line schema of 13 MB has no readable diff. */
    private static String differingTypes(String committedFull, String reported) {
        try {
            JsonNode a = JSON.readTree(committedFull);
            JsonNode b = JSON.readTree(reported);
            TreeSet<String> differing = new TreeSet<>();
            if (!a.path("provider_versions").equals(b.path("provider_versions"))) {
                differing.add("provider_versions");
            }
            JsonNode pa = a.path("provider_schemas").path(PROVIDER);
            JsonNode pb = b.path("provider_schemas").path(PROVIDER);
            TreeSet<String> parts = new TreeSet<>();
            pa.fieldNames().forEachRemaining(parts::add);
            pb.fieldNames().forEachRemaining(parts::add);
            for (String part : parts) {
                JsonNode x = pa.path(part);
                JsonNode y = pb.path(part);
                if (part.equals("provider") || !x.isObject() || !y.isObject()) {
                    if (!x.equals(y)) {
                        differing.add(part);
                    }
                    continue;
                }
                TreeSet<String> names = new TreeSet<>();
                x.fieldNames().forEachRemaining(names::add);
                y.fieldNames().forEachRemaining(names::add);
                names.stream().filter(n -> !x.path(n).equals(y.path(n))).forEach(n -> differing.add(part + "." + n));
            }
            return differing.isEmpty() ? "formatting only" : differing.toString();
        } catch (IOException e) {
            return "content that does not parse (" + e.getMessage() + ")";
        }
    }
}
