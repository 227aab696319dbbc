package dev.tandem.constructs.readiness;

import static dev.tandem.constructs.readiness.ReadinessFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.constructs.edge.CloudflarePlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryTimeTest {

    @Test
    void everyLayersWorstCaseComesFromItsSynthesizedSettingsAndAddsUp() {
        ReadinessReport report = new ReadinessFixture().evaluate();

        assertThat(report.recoveryTime()).extracting(LayerTime::layer, LayerTime::path, LayerTime::worstCase)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("kubernetes", "primary/app", Duration.ofSeconds(12)),
                        org.assertj.core.groups.Tuple.tuple("haproxy", "primary/haproxy", Duration.ofSeconds(17)),
                        org.assertj.core.groups.Tuple.tuple("cloudflare", "edge/lb", Duration.ofSeconds(50)),
                        org.assertj.core.groups.Tuple.tuple("dns", "edge/lb", Duration.ZERO));
        assertThat(report.rtoTotal()).isEqualTo(Duration.ofSeconds(79));
        assertThat(check(report, Rule.RECOVERY_TIME, "deployment", "rto").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aTotalOverTheTargetFailsNamingTheCostliestLayer() {
        ReadinessFixture f = new ReadinessFixture();
        ReadinessReport report = f.evaluate(new DrTargets(Duration.ofSeconds(60), Duration.ofSeconds(10)), List.of());

        CheckResult c = check(report, Rule.RECOVERY_TIME, "edge/lb", "rto");
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.found()).isEqualTo("79 s (kubernetes 12 s + haproxy 17 s + cloudflare 50 s + dns 0 s)");
        assertThat(c.required()).isEqualTo("at most the RTO target 60 s");
        assertThat(c.fix()).startsWith("the costliest layer is cloudflare at edge/lb (50 s")
                .contains("raise DrTargets rto to 79 s");
    }

    @Test
    void anUnproxiedRecordAddsItsTtlAndSlowHaproxyChecksCountToo() {
        ReadinessFixture f = new ReadinessFixture();
        f.edge = b -> b.proxied(false).ttl(Duration.ofSeconds(300)).originPulls(null);
        f.primaryHaproxy = b -> b.checkInterval(Duration.ofSeconds(10)).fall(5);

        ReadinessReport report = f.evaluate();

        assertThat(report.recoveryTime()).filteredOn(t -> t.layer().equals("haproxy")).singleElement()
                .satisfies(t -> assertThat(t.worstCase()).isEqualTo(Duration.ofSeconds(52)));
        assertThat(report.rtoTotal()).isEqualTo(Duration.ofSeconds(12 + 52 + 50 + 300));
        CheckResult c = check(report, Rule.RECOVERY_TIME, "edge/lb", "rto");
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.fix()).startsWith("the costliest layer is dns at edge/lb (300 s").contains("proxied(true)");
    }

    @Test
    void onTheProPlanTheMonitorsDefaultIntervalIsSixtySecondsAndTheFixNamesEachPlansMinimum() {
        ReadinessFixture f = new ReadinessFixture();
        f.edge = b -> b.plan(CloudflarePlan.PRO);

        ReadinessReport report = f.evaluate();

        assertThat(report.recoveryTime()).filteredOn(t -> t.layer().equals("cloudflare")).singleElement()
                .satisfies(t -> assertThat(t.worstCase()).isEqualTo(Duration.ofSeconds(130)))
                .satisfies(t -> assertThat(t.formula()).contains("interval 60 s"));
        CheckResult c = check(report, Rule.RECOVERY_TIME, "edge/lb", "rto");
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.fix()).contains("at least 60 s on PRO, 15 s on BUSINESS, 10 s on ENTERPRISE");
    }
}
