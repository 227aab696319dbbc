package dev.tandem.constructs.readiness;

import static dev.tandem.constructs.readiness.ReadinessFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginTlsTest {

    @Test
    void certificatesNamingTheEdgesHostForAYearOrMorePass() {
        ReadinessReport report = new ReadinessFixture().evaluate();

        for (String tier : List.of("primary/haproxy", "secondary/haproxy")) {
            assertThat(check(report, Rule.ORIGIN_TLS, tier, "certificate.hostnames").verdict()).isEqualTo(Verdict.PASS);
            CheckResult lifetime = check(report, Rule.CERTIFICATE_LIFETIME, tier, "certificate.validity");
            assertThat(lifetime.verdict()).isEqualTo(Verdict.PASS);
            assertThat(lifetime.found()).isEqualTo("5475 days");
        }
    }

    @Test
    void aCertificateForAnotherNameFailsNamingTheTierAndTheEdgesHost() {
        ReadinessFixture f = new ReadinessFixture();
        f.secondaryCertificate = b -> b.hostnames(List.of("api.example.com", "*.app.example.com"));

        ReadinessReport report = f.evaluate();

        CheckResult c = check(report, Rule.ORIGIN_TLS, "secondary/haproxy", "certificate.hostnames");
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.found()).isEqualTo("[api.example.com, *.app.example.com]");
        assertThat(c.required()).contains("app.example.com");
        assertThat(c.fix()).contains("hostnames(List.of(\"app.example.com\"))");
        assertThat(check(report, Rule.ORIGIN_TLS, "primary/haproxy", "certificate.hostnames").verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void originsRequiringTheDeploymentsClientCertificatePassOnlyWhenTheEdgePresentsIt() {
        ReadinessReport report = new ReadinessFixture().evaluate();
        for (String tier : List.of("primary/haproxy", "secondary/haproxy")) {
            assertThat(check(report, Rule.ORIGIN_TLS, tier, "originPulls").verdict()).isEqualTo(Verdict.PASS);
        }

        ReadinessFixture f = new ReadinessFixture();
        f.edge = b -> b.originPulls(null);
        CheckResult c = check(f.evaluate(), Rule.ORIGIN_TLS, "primary/haproxy", "originPulls");

        assertThat(c.verdict()).as("every request would fail the handshake").isEqualTo(Verdict.FAIL);
        assertThat(c.found()).isEqualTo("edge presents no client certificate; tier requires one from origin-pulls/origin-pulls");
        assertThat(c.fix()).contains("originPulls(");
        assertThat(Rule.ORIGIN_TLS.text()).contains("Assumed, unverified: Cloudflare's monitor may probe without");
    }

    @Test
    void aWildcardOneLevelAboveTheHostCoversIt() {
        ReadinessFixture f = new ReadinessFixture();
        f.primaryCertificate = b -> b.hostnames(List.of("*.example.com"));

        assertThat(check(f.evaluate(), Rule.ORIGIN_TLS, "primary/haproxy", "certificate.hostnames").verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void aShortLivedCertificateFailsUnlessItsRiskIsAccepted() {
        ReadinessFixture f = new ReadinessFixture();
        f.primaryCertificate = b -> b.validity(Duration.ofDays(90));

        CheckResult c = check(f.evaluate(), Rule.CERTIFICATE_LIFETIME, "primary/haproxy", "certificate.validity");
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.found()).isEqualTo("90 days");
        assertThat(c.fix()).contains("validity(Duration.ofDays(365))", "AcceptedRisk.of(Rule.CERTIFICATE_LIFETIME");

        ReadinessReport accepted = f.evaluate(ReadinessFixture.TARGETS, List.of(AcceptedRisk.of(
                Rule.CERTIFICATE_LIFETIME, "primary/haproxy", "rotated every month by the platform team's pipeline")));
        assertThat(check(accepted, Rule.CERTIFICATE_LIFETIME, "primary/haproxy", "certificate.validity").verdict())
                .isEqualTo(Verdict.ACCEPTED);
    }
}
