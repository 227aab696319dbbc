package dev.tandem.constructs.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TeardownCheckTest {

    @Test
    void aTeardownIsNamedOnEverySynthAndIsNotADeletionProtectionFailure() {
        ReadinessFixture f = new ReadinessFixture();
        f.table = b -> b.teardown(true);

        ReadinessReport report = f.evaluate();

        assertThat(ReadinessFixture.check(report, Rule.TEARDOWN, "primary/table", "teardown").verdict())
                .isEqualTo(Verdict.WARN);
        assertThat(ReadinessFixture.check(report, Rule.TEARDOWN, "secondary/table", "teardown").verdict())
                .isEqualTo(Verdict.WARN);
        assertThat(ReadinessFixture.check(report, Rule.REPLICA_DELETION_PROTECTION, "secondary/table",
                "deletionProtection").verdict()).isEqualTo(Verdict.PASS);
        assertThat(report.failures()).isEmpty();
        assertThat(report.consoleLines()).anySatisfy(line ->
                assertThat(line).startsWith("tandem: DR warning [teardown] primary/table teardown = true"));
    }

    @Test
    void withoutATeardownThereIsNoFinding() {
        assertThat(new ReadinessFixture().evaluate().checks()).noneMatch(c -> c.rule() == Rule.TEARDOWN);
    }
}
