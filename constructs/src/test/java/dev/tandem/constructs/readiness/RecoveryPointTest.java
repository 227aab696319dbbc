package dev.tandem.constructs.readiness;

import static dev.tandem.constructs.readiness.ReadinessFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryPointTest {

    private static ReadinessReport withRpo(Duration rpo) {
        return new ReadinessFixture().evaluate(new DrTargets(Duration.ofMinutes(2), rpo), List.of());
    }

    @Test
    void anRpoAboveTheTypicalReplicationLagPassesAndOnlyTheTableRisksData() {
        ReadinessReport report = withRpo(Duration.ofSeconds(10));

        assertThat(check(report, Rule.RECOVERY_POINT, "primary/table", "rpo").verdict()).isEqualTo(Verdict.PASS);
        assertThat(report.recoveryPoint()).filteredOn(l -> !l.typical().isZero()).singleElement()
                .satisfies(l -> assertThat(l.layer()).isEqualTo("dynamodb"));
        assertThat(report.rpoTotal()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anRpoOfZeroFailsSayingWhatWouldMeetItAndWhatToRelax() {
        CheckResult c = check(withRpo(Duration.ZERO), Rule.RECOVERY_POINT, "primary/table", "rpo");

        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.found()).contains("eventual consistency");
        assertThat(c.fix()).contains("multi-Region strong consistency").contains("relax DrTargets rpo to 1 s");
    }

    @Test
    void anRpoBelowTheTypicalLagFailsToo() {
        CheckResult c = check(withRpo(Duration.ofMillis(500)), Rule.RECOVERY_POINT, "primary/table", "rpo");

        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.required()).isEqualTo("a lag within the RPO target 0.5 s");
    }
}
