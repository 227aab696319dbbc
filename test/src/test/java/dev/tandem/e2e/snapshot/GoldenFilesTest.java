package dev.tandem.e2e.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: a snapshot check that could never fail would prove nothing. */
class GoldenFilesTest {
    @TempDir
    Path tmp;

    private Path out(String content) throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve("stacks/a"));
        Files.writeString(out.resolve("stacks/a/cdk.tf.json"), content);
        return out;
    }

    @Test
    void aChangedFileFailsWithAUnifiedDiffAndTheAcceptCommand() throws Exception {
        Path approved = tmp.resolve("snapshots");
        Files.createDirectories(approved.resolve("stacks/a"));
        Files.writeString(approved.resolve("stacks/a/cdk.tf.json"), "{\n  \"x\": 1\n}\n");

        assertThatThrownBy(() -> new GoldenFiles(approved, false, true)
                .verify(out("{\n  \"x\": 2\n}\n"), "stacks", UnaryOperator.identity()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("--- snapshots/stacks/a/cdk.tf.json")
                .hasMessageContaining("+++ cdktf.out/stacks/a/cdk.tf.json")
                .hasMessageContaining("-  \"x\": 1")
                .hasMessageContaining("+  \"x\": 2")
                .hasMessageContaining(GoldenFiles.ACCEPT_COMMAND);
    }

    @Test
    void aMissingGoldenFileFailsInCiAndIsWrittenElsewhere() throws Exception {
        Path approved = tmp.resolve("snapshots");
        Path out = out("{}\n");

        assertThatThrownBy(() -> new GoldenFiles(approved, false, true).verify(out, "stacks", UnaryOperator.identity()))
                .hasMessageContaining("snapshots/stacks/a/cdk.tf.json is missing");
        assertThat(approved.resolve("stacks/a/cdk.tf.json")).doesNotExist();

        assertThat(new GoldenFiles(approved, false, false).verify(out, "stacks", UnaryOperator.identity()))
                .containsExactly("wrote new golden file snapshots/stacks/a/cdk.tf.json");
        assertThat(approved.resolve("stacks/a/cdk.tf.json")).hasContent("{}\n");
    }

    @Test
    void updatingAcceptsChangesAndRemovesGoldenFilesWithoutOutput() throws Exception {
        Path approved = tmp.resolve("snapshots");
        Files.createDirectories(approved.resolve("stacks/gone"));
        Files.writeString(approved.resolve("stacks/gone/cdk.tf.json"), "old");
        Path out = out("new\n");

        assertThatThrownBy(() -> new GoldenFiles(approved, false, false).verify(out, "stacks", UnaryOperator.identity()))
                .hasMessageContaining("snapshots/stacks/gone/cdk.tf.json has no output any more");

        new GoldenFiles(approved, true, true).verify(out, "stacks", UnaryOperator.identity());
        assertThat(approved.resolve("stacks/gone/cdk.tf.json")).doesNotExist();
        assertThat(approved.resolve("stacks/a/cdk.tf.json")).hasContent("new\n");
        new GoldenFiles(approved, false, true).verify(out, "stacks", UnaryOperator.identity());
    }

    @Test
    void normalizationReplacesTheSynthDirectory() {
        UnaryOperator<String> n = Normalizer.forSynthDir(Path.of("/home/ana/tandem"));
        assertThat(n.apply("{\"path\": \"/home/ana/tandem/terraform.primary.tfstate\"}"))
                .isEqualTo("{\"path\": \"<synth-dir>/terraform.primary.tfstate\"}");
    }
}
