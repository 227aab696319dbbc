package dev.tandem.constructs.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.constructs.core.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The recovery objectives a deployment declares: positive, and no longer than a week. */
class DrTargetsTest {

    @Test
    void aWeekIsTheLongestObjective() {
        DrTargets week = DrTargets.builder().rto(DrTargets.LONGEST).rpo(DrTargets.LONGEST).build();

        assertThat(week.rto()).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> DrTargets.builder().rto(DrTargets.LONGEST.plusNanos(1)).rpo(Duration.ZERO).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("DrTargets: rto = PT168H0.000000001S — must be at most 7 days");
        assertThatThrownBy(() -> DrTargets.builder().rto(Duration.ofMinutes(2))
                .rpo(Duration.ofSeconds(Long.MAX_VALUE)).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("DrTargets: rpo = ")
                .hasMessageContaining("must be at most 7 days");
    }

    @Test
    void missingOrNonPositiveObjectivesAreNamed() {
        assertThatThrownBy(() -> DrTargets.builder().rpo(Duration.ZERO).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("DrTargets: rto = null — must be positive");
        assertThatThrownBy(() -> DrTargets.builder().rto(Duration.ofMinutes(1)).rpo(Duration.ofSeconds(-1)).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("rpo = PT-1S — must be zero or positive");
    }
}
