package dev.tandem.constructs.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.constructs.access.AccessKey;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.testing.TestStacks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppCredentialsTest {

    @Test
    void anIdentityWithAnActiveKeyPasses() {
        ReadinessFixture f = new ReadinessFixture();
        f.wired = true;

        assertThat(ReadinessFixture.check(f.evaluate(), Rule.APP_CREDENTIALS, "secondary/app-data", "accessKeys")
                .verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void anIdentityWhoseOnlyKeyIsInactiveIsAWarningAKillSwitchMayAccept() {
        ReadinessFixture f = new ReadinessFixture();
        f.wired = true;
        f.secondaryAccess = b -> b.accessKeys(List.of(AccessKey.inactive("a")));

        ReadinessReport report = f.evaluate();

        CheckResult c = ReadinessFixture.check(report, Rule.APP_CREDENTIALS, "secondary/app-data", "accessKeys");
        assertThat(c.verdict()).isEqualTo(Verdict.WARN);
        assertThat(c.found()).isEqualTo("[a Inactive]");
        assertThat(report.consoleLines()).anySatisfy(line ->
                assertThat(line).startsWith("tandem: DR warning [app-credentials] secondary/app-data accessKeys"));
    }

    @Test
    void acceptingANullRiskIsATandemErrorAtOnceNotANullPointerAtSynth() {
        DrReadinessCheck check = DrReadiness.enable(TestStacks.emptyStack(), HealthContract.defaults(),
                ReadinessFixture.TARGETS, List.of());

        assertThatThrownBy(() -> check.accept(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("accept(risk) = null").hasMessageContaining("AcceptedRisk.of(");
        List<AcceptedRisk> withNull = new ArrayList<>(Arrays.asList((AcceptedRisk) null));
        assertThatThrownBy(() -> DrReadiness.enable(TestStacks.emptyStack(),
                HealthContract.defaults(), ReadinessFixture.TARGETS, withNull))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must not contain null");
    }
}
