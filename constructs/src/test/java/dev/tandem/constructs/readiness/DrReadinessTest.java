package dev.tandem.constructs.readiness;

import static dev.tandem.constructs.readiness.ReadinessFixture.TARGETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.constructs.core.TandemApp;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.k8s.K8sFixtures;
import dev.tandem.constructs.testing.TestStacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrReadinessTest {
    @TempDir
    Path tmp;

    private static final List<AcceptedRisk> ONE_ZONE_STANDBY = List.of(
            AcceptedRisk.of(Rule.SINGLE_ZONE, "secondary/app", "the standby region has one zone"));

    private static ReadinessFixture oneZoneStandbyCluster() {
        ReadinessFixture f = new ReadinessFixture();
        f.oneZoneStandby();
        return f;
    }

    @Test
    void aPassingSynthWritesTheReportBesideTheStacks() throws IOException {
        Path out = tmp.resolve("cdktf.out");
        ReadinessFixture f = new ReadinessFixture();

        TandemApp.synthesize(out, app -> {
            f.build(app);
            return DrReadiness.enable(app, f.health, TARGETS, List.of());
        });

        assertThat(out.resolve("stacks/edge/cdk.tf.json")).exists();
        assertThat(Files.readString(out.resolve(DrReadiness.MARKDOWN_FILE))).startsWith("# DR readiness report");
        assertThat(TestStacks.parse(Files.readString(out.resolve(DrReadiness.JSON_FILE))).path("summary")
                .path("rto").path("totalSeconds").asInt()).isEqualTo(79);
    }

    @Test
    void everyFailedCheckIsReportedAtOnceAndNothingIsWritten() {
        Path out = tmp.resolve("cdktf.out");
        ReadinessFixture f = new ReadinessFixture();
        f.primaryApp = b -> b.app(K8sFixtures.app().replicas(1).allowSingleReplica(true).build());
        f.table = b -> b.pointInTimeRecovery(false);

        ValidationException e = catchThrowableOfType(() -> TandemApp.synthesize(out, app -> {
            f.build(app);
            return DrReadiness.enable(app, f.health, DrTargets.builder().rto(Duration.ofSeconds(30)).rpo(Duration.ZERO)
                    .build(), List.of());
        }), ValidationException.class);

        assertThat(e.problems()).extracting(p -> p.path() + " " + p.property()).containsExactly(
                "edge/lb rto", "primary/table rpo", "primary/app app.replicas", "primary/app pdb.minAvailable",
                "primary/table pointInTimeRecovery");
        assertThat(e.problems().get(0).requirement()).endsWith("[rule rto]");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.fix()).isNotBlank());
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void theReportShowsTheChainEveryCheckTheFiguresAndTheAcceptedRisks() {
        ReadinessReport report = oneZoneStandbyCluster().evaluate(TARGETS, ONE_ZONE_STANDBY);
        String md = report.markdown();

        assertThat(md).contains("```mermaid\nflowchart TD\n")
                .contains("edge -->|\"1: active\"| pool1", "edge -.->|\"2: failover\"| pool2")
                .contains("app2[\"Kubernetes secondary/app<br/>3 replicas, one zone, 1 pool × max 5 b3-8<br/>"
                        + "pod unready after ≤ 12 s\"]")
                .contains("| RTO (worst case) | 79 s | 120 s | yes |", "| RPO (typical) | 1 s | 10 s | yes |")
                .contains("| cloudflare | edge/lb | 50 s | consecutiveDown 2 × interval 20 s + (retries 1 + 1) × "
                        + "timeout 5 s |")
                .contains("| ACCEPTED | single-zone | secondary/app | zones | none (DE1 is a one-zone region) |")
                .contains("| WARN | symmetry-nodes | secondary/app |")
                .contains("| single-zone | secondary/app | the standby region has one zone |")
                .contains("- symmetry-nodes at secondary/app: ");
        assertThat(md.lines().filter(l -> l.startsWith("| PASS |") || l.startsWith("| WARN |")
                || l.startsWith("| ACCEPTED |") || l.startsWith("| FAIL |"))).hasSize(report.checks().size());
    }

    @Test
    void theJsonHoldsTheSameContent() {
        ReadinessReport report = oneZoneStandbyCluster().evaluate(TARGETS, ONE_ZONE_STANDBY);
        JsonNode json = TestStacks.parse(report.json());

        assertThat(json.path("checks")).hasSize(report.checks().size());
        assertThat(json.path("summary").path("verdicts").path("ACCEPTED").asInt()).isEqualTo(1);
        assertThat(json.path("summary").path("rto").path("targetSeconds").asText()).isEqualTo("120");
        assertThat(json.path("recoveryTime").path("layers")).hasSize(4);
        assertThat(json.path("chain").path("regions").get(1).path("app").path("nodes").asText())
                .isEqualTo("1 pool × max 5 b3-8");
        assertThat(json.path("acceptedRisks").get(0).path("reason").asText()).isEqualTo("the standby region has one zone");
        assertThat(json.path("rules")).hasSize(Rule.values().length);
    }

    @Test
    void theReportIsTheSameOnEveryRun() {
        ReadinessReport first = oneZoneStandbyCluster().evaluate(TARGETS, ONE_ZONE_STANDBY);
        ReadinessReport second = oneZoneStandbyCluster().evaluate(TARGETS, ONE_ZONE_STANDBY);

        assertThat(second.markdown()).isEqualTo(first.markdown());
        assertThat(second.json()).isEqualTo(first.json());
    }

    @Test
    void aDeploymentWithoutAnEdgeCannotBeMeasured() {
        com.hashicorp.cdktf.App app = com.hashicorp.cdktf.Testing.app();

        ReadinessReport report = DrReadiness.evaluate(app, new ReadinessFixture().health, TARGETS, List.of());

        assertThat(report.failures()).singleElement().satisfies(c -> {
            assertThat(c.rule()).isEqualTo(Rule.FAILOVER_CHAIN);
            assertThat(c.found()).isEqualTo("0 found");
        });
    }
}
