package dev.tandem.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.constructs.table.Attribute;
import dev.tandem.constructs.table.GlobalTableProps;
import dev.tandem.constructs.table.TableReplicaProps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a stack's cloud assembly into {@code <outdir>/cloudformation/<stack>/}, all or nothing. */
class CloudFormationAppTest {
    @TempDir
    Path tmp;

    private static GlobalTableProps table(String name) {
        return GlobalTableProps.builder().tableName(name).partitionKey(Attribute.string("pk")).build();
    }

    private Path synth(String tableName) {
        return CloudFormationApp.synthesize(tmp.resolve("cdktf.out"), "primary",
                (app, id) -> GlobalTableStack.Builder.create(app, id).table(table(tableName)).homeRegion("eu-west-3")
                        .replicas(Map.of("eu-central-1", TableReplicaProps.builder().build())).build());
    }

    @Test
    void theTemplateLandsInItsStackFolderBesideTheTerraformOutputWhichIsLeftAlone() throws IOException {
        Path terraform = tmp.resolve("cdktf.out/stacks/primary/cdk.tf.json");
        Files.createDirectories(terraform.getParent());
        Files.writeString(terraform, "{}");

        Path template = synth("first");

        assertThat(template).isEqualTo(tmp.resolve("cdktf.out/cloudformation/primary/primary.template.json"));
        assertThat(Files.readString(template)).contains("\"TableName\": \"first\"");
        assertThat(terraform).hasContent("{}");
        try (Stream<Path> entries = Files.list(tmp.resolve("cdktf.out/cloudformation"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("primary");
        }
    }

    @Test
    void aFailedSynthLeavesThePreviousTemplateAndNoStagingFolder() throws IOException {
        Path template = synth("first");

        assertThatThrownBy(() -> synth("x")).hasMessageContaining("tableName");

        assertThat(Files.readString(template)).contains("\"TableName\": \"first\"");
        try (Stream<Path> entries = Files.list(tmp.resolve("cdktf.out/cloudformation"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("primary");
        }
    }
}
