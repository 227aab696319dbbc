package dev.tandem.constructs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.constructs.Construct;
import software.constructs.IValidation;

class TandemAppTest {
    @TempDir
    Path tmp;

    private static TerraformStack oneStack(App app, String outputValue) {
        TerraformStack stack = new TerraformStack(app, "region");
        TerraformOutput.Builder.create(stack, "marker").value(outputValue).build();
        new SideFile(stack, "cfg", "haproxy/edge.cfg", "global\n  daemon\n");
        return stack;
    }

    private static void synth(Path out, String outputValue) {
        TandemApp.synthesize(out, app -> oneStack(app, outputValue));
    }

    private void assertOnlyTheOutputFolderIsLeft() throws IOException {
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("cdktf.out");
        }
    }

    @Test
    void synthWritesStacksAndSideFilesAndLeavesNoStagingFolder() throws IOException {
        Path out = tmp.resolve("cdktf.out");
        synth(out, "first");

        assertThat(out.resolve("manifest.json")).exists();
        assertThat(Files.readString(out.resolve("stacks/region/cdk.tf.json"))).contains("first");
        assertThat(out.resolve("stacks/region/haproxy/edge.cfg")).hasContent("global\n  daemon\n");
        assertOnlyTheOutputFolderIsLeft();
    }

    @Test
    void aFailedSynthLeavesThePreviousOutputUntouched() throws IOException {
        Path out = tmp.resolve("cdktf.out");
        synth(out, "first");
        IValidation broken = () -> List.of("the edge stack lost its pools");

        assertThatThrownBy(() -> TandemApp.synthesize(out, app -> {
            oneStack(app, "second").getNode().addValidation(broken);
            return null;
        })).hasMessageContaining("the edge stack lost its pools");
        assertThat(Files.readString(out.resolve("stacks/region/cdk.tf.json"))).contains("first")
                .doesNotContain("second");
        assertOnlyTheOutputFolderIsLeft();
    }

    @Test
    void anExceptionWhileBuildingTheStacksLeavesNoStagingFolder() throws IOException {
        Path out = tmp.resolve("cdktf.out");
        synth(out, "first");

        assertThatThrownBy(() -> TandemApp.synthesize(out, app -> {
            throw new IllegalStateException("bad props");
        })).hasMessage("bad props");
        assertThat(Files.readString(out.resolve("stacks/region/cdk.tf.json"))).contains("first");
        assertOnlyTheOutputFolderIsLeft();
    }

    @Test
    void aResynthKeepsTerraformsWorkingFilesAndLocalState() throws IOException {
        Path out = tmp.resolve("cdktf.out");
        synth(out, "first");
        Path stackDir = out.resolve("stacks/region");
        Files.createDirectories(stackDir.resolve(".terraform/providers"));
        Files.writeString(stackDir.resolve(".terraform.lock.hcl"), "# lock");
        Files.writeString(stackDir.resolve("terraform.region.tfstate"), "{}");

        synth(out, "second");

        assertThat(Files.readString(stackDir.resolve("cdk.tf.json"))).contains("second");
        assertThat(stackDir.resolve(".terraform/providers")).isDirectory();
        assertThat(stackDir.resolve(".terraform.lock.hcl")).hasContent("# lock");
        assertThat(stackDir.resolve("terraform.region.tfstate")).hasContent("{}");
    }

    @Test
    void aResynthKeepsOutputItDoesNotWriteSuchAsTheCloudFormationTemplates() throws IOException {
        Path out = tmp.resolve("cdktf.out");
        synth(out, "first");
        Path template = out.resolve("cloudformation/region/region.template.json");
        Files.createDirectories(template.getParent());
        Files.writeString(template, "{}");

        synth(out, "second");

        assertThat(Files.readString(out.resolve("stacks/region/cdk.tf.json"))).contains("second");
        assertThat(template).hasContent("{}");
        assertOnlyTheOutputFolderIsLeft();
    }

    @Test
    void eachSideFileGoesToTheFolderOfTheStackItIsIn() throws IOException {
        Path out = tmp.resolve("cdktf.out");
        TandemApp.synthesize(out, app -> {
            TerraformStack paris = new TerraformStack(app, "paris");
            TerraformStack frankfurt = new TerraformStack(app, "frankfurt");
            Construct tier = new Construct(new Construct(frankfurt, "region"), "haproxy");
            new SideFile(paris, "cfg", "haproxy/edge.cfg", "paris\n");
            new SideFile(tier, "cfg", "haproxy/edge.cfg", "frankfurt\n");
            new SideFile(app, "report", "dr-report.md", "# report\n");
            return paris;
        });

        assertThat(out.resolve("stacks/paris/haproxy/edge.cfg")).hasContent("paris\n");
        assertThat(out.resolve("stacks/frankfurt/haproxy/edge.cfg")).as("a file deep inside a stack's constructs")
                .hasContent("frankfurt\n");
        assertThat(out.resolve("dr-report.md")).hasContent("# report\n");
    }

    @Test
    void aSideFileOutsideItsStackFolderIsRejected() {
        TerraformStack stack = new TerraformStack(com.hashicorp.cdktf.Testing.app(), "region");
        assertThatThrownBy(() -> new SideFile(stack, "evil", "../../etc/passwd", "x"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("region/evil: relativePath = ../../etc/passwd")
                .hasMessageContaining("Fix: ");
    }

    @Test
    void aSideFileOfTheAppItselfIsWrittenAtTheTopOfTheOutput() throws IOException {
        Path out = tmp.resolve("cdktf.out");
        TandemApp.synthesize(out, app -> {
            oneStack(app, "first");
            return new SideFile(app, "report", "dr-report.md", "# report\n");
        });

        assertThat(out.resolve("dr-report.md")).hasContent("# report\n");
        assertThat(out.resolve("stacks/region/haproxy/edge.cfg")).exists();
    }

    @Test
    void aSideFileThatWouldReplaceSynthesizedOutputFailsTheSynth() throws IOException {
        Path out = tmp.resolve("cdktf.out");

        assertThatThrownBy(() -> TandemApp.synthesize(out, app -> {
            oneStack(app, "first");
            return new SideFile(app, "clash", "manifest.json", "{}");
        })).hasMessageContaining("clash would overwrite manifest.json");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void anOutputFolderUnderFoldersThatDoNotExistYetIsCreatedWithThem() throws IOException {
        Path out = tmp.resolve("build/deploy/cdktf.out");
        synth(out, "first");

        assertThat(Files.readString(out.resolve("stacks/region/cdk.tf.json"))).contains("first");
    }

    @Test
    void anOutputFolderUnderAFileIsATandemErrorNamingIt() throws IOException {
        Files.writeString(tmp.resolve("notes"), "not a folder");
        Path out = tmp.resolve("notes/cdktf.out");

        assertThatThrownBy(() -> synth(out, "first")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("TandemApp: outdir = " + out)
                .hasMessageContaining("Fix: ");
    }
}
