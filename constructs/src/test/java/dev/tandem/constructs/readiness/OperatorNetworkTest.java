package dev.tandem.constructs.readiness;

import static dev.tandem.constructs.readiness.ReadinessFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperatorNetworkTest {

    @Test
    void aNetworkAWorkstationCanBeInPasses() {
        ReadinessReport report = new ReadinessFixture().evaluate();

        assertThat(check(report, Rule.OPERATOR_NETWORK, "primary/haproxy", "operatorCidr").verdict())
                .isEqualTo(Verdict.PASS);
        assertThat(check(report, Rule.OPERATOR_NETWORK, "secondary/haproxy", "operatorCidr").verdict())
                .isEqualTo(Verdict.PASS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.0/24", "198.51.100.7/32", "192.0.2.0/28", "127.0.0.0/8", "169.254.10.0/24",
            "0.0.0.0/8", "224.0.0.0/8", "198.18.0.0/16"})
    void aRangeNoWorkstationIsInStopsTheSynthNamingTheRange(String cidr) {
        ReadinessFixture f = new ReadinessFixture();
        f.secondaryHaproxy = b -> b.operatorCidr(cidr);

        ReadinessReport report = f.evaluate();

        CheckResult c = check(report, Rule.OPERATOR_NETWORK, "secondary/haproxy", "operatorCidr");
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.found()).startsWith(cidr + " (in ").contains("RFC");
        assertThat(c.fix()).contains("AcceptedRisk.of(Rule.OPERATOR_NETWORK, \"secondary/haproxy\", reason)");
        assertThat(check(report, Rule.OPERATOR_NETWORK, "primary/haproxy", "operatorCidr").verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void aWideNetworkThatOnlyContainsADocumentationRangeIsRoutable() {
        ReadinessFixture f = new ReadinessFixture();
        f.primaryHaproxy = b -> b.operatorCidr("192.0.0.0/16");

        assertThat(check(f.evaluate(), Rule.OPERATOR_NETWORK, "primary/haproxy", "operatorCidr").verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void anAcceptedPlaceholderIsPrintedOnTheConsoleEverySynth() {
        ReadinessFixture f = new ReadinessFixture();
        f.primaryHaproxy = b -> b.operatorCidr("203.0.113.0/24");

        ReadinessReport report = f.evaluate(ReadinessFixture.TARGETS,
                List.of(AcceptedRisk.of(Rule.OPERATOR_NETWORK, "primary/haproxy", "an example, never applied")));

        assertThat(report.failures()).isEmpty();
        assertThat(report.consoleLines()).anySatisfy(line -> assertThat(line)
                .startsWith("tandem: DR risk accepted [operator-network] primary/haproxy operatorCidr = 203.0.113.0/24")
                .endsWith("an example, never applied"));
    }
}
