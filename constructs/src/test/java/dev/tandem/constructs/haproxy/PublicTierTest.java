package dev.tandem.constructs.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.testing.TestStacks;
import dev.tandem.providers.ovh.provider.OvhProvider;
import dev.tandem.providers.tls.provider.TlsProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tier behind DNS failover ({@link OriginExposure#PUBLIC}): open to clients, no Cloudflare anywhere. */
class PublicTierTest {

    private static TerraformStack stack() {
        TerraformStack stack = TestStacks.emptyStack();
        OvhProvider.Builder.create(stack, "ovh").build();
        TlsProvider.Builder.create(stack, "tls").build(); // the instances' SSH host keys
        return stack;
    }

    private static HaproxyTier.Builder publicTier(TerraformStack stack) {
        SuppliedCertificate certificate = SuppliedCertificate.Builder.create(stack, "public-tls")
                .hostnames(List.of(HaproxyTierFixture.HOSTNAME)).build();
        return HaproxyTier.Builder.create(stack, "haproxy")
                .network(HaproxyTierFixture.network(stack))
                .flavorId(HaproxyTierFixture.FLAVOR)
                .imageId(HaproxyTierFixture.IMAGE)
                .sshKey(SshKey.existing("ops"))
                .health(dev.tandem.constructs.health.HealthContract.defaults())
                .certificate(certificate)
                .exposure(OriginExposure.PUBLIC)
                .operatorCidr(HaproxyTierFixture.OPERATOR_CIDR)
                .servers(List.of(dev.tandem.constructs.core.BackendServer.of("app-1", "10.10.1.5", 8080)));
    }

    @Test
    void aPublicTierOpensHttpsToEveryoneAndAsksForNoClientCertificate() {
        TerraformStack stack = stack();
        HaproxyTier tier = publicTier(stack).build();
        JsonNode json = TestStacks.synth(stack);

        assertThat(json.path("data").has("cloudflare_ip_ranges")).isFalse();
        String rules = json.path("resource").path("ovh_cloud_security_group").elements().next().path("rule").asText();
        assertThat(rules).contains("HTTPS from every client").contains("remote_ip_prefix = \"0.0.0.0/0\"", "port_range_min = 443")
                .contains("remote_ip_prefix = \"" + HaproxyTierFixture.OPERATOR_CIDR + "\"}").doesNotContain("cloudflare");
        assertThat(tier.configText()).contains("bind :443 ssl crt origin.pem", "monitor-uri /healthz",
                        "http-request deny deny_status 421")
                .doesNotContain("ca-file", "src -f", "ssl_c_used");
        assertThat(json.path("variable").has("public_tls_certificate_pem")).isTrue();
        assertThat(json.path("variable").path("public_tls_private_key_pem").path("sensitive").asBoolean()).isTrue();
    }

    @Test
    void aPublicTierRefusesAClientCaAndACertificateOnlyCloudflareTrusts() {
        TerraformStack stack = stack();
        HaproxyTierFixture.providers(stack);
        assertThatThrownBy(() -> publicTier(stack).certificate(HaproxyTierFixture.certificate(stack))
                .originPulls(HaproxyTierFixture.originPulls(stack)).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.property()).containsExactlyInAnyOrder("originPulls", "certificate"));
    }

    @Test
    void aSuppliedKeyMustBeAReferenceNotText() {
        assertThatThrownBy(() -> SuppliedCertificate.Builder.create(stack(), "supplied").hostnames(List.of("app.example.com"))
                .privateKeyPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.property()).containsExactly("privateKeyPem"));
    }
}
