package dev.tandem.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.Testing;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.haproxy.OriginExposure;
import dev.tandem.constructs.haproxy.SuppliedCertificate;
import dev.tandem.constructs.readiness.DrReadiness;
import dev.tandem.constructs.readiness.ReadinessReport;
import dev.tandem.constructs.readiness.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class Route53EdgeStackTest {

    @Test
    void theRoute53VariantHasDnsFailoverPublicTiersAndNoCloudflare() {
        DeploymentSpec spec = ReferenceDeployment.route53Spec();
        DeploymentStacks stacks = DeploymentStacks.build(Testing.app(), spec);

        assertThat(stacks.edge().route53()).hasValueSatisfying(r -> {
            assertThat(r.hostname()).isEqualTo("app.example.com");
            assertThat(r.records()).containsOnlyKeys("tandem-primary", "tandem-secondary");
        });
        assertThatThrownBy(() -> stacks.edge().loadBalancer()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(stacks::originPulls).isInstanceOf(IllegalStateException.class);
        for (RegionStack region : stacks.regions()) {
            assertThat(region.haproxy().props().exposure()).isEqualTo(OriginExposure.PUBLIC);
            assertThat(region.certificate()).isInstanceOf(SuppliedCertificate.class);
            assertThat(region.haproxy().props().originPulls()).isNull();
        }
    }

    @Test
    void itsDrReportCountsDetectionTtlAndResolverCachingWithinItsThreeMinutes() {
        DeploymentSpec spec = ReferenceDeployment.route53Spec();
        var app = Testing.app();
        DeploymentStacks.build(app, spec);
        ReadinessReport report = DrReadiness.evaluate(app, spec.health(), spec.drTargets(), spec.acceptedRisks());

        assertThat(report.withVerdict(Verdict.FAIL)).isEmpty();
        assertThat(report.recoveryTime()).extracting(t -> t.layer()).containsExactly("kubernetes", "haproxy", "route53", "dns");
        assertThat(report.rtoTotal()).isEqualTo(Duration.ofSeconds(165));
    }

    @Test
    void cloudflareIdsAreRefusedWithTheRoute53Edge() {
        assertThatThrownBy(() -> EdgeSpec.builder().zoneName("example.com").hostname("app.example.com")
                .accountId("00112233445566778899aabbccddeeff").route53(Route53EdgeSpec.builder().build()).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.property()).containsExactly("accountId"));
    }
}
