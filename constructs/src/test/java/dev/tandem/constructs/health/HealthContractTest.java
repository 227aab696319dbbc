package dev.tandem.constructs.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.testing.Rejections;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthContractTest {

    @Test
    void anHourIsTheLongestIntervalSinceTheEdgesMonitorCannotWaitLonger() {
        assertThat(HealthContract.builder().interval(Duration.ofHours(1)).build().interval())
                .isEqualTo(Duration.ofHours(1));
        Rejections.assertRejected(() -> HealthContract.builder().interval(Duration.ofMinutes(61)).build(),
                "HealthContract", "interval", "PT1H1M", "at most PT1H");
    }

    @Test
    void aDurationTooLongForAnyClockIsATandemErrorNotAnOverflow() {
        Rejections.assertRejected(() -> HealthContract.builder().interval(Duration.ofSeconds(Long.MAX_VALUE)).build(),
                "HealthContract", "interval", Duration.ofSeconds(Long.MAX_VALUE).toString(), "at most PT1H");
        Rejections.assertRejected(() -> HealthContract.builder().timeout(Duration.ofDays(30_000_000)).build(),
                "HealthContract", "timeout", Duration.ofDays(30_000_000).toString(), "at most PT1H");
    }

    @Test
    void aPathHoldingATerraformTemplateIsRefusedBecauseTheMonitorWouldEvaluateIt() {
        assertThatThrownBy(() -> HealthContract.builder().path("/healthz/${path.cwd}").build())
                .isInstanceOf(ValidationException.class)
                .hasMessage("HealthContract: path = /healthz/${path.cwd} — must not hold ${ or %{: Terraform would "
                        + "evaluate it on the operator's machine at plan time. Fix: use a path such as /healthz");
        assertThatThrownBy(() -> HealthContract.builder().path("/healthz%{endif}").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("path = /healthz%{endif}");
    }
}
