package dev.tandem.e2e.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.JsonParser;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.TandemApp;
import dev.tandem.constructs.k8s.K8sFixtures;
import dev.tandem.constructs.postgres.CnpgSchema;
import dev.tandem.constructs.postgres.PostgresCluster;
import dev.tandem.constructs.postgres.PostgresDatabaseProps;
import dev.tandem.constructs.postgres.ReplicationMode;
import dev.tandem.providers.ovh.provider.OvhProvider;
import io.kubernetes.client.openapi.models.V1Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.constructs.Construct;

/**
 * A streaming database across Paris (three zones) and Frankfurt, synthesized through {@link TandemApp} as a
 * deployment is: each region's {@code postgres/} folder builds with {@code kubectl kustomize} (offline), its
 * CloudNativePG documents pass the CRD subset as written to disk, and the load-balanced Service passes the
 * official Kubernetes schema ({@link KubernetesSchemas}, Kubernetes {@value KubernetesSchemas#PINNED_MINOR}:
 * the v1 Service is unchanged in the 1.34 the clusters run, an assumption of this check).
 */
class PostgresManifestsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    @TempDir
    static Path tmp;
    private static Path outdir;

    @BeforeAll
    static void synthesize() {
        PostgresDatabaseProps db = PostgresDatabaseProps.builder().name("sessions").regions("EU-WEST-PAR", "DE1")
                .primaryRegion("EU-WEST-PAR").replicationMode(ReplicationMode.STREAMING)
                .streamingAddresses(Map.of("EU-WEST-PAR", "10.10.255.250", "DE1", "10.20.255.250"))
                .promotionDecisionTime(Duration.ofMinutes(10)).build();
        outdir = tmp.resolve("cdktf.out");
        TandemApp.synthesize(outdir, app -> {
            TerraformStack paris = stack(app, "paris");
            PostgresCluster.Builder.create(paris, "sessions").database(db)
                    .app(K8sFixtures.cluster(paris).kubernetesVersion("1.34").build()).build();
            TerraformStack frankfurt = stack(app, "frankfurt");
            return PostgresCluster.Builder.create(frankfurt, "sessions").database(db)
                    .app(K8sFixtures.oneZoneCluster(frankfurt).kubernetesVersion("1.34").build()).build();
        });
    }

    private static TerraformStack stack(Construct app, String name) {
        TerraformStack stack = new TerraformStack(app, name);
        OvhProvider.Builder.create(stack, "ovh").endpoint("ovh-eu").build();
        return stack;
    }

    @Test
    void kubectlKustomizeBuildsEachRegionsPostgresFolder() throws IOException, InterruptedException {
        Path kubectl = RequiredTool.find("kubectl", "apt-get install -y kubernetes-client (Debian)");
        for (String stack : List.of("paris", "frankfurt")) {
            Process p = new ProcessBuilder(kubectl.toString(), "kustomize",
                    outdir.resolve("stacks/" + stack + "/postgres").toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(stack + ": kubectl kustomize said\n" + output).isZero();
            assertThat(output).contains("kind: Cluster", "kind: ObjectStore", "kind: ScheduledBackup", "kind: Service");
        }
    }

    @Test
    void theWrittenFilesPassTheCrdSubsetAndTheKubernetesSchema() throws IOException {
        for (String stack : List.of("paris", "frankfurt")) {
            try (var files = Files.list(outdir.resolve("stacks/" + stack + "/postgres"))) {
                for (Path file : files.filter(f -> !f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                    Map<String, Object> doc = YAML.readValue(file.toFile(), new TypeReference<>() {
                    });
                    if ("Service".equals(doc.get("kind"))) {
                        String json = new ObjectMapper().writeValueAsString(doc);
                        assertThatCode(() -> V1Service.validateJsonElement(JsonParser.parseString(json)))
                                .as(file.toString()).doesNotThrowAnyException();
                        continue;
                    }
                    assertThat(CnpgSchema.pinned().kinds()).contains(doc.get("apiVersion") + "/" + doc.get("kind"));
                    assertThatCode(() -> {
                        Problems p = new Problems(stack + "/" + file.getFileName());
                        CnpgSchema.pinned().validateInto(p, doc);
                        p.throwIfAny();
                    }).doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void theOperatorFolderPinsTheReleasesAndTheFilesHoldNoSecretValue() throws IOException {
        Path operator = outdir.resolve("stacks/paris/postgres-operator");
        assertThat(Files.readString(operator.resolve("2-cloudnative-pg/kustomization.yaml")))
                .contains("cloudnative-pg/release-1.30/releases/cnpg-1.30.0.yaml");
        try (var all = Files.walk(outdir.resolve("stacks"))) {
            for (Path f : all.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yaml")).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain("kind: Secret");
            }
        }
    }
}
