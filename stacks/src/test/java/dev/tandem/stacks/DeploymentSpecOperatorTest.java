package dev.tandem.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.Testing;
import dev.tandem.constructs.core.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The operator network and the origin certificate hook of a deployment, as the region stacks use them. */
class DeploymentSpecOperatorTest {

    @ParameterizedTest(name = "operatorCidr = {0}")
    @NullSource
    @ValueSource(strings = {"", "office", "203.0.113.7/24", "203.0.113.0/33"})
    void anOperatorNetworkThatIsNoCidrIsRefusedByTheSpec(String cidr) {
        assertThatThrownBy(() -> ReferenceDeployment.spec().toBuilder().operatorCidr(cidr).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("DeploymentSpec: operatorCidr = ")
                .hasMessageContaining("must be an IPv4 network in CIDR form")
                .hasMessageContaining("Fix: ");
    }

    @Test
    void anOperatorNetworkTooWideForSshIsRefusedByTheTiersUnderTheirPaths() {
        DeploymentSpec open = ReferenceDeployment.spec().toBuilder().operatorCidr("0.0.0.0/0").build();

        assertThatThrownBy(() -> DeploymentStacks.build(Testing.app(), open))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("primary/haproxy: operatorCidr = 0.0.0.0/0 — must be /8 or narrower");
    }

    @Test
    void theOperatorNetworkAndTheCertificateHookReachEveryRegion() {
        DeploymentSpec spec = ReferenceDeployment.spec().toBuilder().operatorCidr("198.51.100.0/24")
                .customizeOriginCertificate((region, certificate) -> certificate.validity(Duration.ofDays(1095)))
                .build();

        DeploymentStacks stacks = DeploymentStacks.build(Testing.app(), spec);

        for (RegionStack region : stacks.regions()) {
            assertThat(region.haproxy().props().operatorCidr()).isEqualTo("198.51.100.0/24");
            assertThat(region.haproxy().props().certificate()).isSameAs(region.originCertificate());
            assertThat(region.originCertificate().props().hostnames()).isEqualTo(List.of("app.example.com"));
            assertThat(region.originCertificate().props().validity()).isEqualTo(Duration.ofDays(1095));
        }
        assertThat(spec.toBuilder().build().operatorCidr()).as("toBuilder keeps it").isEqualTo("198.51.100.0/24");
    }

    @Test
    void aNullCertificateHookIsNamed() {
        assertThatThrownBy(() -> ReferenceDeployment.spec().toBuilder().customizeOriginCertificate(null).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("DeploymentSpec: customizeOriginCertificate = null — is required");
    }
}
