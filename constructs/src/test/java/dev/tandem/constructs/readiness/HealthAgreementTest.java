package dev.tandem.constructs.readiness;

import static dev.tandem.constructs.readiness.ReadinessFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.constructs.edge.MonitorSettings;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.k8s.K8sFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthAgreementTest {

    @Test
    void aDeploymentWhoseLayersShareTheContractPassesEveryCheck() {
        ReadinessReport report = new ReadinessFixture().evaluate();

        assertThat(report.checks()).isNotEmpty().allSatisfy(c -> assertThat(c.verdict()).as(c.toString())
                .isEqualTo(Verdict.PASS));
        assertThat(report.checks()).filteredOn(c -> c.rule() == Rule.HEALTH_CONTRACT).hasSize(17);
    }

    @Test
    void probesOnAnotherPathFailNamingTheCluster() {
        ReadinessFixture f = new ReadinessFixture();
        f.secondaryApp = b -> b.app(K8sFixtures.app().health(HealthContract.builder().path("/ready").build()).build());

        CheckResult c = check(f.evaluate(), Rule.HEALTH_CONTRACT, "secondary/app", "probes.httpGet.path");

        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.found()).contains("readinessProbe /ready");
        assertThat(c.required()).contains("/healthz");
        assertThat(c.fix()).contains(".health(contract)");
    }

    @Test
    void anAppServingOnAnotherPortFailsAtHaproxyWhoseChecksReachThatPort() {
        ReadinessFixture f = new ReadinessFixture();
        f.primaryApp = b -> b.app(K8sFixtures.app().containerPort(9090).build());

        ReadinessReport report = f.evaluate();

        assertThat(check(report, Rule.HEALTH_CONTRACT, "primary/app", "probes.httpGet.port").verdict())
                .isEqualTo(Verdict.PASS);
        CheckResult servers = check(report, Rule.HEALTH_CONTRACT, "primary/haproxy", "backend app server ports");
        assertThat(servers.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(servers.found()).isEqualTo("orders:9090");
        assertThat(servers.fix()).contains("containerPort 8080");
    }

    @Test
    void anEdgeMonitorExpectingAnythingButHaproxysAnswerFails() {
        ReadinessFixture f = new ReadinessFixture();
        // A 204 contract is right for the app and HAProxy, but HAProxy's monitor-uri answers the edge with 200.
        f.health = HealthContract.builder().expectedStatus(204).build();

        ReadinessReport report = f.evaluate();

        assertThat(check(report, Rule.HEALTH_CONTRACT, "primary/haproxy", "backend app http-check expect status")
                .verdict()).isEqualTo(Verdict.PASS);
        CheckResult edge = check(report, Rule.HEALTH_CONTRACT, "edge/lb", "monitor.expectedCodes");
        assertThat(edge.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(edge.found()).isEqualTo("204");
        assertThat(edge.required()).startsWith("200");
    }

    @Test
    void anEdgeMonitorOnAPortTheTierDoesNotBindFails() {
        ReadinessFixture f = new ReadinessFixture();
        f.edge = b -> b.monitor(MonitorSettings.builder().https(true).port(8443).build());

        CheckResult c = check(f.evaluate(), Rule.HEALTH_CONTRACT, "edge/lb", "monitor.port (pool orders-primary)");

        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.found()).isEqualTo("HTTPS 8443");
        assertThat(c.required()).contains("(443)");
    }

    @Test
    void aPlainHttpMonitorFailsBecauseTheTierServesHttpsOnly() {
        ReadinessFixture f = new ReadinessFixture();
        f.edge = b -> b.monitor(MonitorSettings.defaults()).originPulls(null);

        CheckResult c = check(f.evaluate(), Rule.HEALTH_CONTRACT, "edge/lb", "monitor.port (pool orders-secondary)");

        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.found()).isEqualTo("HTTP 80");
        assertThat(c.required()).contains("for HTTP (none)");
        assertThat(c.fix()).contains("https(true)", "443");
    }
}
