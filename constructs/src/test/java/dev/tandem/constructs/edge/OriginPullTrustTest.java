package dev.tandem.constructs.edge;

import static dev.tandem.constructs.testing.SynthAssertions.assertResource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.TestStacks;
import dev.tandem.providers.cloudflare.provider.CloudflareProvider;
import dev.tandem.providers.tls.provider.TlsProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The deployment's origin-pull CA: what is uploaded, in which order, and what the origins are given to trust. */
class OriginPullTrustTest {
    static final String ZONE = EdgeFixtures.ZONE;

    /** @return a trust {@code origin-pulls} for {@link #ZONE} in {@code stack} (providers added), shaped by {@code shape} */
    static OriginPullTrust trust(TerraformStack stack, UnaryOperator<OriginPullTrust.Builder> shape) {
        CloudflareProvider.Builder.create(stack, "cloudflare").build();
        TlsProvider.Builder.create(stack, "tls").build();
        return shape.apply(OriginPullTrust.Builder.create(stack, "origin-pulls").zoneId(ZONE)).build();
    }

    private static JsonNode only(JsonNode synth, String type) {
        return TestStacks.onlyResource(synth, type);
    }

    @Test
    void theZoneGetsAClientCertificateOfItsOwnCaUploadedAndPullsSwitchedOnOnlyOnceItIsActive() {
        TerraformStack stack = TestStacks.emptyStack();
        trust(stack, b -> b);
        JsonNode synth = TestStacks.synth(stack);
        JsonNode resources = synth.path("resource");

        JsonNode ca = only(synth, "tls_self_signed_cert");
        assertThat(ca.path("is_ca_certificate").asBoolean()).isTrue();
        assertThat(texts(ca.path("allowed_uses"))).containsExactly("cert_signing", "digital_signature");
        assertThat(ca.path("validity_period_hours").asLong()).isEqualTo(3650L * 24);
        JsonNode client = only(synth, "tls_locally_signed_cert");
        String caName = resources.path("tls_self_signed_cert").fieldNames().next();
        assertThat(client.path("ca_cert_pem").asText()).isEqualTo("${tls_self_signed_cert." + caName + ".cert_pem}");
        assertThat(texts(client.path("allowed_uses"))).containsExactly("client_auth", "digital_signature");
        assertThat(client.path("early_renewal_hours").asLong()).isEqualTo(30L * 24);
        assertThat(client.path("lifecycle").path("create_before_destroy").asBoolean()).isTrue();
        resources.path("tls_private_key").elements().forEachRemaining(key -> assertThat(key.path("algorithm").asText()
                + " " + key.path("ecdsa_curve").asText()).isEqualTo("ECDSA P256"));

        String clientName = resources.path("tls_locally_signed_cert").fieldNames().next();
        JsonNode upload = assertResource(synth, "cloudflare_authenticated_origin_pulls_certificate")
                .hasProperties(Map.of("zone_id", ZONE, "certificate", "${tls_locally_signed_cert." + clientName
                        + ".cert_pem}"));
        assertThat(upload.path("private_key").asText()).startsWith("${tls_private_key.").endsWith(".private_key_pem}");
        assertThat(upload.path("lifecycle").path("create_before_destroy").asBoolean()).isTrue();

        String uploadName = resources.path("cloudflare_authenticated_origin_pulls_certificate").fieldNames().next();
        JsonNode wait = only(synth, "terraform_data");
        assertThat(wait.path("triggers_replace").path("certificate_id").asText())
                .isEqualTo("${cloudflare_authenticated_origin_pulls_certificate." + uploadName + ".id}");
        assertThat(wait.path("provisioner").get(0).path("local-exec").path("command").asText())
                .contains("/zones/" + ZONE + "/origin_tls_client_auth/${cloudflare_authenticated_origin_pulls_certificate."
                        + uploadName + ".id}", "\"status\": *\"active\"", "$CLOUDFLARE_API_TOKEN");
        String waitName = resources.path("terraform_data").fieldNames().next();
        JsonNode settings = assertResource(synth, "cloudflare_authenticated_origin_pulls_settings")
                .hasProperties(Map.of("zone_id", ZONE, "enabled", true));
        assertThat(texts(settings.path("depends_on"))).containsExactly("terraform_data." + waitName);
    }

    @Test
    void aNewGenerationIsTrustedBeforeItSignsAndTheFirstStaysActiveUntilSaidOtherwise() {
        TerraformStack stack = TestStacks.emptyStack();
        OriginPullTrust trust = trust(stack, b -> b.caGenerations(List.of("2026", "2027")));
        JsonNode synth = TestStacks.synth(stack);

        assertThat(trust.activeGeneration()).isEqualTo("2026");
        assertThat(trust.caCertificates()).containsOnlyKeys("2026", "2027");
        String active = trust.caCertificates().get("2026").getFriendlyUniqueId();
        assertThat(only(synth, "tls_locally_signed_cert").path("ca_cert_pem").asText())
                .isEqualTo("${tls_self_signed_cert." + active + ".cert_pem}");
        assertThat(trust.caBundlePem()).as("origins trust both generations").isNotEmpty();

        TerraformStack next = TestStacks.emptyStack();
        OriginPullTrust switched = trust(next, b -> b.caGenerations(List.of("2026", "2027")).activeGeneration("2027"));
        assertThat(only(TestStacks.synth(next), "tls_locally_signed_cert").path("ca_cert_pem").asText())
                .isEqualTo("${tls_self_signed_cert." + switched.caCertificates().get("2027").getFriendlyUniqueId()
                        + ".cert_pem}");
    }

    @Test
    void anActiveGenerationTheOriginsDoNotTrustIsRefused() {
        Rejections.assertRejected(() -> trust(TestStacks.emptyStack(), b -> b.activeGeneration("2027")),
                "test/origin-pulls", "activeGeneration", "2027", "the origins trust only those");
    }

    @Test
    void anEarlyRenewalAsLongAsTheValidityIsRefused() {
        Rejections.assertRejected(() -> trust(TestStacks.emptyStack(), b -> b.earlyRenewal(Duration.ofDays(365))),
                "test/origin-pulls", "earlyRenewal", "PT8760H", "every apply re-issues the certificate");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.elements().forEachRemaining(n -> out.add(n.asText()));
        return out;
    }
}
