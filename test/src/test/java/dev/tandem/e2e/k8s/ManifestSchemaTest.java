package dev.tandem.e2e.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.tandem.constructs.k8s.K8sAppCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.stacks.DeploymentStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every synthesized manifest is valid under the OpenAPI schema of the Kubernetes version its cluster targets. */
class ManifestSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static SynthesizedK8s synth;

    @BeforeAll
    static void synthesize() {
        synth = SynthesizedK8s.into(tmp.resolve("cdktf.out"));
    }

    private static Map<String, KubernetesSchemas.Validator> schemasFor(K8sAppCluster cluster) {
        String version = cluster.props().kubernetesVersion();
        return KubernetesSchemas.forVersion(version).orElseThrow(() -> new AssertionError("no Kubernetes " + version
                + " schema is pinned (the test has " + KubernetesSchemas.PINNED_MINOR + "): pin the "
                + "io.kubernetes:client-java-api major generated from " + version + " in the parent pom"));
    }

    private static JsonElement gson(JsonNode node) throws IOException {
        return JsonParser.parseString(JSON.writeValueAsString(node));
    }

    private static void validate(Map<String, KubernetesSchemas.Validator> schemas, JsonNode doc) throws IOException {
        String kind = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
        KubernetesSchemas.Validator validator = schemas.get(kind);
        if (validator == null) {
            fail("no schema for " + kind + " among " + schemas.keySet());
        }
        validator.validate(gson(doc));
    }

    private static List<Path> manifests(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
    }

    private static void assertMatchesSchema(String stack, Path k8sDir, K8sAppCluster cluster) throws IOException {
        Map<String, KubernetesSchemas.Validator> schemas = schemasFor(cluster);
        List<Path> files = manifests(k8sDir);
        assertThat(files).hasSize(cluster.manifests().size());
        for (Path file : files) {
            try {
                validate(schemas, YAML.readTree(file.toFile()));
            } catch (IllegalArgumentException | IOException ex) {
                fail(stack + "/" + file.getFileName() + " breaks the Kubernetes "
                        + cluster.props().kubernetesVersion() + " schema: " + ex.getMessage());
            }
        }
    }

    @Test
    void everySynthesizedManifestMatchesTheSchemaOfTheTargetedVersion() throws IOException {
        for (Map.Entry<String, K8sAppCluster> e : synth.clusters().entrySet()) {
            assertMatchesSchema(e.getKey(), synth.k8sDir(e.getKey()), e.getValue());
        }
    }

    @Test
    void theReferenceDeploymentsManifestsMatchTheSchema() throws IOException {
        DeploymentStacks stacks = SynthesizedDeployment.stacks();
        Path out = SynthesizedDeployment.outdir();
        assertMatchesSchema("primary", out.resolve("stacks/primary/k8s"), stacks.primary().app());
        assertMatchesSchema("secondary", out.resolve("stacks/secondary/k8s"), stacks.region("secondary").orElseThrow().app());
    }

    @Test
    void theValidatorRejectsAnUnknownFieldAndAMissingRequiredOne() throws IOException {
        Map<String, KubernetesSchemas.Validator> schemas = schemasFor(synth.clusters().get("minimal"));
        JsonNode deployment = YAML.readTree(synth.k8sDir("minimal").resolve("deployment.yaml").toFile());

        ObjectNode typo = deployment.deepCopy();
        ((ObjectNode) typo.path("spec")).put("replica", 3);
        assertThatThrownBy(() -> validate(schemas, typo)).hasMessageContaining("replica");

        ObjectNode nameless = deployment.deepCopy();
        ((ObjectNode) nameless.at("/spec/template/spec/containers/0")).remove("name");
        assertThatThrownBy(() -> validate(schemas, nameless)).hasMessageContaining("name");
    }
}
