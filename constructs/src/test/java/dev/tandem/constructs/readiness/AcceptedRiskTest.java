package dev.tandem.constructs.readiness;

import static dev.tandem.constructs.readiness.ReadinessFixture.TARGETS;
import static dev.tandem.constructs.readiness.ReadinessFixture.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.constructs.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptedRiskTest {

    private static ReadinessFixture singleInstanceStandby() {
        ReadinessFixture f = new ReadinessFixture();
        f.secondaryHaproxy = b -> b.instances(1).allowSingleInstance(true);
        return f;
    }

    @Test
    void anAcceptedFindingCarriesItsReasonAndNoLongerFails() {
        ReadinessReport report = singleInstanceStandby().evaluate(TARGETS, List.of(
                AcceptedRisk.of(Rule.SINGLE_HAPROXY_INSTANCE, "secondary/haproxy", "cold standby, scaled up by the runbook"),
                AcceptedRisk.of(Rule.SINGLE_ORIGIN_POOL, "edge/lb", "follows from the one standby instance")));

        CheckResult c = check(report, Rule.SINGLE_HAPROXY_INSTANCE, "secondary/haproxy", "instances");
        assertThat(c.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(c.acceptedReason()).contains("cold standby, scaled up by the runbook");
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void aDefectCannotBeAcceptedAsARisk() {
        ReadinessReport report = new ReadinessFixture().evaluate(TARGETS,
                List.of(AcceptedRisk.of(Rule.RECOVERY_TIME, "edge/lb", "we are in a hurry")));

        CheckResult c = check(report, Rule.ACCEPTED_RISK, "edge/lb", "acceptedRisks[rto @ edge/lb]");
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.required()).contains("rto is a defect to fix");
    }

    @Test
    void anAcceptanceThatMatchesNothingFailsSoTheListCannotGoStale() {
        ReadinessReport report = new ReadinessFixture().evaluate(TARGETS,
                List.of(AcceptedRisk.of(Rule.SINGLE_ZONE, "secondary/app", "Milan used to have one zone")));

        CheckResult c = check(report, Rule.ACCEPTED_RISK, "secondary/app", "acceptedRisks");
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.required()).startsWith("must match a failed or warned single-zone check at secondary/app");
        assertThat(c.fix()).startsWith("remove the acceptance");
    }

    @Test
    void anAcceptanceNeedsAReason() {
        assertThatThrownBy(() -> AcceptedRisk.of(Rule.SINGLE_ZONE, "secondary/app", " "))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("AcceptedRisk: reason =");
    }
}
