package dev.tandem.constructs.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.constructs.core.StateBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateSecretsTest {

    @Test
    void everyStackHoldingSecretsInLocalStateIsAWarningOnTheConsole() {
        ReadinessFixture f = new ReadinessFixture();
        f.wired = true;
        f.backend = StateBackend.local();

        ReadinessReport report = f.evaluate();

        for (String stack : List.of("origin-pulls", "primary", "secondary")) {
            CheckResult c = ReadinessFixture.check(report, Rule.STATE_SECRETS, stack, "backend");
            assertThat(c.verdict()).isEqualTo(Verdict.WARN);
            assertThat(c.found()).startsWith("local file terraform." + stack + ".tfstate (plaintext), holding");
            assertThat(report.consoleLines()).anySatisfy(line ->
                    assertThat(line).startsWith("tandem: DR warning [state-secrets] " + stack + " backend"));
        }
        assertThat(report.checks()).noneMatch(c -> c.rule() == Rule.STATE_SECRETS && c.path().equals("edge"));
    }

    @Test
    void theReportListsWhatEachStacksStateHoldsAndAnEncryptedRemoteBackendPasses() {
        ReadinessFixture f = new ReadinessFixture();
        f.wired = true;

        ReadinessReport report = f.evaluate();

        assertThat(ReadinessFixture.check(report, Rule.STATE_SECRETS, "primary", "backend").verdict())
                .isEqualTo(Verdict.PASS);
        StackState primary = report.state().stream().filter(s -> s.stack().equals("primary")).findFirst().orElseThrow();
        assertThat(primary.local()).isFalse();
        assertThat(primary.secrets()).anyMatch(s -> s.startsWith("primary/app-data/key-a: secret"))
                .anyMatch(s -> s.contains(": kubeconfig")).anyMatch(s -> s.contains(": private_key_pem"));
        assertThat(report.markdown()).contains("## Secrets in Terraform state", "| primary | s3 backend |");
    }
}
