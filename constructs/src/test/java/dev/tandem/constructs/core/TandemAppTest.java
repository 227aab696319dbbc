package dev.tandem.constructs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.constructs.IValidation;

class TandemAppTest {
    @TempDir
    Path tmp;

    private TandemApp appWithOneStack(Path outdir, String outputValue) {
        TandemApp app = TandemApp.create(outdir);
        TerraformStack stack = new TerraformStack(app.app(), "region");
        TerraformOutput.Builder.create(stack, "marker").value(outputValue).build();
        new SideFile(stack, "cfg", "haproxy/edge.cfg", "global\n  daemon\n");
        return app;
    }

    @Test
    void synthWritesStacksAndSideFilesAndLeavesNoStagingFolder() throws IOException {
        Path out = tmp.resolve("cdktf.out");
        appWithOneStack(out, "first").synth();

        assertThat(out.resolve("manifest.json")).exists();
        assertThat(Files.readString(out.resolve("stacks/region/cdk.tf.json"))).contains("first");
        assertThat(out.resolve("stacks/region/haproxy/edge.cfg")).hasContent("global\n  daemon\n");
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("cdktf.out");
        }
    }

    @Test
    void aFailedSynthLeavesThePreviousOutputUntouched() throws IOException {
        Path out = tmp.resolve("cdktf.out");
        appWithOneStack(out, "first").synth();

        TandemApp failing = appWithOneStack(out, "second");
        IValidation broken = () -> List.of("the edge stack lost its pools");
        failing.app().getNode().findChild("region").getNode().addValidation(broken);

        assertThatThrownBy(failing::synth).hasMessageContaining("the edge stack lost its pools");
        assertThat(Files.readString(out.resolve("stacks/region/cdk.tf.json"))).contains("first")
                .doesNotContain("second");
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("cdktf.out");
        }
    }

    @Test
    void aResynthKeepsTerraformsWorkingFilesAndLocalState() throws IOException {
        Path out = tmp.resolve("cdktf.out");
        appWithOneStack(out, "first").synth();
        Path stackDir = out.resolve("stacks/region");
        Files.createDirectories(stackDir.resolve(".terraform/providers"));
        Files.writeString(stackDir.resolve(".terraform.lock.hcl"), "# lock");
        Files.writeString(stackDir.resolve("terraform.region.tfstate"), "{}");

        appWithOneStack(out, "second").synth();

        assertThat(Files.readString(stackDir.resolve("cdk.tf.json"))).contains("second");
        assertThat(stackDir.resolve(".terraform/providers")).isDirectory();
        assertThat(stackDir.resolve(".terraform.lock.hcl")).hasContent("# lock");
        assertThat(stackDir.resolve("terraform.region.tfstate")).hasContent("{}");
    }

    @Test
    void aSideFileOutsideItsStackFolderIsRejected() {
        TerraformStack stack = new TerraformStack(TandemApp.create(tmp.resolve("o")).app(), "region");
        assertThatThrownBy(() -> new SideFile(stack, "evil", "../../etc/passwd", "x"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("region/evil: relativePath = ../../etc/passwd")
                .hasMessageContaining("Fix: ");
    }
}
