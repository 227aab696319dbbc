package dev.tandem.constructs.readiness;

import static dev.tandem.constructs.readiness.ReadinessFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.constructs.k8s.K8sFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinglePointsTest {

    @Test
    void theFixturePassesEverySinglePointCheck() {
        ReadinessReport report = new ReadinessFixture().evaluate();

        for (Rule rule : List.of(Rule.SINGLE_HAPROXY_INSTANCE, Rule.SINGLE_ZONE, Rule.APP_REPLICAS, Rule.DISRUPTION_BUDGET,
                Rule.SINGLE_ORIGIN_POOL, Rule.TABLE_PITR, Rule.TABLE_DELETION_PROTECTION)) {
            assertThat(report.checks()).filteredOn(c -> c.rule() == rule).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.verdict()).isEqualTo(Verdict.PASS));
        }
    }

    @Test
    void oneHaproxyInstanceIsAnErrorEvenWhenTheTierAllowsIt() {
        ReadinessFixture f = new ReadinessFixture();
        f.secondaryHaproxy = b -> b.instances(1).allowSingleInstance(true);

        ReadinessReport report = f.evaluate();

        CheckResult c = check(report, Rule.SINGLE_HAPROXY_INSTANCE, "secondary/haproxy", "instances");
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.fix()).contains("AcceptedRisk.of(Rule.SINGLE_HAPROXY_INSTANCE, \"secondary/haproxy\", reason)");
        assertThat(check(report, Rule.SINGLE_ORIGIN_POOL, "edge/lb", "pools[orders-secondary]").verdict())
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void aOneZoneRegionIsAWarning() {
        ReadinessFixture f = new ReadinessFixture();
        f.oneZoneStandby();

        ReadinessReport report = f.evaluate();

        assertThat(check(report, Rule.SINGLE_ZONE, "secondary/app", "zones").verdict()).isEqualTo(Verdict.WARN);
        CheckResult tier = check(report, Rule.SINGLE_ZONE, "secondary/haproxy", "zones");
        assertThat(tier.verdict()).isEqualTo(Verdict.WARN);
        assertThat(tier.found()).isEqualTo("none (DE1 is a one-zone region)");
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void oneReplicaFailsBothForItselfAndForItsEmptyDisruptionBudget() {
        ReadinessFixture f = new ReadinessFixture();
        f.primaryApp = b -> b.app(K8sFixtures.app().replicas(1).allowSingleReplica(true).build());

        ReadinessReport report = f.evaluate();

        assertThat(check(report, Rule.APP_REPLICAS, "primary/app", "app.replicas").verdict()).isEqualTo(Verdict.FAIL);
        CheckResult pdb = check(report, Rule.DISRUPTION_BUDGET, "primary/app", "pdb.minAvailable");
        assertThat(pdb.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(pdb.found()).isEqualTo("0");
    }

    @Test
    void aPoolWithOneOriginFailsThoughItsTierHasTwo() {
        ReadinessFixture f = new ReadinessFixture();
        f.primaryOrigins = origins -> origins.subList(0, 1);

        ReadinessReport report = f.evaluate();

        assertThat(check(report, Rule.SINGLE_ORIGIN_POOL, "edge/lb", "pools[orders-primary]").verdict())
                .isEqualTo(Verdict.FAIL);
        assertThat(check(report, Rule.SINGLE_HAPROXY_INSTANCE, "primary/haproxy", "instances").verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void aTableWithoutPitrOrDeletionProtectionFailsForEach() {
        ReadinessFixture f = new ReadinessFixture();
        f.table = b -> b.pointInTimeRecovery(false).deletionProtection(false);

        ReadinessReport report = f.evaluate();

        assertThat(check(report, Rule.TABLE_PITR, "primary/table", "pointInTimeRecovery").verdict())
                .isEqualTo(Verdict.FAIL);
        assertThat(check(report, Rule.TABLE_DELETION_PROTECTION, "primary/table", "deletionProtection").verdict())
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void aReplicaWithoutDeletionProtectionFailsAtTheReplicaEvenWhenTheTableHasIt() {
        ReadinessFixture f = new ReadinessFixture();
        f.replica = b -> b.deletionProtection(false);

        ReadinessReport report = f.evaluate();

        assertThat(check(report, Rule.TABLE_DELETION_PROTECTION, "primary/table", "deletionProtection").verdict())
                .isEqualTo(Verdict.PASS);
        CheckResult replica = check(report, Rule.REPLICA_DELETION_PROTECTION, "secondary/table", "deletionProtection");
        assertThat(replica.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(replica.fix()).contains("AcceptedRisk.of(Rule.REPLICA_DELETION_PROTECTION, \"secondary/table\"");
    }

    @Test
    void aReplicaFollowsTheTablesDeletionProtectionUnlessItSaysOtherwise() {
        ReadinessFixture f = new ReadinessFixture();
        f.table = b -> b.deletionProtection(false);
        f.replica = b -> b.deletionProtection(true);

        assertThat(check(f.evaluate(), Rule.REPLICA_DELETION_PROTECTION, "secondary/table", "deletionProtection")
                .verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aTableWithoutReplicaFails() {
        ReadinessFixture f = new ReadinessFixture();
        f.withReplica = false;

        CheckResult c = check(f.evaluate(), Rule.TABLE_REPLICAS, "primary/table", "replicas");
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.found()).isEqualTo("0");
    }
}
