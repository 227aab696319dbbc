package dev.tandem.constructs.readiness;

import static dev.tandem.constructs.readiness.ReadinessFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.constructs.k8s.NodePoolSpec;
import dev.tandem.constructs.table.Billing;
import dev.tandem.constructs.table.Capacity;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymmetryTest {

    @Test
    void equalRegionsPass() {
        ReadinessReport report = new ReadinessFixture().evaluate();

        for (Rule rule : List.of(Rule.SYMMETRY_NODES, Rule.SYMMETRY_HAPROXY, Rule.SYMMETRY_TABLE_CAPACITY)) {
            assertThat(report.checks()).filteredOn(c -> c.rule() == rule).singleElement()
                    .satisfies(c -> assertThat(c.verdict()).isEqualTo(Verdict.PASS));
        }
    }

    @Test
    void aStandbyThatCannotGrowAsFarWarnsWithTheGap() {
        ReadinessFixture f = new ReadinessFixture();
        f.oneZoneStandby();

        CheckResult c = check(f.evaluate(), Rule.SYMMETRY_NODES, "secondary/app", "nodePool.maxNodes");

        assertThat(c.verdict()).isEqualTo(Verdict.WARN);
        assertThat(c.found()).isEqualTo("5 × b3-8 (1 pool × max 5)");
        assertThat(c.required()).isEqualTo("at least 15 × b3-8 (3 pools × max 5) like primary/app, gap: 10 nodes");
        assertThat(c.fix()).contains("capped at 5 nodes");
    }

    @Test
    void aStandbyWithAnotherFlavorWarnsEvenWithEnoughNodes() {
        ReadinessFixture f = new ReadinessFixture();
        f.secondaryApp = b -> b.nodePool(NodePoolSpec.builder().flavor("b3-16").build());

        assertThat(check(f.evaluate(), Rule.SYMMETRY_NODES, "secondary/app", "nodePool").verdict())
                .isEqualTo(Verdict.WARN);
    }

    @Test
    void fewerHaproxyInstancesInTheStandbyWarn() {
        ReadinessFixture f = new ReadinessFixture();
        f.primaryHaproxy = b -> b.instances(3);

        CheckResult c = check(f.evaluate(), Rule.SYMMETRY_HAPROXY, "secondary/haproxy", "instances");

        assertThat(c.verdict()).isEqualTo(Verdict.WARN);
        assertThat(c.required()).isEqualTo("at least 3 like primary/haproxy (gap: 1)");
    }

    @Test
    void provisionedReadsThatAutoscaleOnlyInTheHomeRegionWarn() {
        ReadinessFixture f = new ReadinessFixture();
        f.table = b -> b.billing(Billing.provisioned(Capacity.autoscaled().minUnits(5).maxUnits(100).build(),
                Capacity.autoscaled().minUnits(5).maxUnits(50).build()));

        CheckResult c = check(f.evaluate(), Rule.SYMMETRY_TABLE_CAPACITY, "primary/table", "billing.read");

        assertThat(c.verdict()).isEqualTo(Verdict.WARN);
        assertThat(c.found()).isEqualTo("reads autoscale 5–100 units in eu-west-3 only; eu-central-1 has no read "
                + "autoscaling declared");
        assertThat(c.required()).contains("gap: up to 95 units");
    }

    @Test
    void fixedProvisionedReadsAreTheSameInEveryRegion() {
        ReadinessFixture f = new ReadinessFixture();
        f.table = b -> b.billing(Billing.provisioned(Capacity.fixed(50), Capacity.autoscaled().minUnits(5).maxUnits(50).build()));

        assertThat(check(f.evaluate(), Rule.SYMMETRY_TABLE_CAPACITY, "primary/table", "billing.read").verdict())
                .isEqualTo(Verdict.PASS);
    }
}
