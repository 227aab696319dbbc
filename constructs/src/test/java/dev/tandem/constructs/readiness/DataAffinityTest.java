package dev.tandem.constructs.readiness;

import static dev.tandem.constructs.readiness.ReadinessFixture.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.constructs.access.DataWiring;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.health.HealthScope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataAffinityTest {

    private static ReadinessFixture wired() {
        ReadinessFixture f = new ReadinessFixture();
        f.wired = true;
        f.health = HealthContract.builder().scope(HealthScope.APP_AND_DATA).build();
        return f;
    }

    @Test
    void eachAppOnItsOwnRegionsCopyPassesAndTheReportShowsEachRegionsDependency() {
        ReadinessReport report = wired().evaluate();

        assertThat(report.checks()).filteredOn(c -> c.rule() == Rule.DATA_AFFINITY || c.rule() == Rule.DATA_IN_HEALTH)
                .hasSize(6).allSatisfy(c -> assertThat(c.verdict()).as(c.toString()).isEqualTo(Verdict.PASS));
        assertThat(check(report, Rule.DATA_AFFINITY, "secondary/app", "data.awsRegion").found()).isEqualTo("eu-central-1");
        assertThat(report.checks()).filteredOn(c -> c.rule() == Rule.HEALTH_CONTRACT)
                .allSatisfy(c -> assertThat(c.verdict()).as(c.toString()).isEqualTo(Verdict.PASS));
        assertThat(report.markdown())
                .contains("app1 -->|\"data: /healthz checks it\"| data1[(\"DynamoDB in eu-west-3<br/>orders (home)<br/>"
                        + "identity primary/app-data\")]")
                .contains("app2 -->|\"data: /healthz checks it\"| data2[(\"DynamoDB in eu-central-1<br/>orders (replica)")
                .contains("data1 <-.->|\"replication, asynchronous, typically ≤ 1 s\"| data2")
                .contains("## Data dependency (an AWS-only outage)")
                .contains("| 1 active | primary/app | eu-west-3 | orders (home) | primary/app-data | yes | /healthz fails")
                .doesNotContain("-.- table1");
        assertThat(report.json()).contains("\"awsRegion\": \"eu-central-1\"").contains("\"TANDEM_TABLE_ORDERS\": \"orders\"");
    }

    @Test
    void bothAppsOnOneReplicaFailTheSynthNamingTheSharedRegion() {
        ReadinessFixture f = wired();
        f.secondaryWiring = (primary, secondary) -> primary;

        ReadinessReport report = f.evaluate();

        CheckResult shared = check(report, Rule.DATA_AFFINITY, "secondary/app", "data.awsRegion");
        assertThat(shared.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(shared.found()).isEqualTo("eu-west-3");
        assertThat(shared.required()).contains("primary/app uses eu-west-3 too");
        assertThat(check(report, Rule.DATA_AFFINITY, "primary/app", "data.awsRegion").verdict()).isEqualTo(Verdict.PASS);
        assertThatThrownBy(report::throwIfFailed).isInstanceOf(ValidationException.class)
                .hasMessageContaining("secondary/app: data.awsRegion = eu-west-3")
                .hasMessageContaining("[rule data-affinity]");
    }

    @Test
    void anAppToldARegionWithoutACopyOfItsTableFails() {
        ReadinessFixture f = wired();
        f.withReplica = false;
        f.secondaryWiring = (primary, none) -> new DataWiring("eu-central-1", Map.of("TANDEM_TABLE_ORDERS", "orders"),
                "by hand");

        ReadinessReport report = f.evaluate();

        CheckResult missing = check(report, Rule.DATA_AFFINITY, "secondary/app", "data.tables[orders]");
        assertThat(missing.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(missing.fix()).contains("add a TableReplica of orders in this region's stack");
        assertThat(check(report, Rule.DATA_AFFINITY, "secondary/app", "data.awsRegion").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aSharedReplicaCanBeAcceptedAsARiskWithItsReason() {
        ReadinessFixture f = wired();
        f.secondaryWiring = (primary, secondary) -> primary;

        ReadinessReport report = f.evaluate(ReadinessFixture.TARGETS, List.of(AcceptedRisk.of(Rule.DATA_AFFINITY,
                "secondary/app", "the standby is a cold copy of the OVH side only")));

        assertThat(check(report, Rule.DATA_AFFINITY, "secondary/app", "data.awsRegion").verdict())
                .isEqualTo(Verdict.ACCEPTED);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void dataOutsideTheHealthAnswerIsAWarningAndEveryProbeStaysOnThePath() {
        ReadinessFixture f = wired();
        f.health = HealthContract.defaults();

        ReadinessReport report = f.evaluate();

        CheckResult c = check(report, Rule.DATA_IN_HEALTH, "primary/app", "health.scope");
        assertThat(c.verdict()).isEqualTo(Verdict.WARN);
        assertThat(c.found()).isEqualTo("APP");
        assertThat(report.markdown()).contains("app1 -.->|\"data: not in /healthz\"| data1")
                .contains("the region stays in rotation");
        assertThat(check(report, Rule.HEALTH_CONTRACT, "primary/app", "probes.httpGet.path").found())
                .isEqualTo("startupProbe /healthz, readinessProbe /healthz, livenessProbe /healthz");
    }

    @Test
    void anAppWithoutTablesDependsOnNoAwsRegion() {
        ReadinessReport report = new ReadinessFixture().evaluate();

        assertThat(report.checks()).noneMatch(c -> c.rule() == Rule.DATA_AFFINITY || c.rule() == Rule.DATA_IN_HEALTH);
        assertThat(report.markdown()).doesNotContain("## Data dependency").contains("app1 -.- table1");
    }
}
