package dev.tandem.constructs.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.SynthAssertions;
import dev.tandem.constructs.testing.TestStacks;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OriginCertificateTest {
    private static final String PATH = "test/certificate";

    private static OriginCertificate.Builder certificate(TerraformStack stack) {
        HaproxyTierFixture.providers(stack);
        return OriginCertificate.Builder.create(stack, "certificate").hostnames(List.of("app.example.com"));
    }

    @Test
    void anEcdsaKeyAndARequestForTheNamesBecomeAnOriginCaCertificate() {
        TerraformStack stack = TestStacks.emptyStack();
        OriginCertificate built = certificate(stack).hostnames(List.of("app.example.com", "*.app.example.com"))
                .validity(Duration.ofDays(730)).build();
        JsonNode synth = TestStacks.synth(stack);

        Map<String, Object> newFirst = Map.of("lifecycle", Map.of("create_before_destroy", true));
        SynthAssertions.assertResource(synth, "tls_private_key")
                .hasProperties(Map.of("algorithm", "ECDSA", "ecdsa_curve", "P256"));
        for (String type : List.of("tls_private_key", "tls_cert_request", "cloudflare_origin_ca_certificate")) {
            SynthAssertions.assertResource(synth, type).hasProperties(newFirst);
        }
        JsonNode request = SynthAssertions.assertResource(synth, "tls_cert_request").hasProperties(Map.of(
                "dns_names", List.of("app.example.com", "*.app.example.com"),
                "subject", List.of(Map.of("common_name", "app.example.com"))));
        assertThat(request.path("private_key_pem").asText()).matches("\\$\\{tls_private_key\\.[^.]+\\.private_key_pem}");
        JsonNode certificate = SynthAssertions.assertResource(synth, "cloudflare_origin_ca_certificate").hasProperties(
                Map.of("hostnames", List.of("app.example.com", "*.app.example.com"), "request_type", "origin-ecc",
                        "requested_validity", 730));
        assertThat(certificate.path("csr").asText()).matches("\\$\\{tls_cert_request\\.[^.]+\\.cert_request_pem}");
        assertThat(synth.at("/terraform/required_providers/tls/version").asText()).isEqualTo("4.2.1");
        assertThat(built.props().validity()).isEqualTo(Duration.ofDays(730));
    }

    @Test
    void theDefaultValidityIsCloudflaresFifteenYears() {
        assertThat(certificate(TestStacks.emptyStack()).build().props().validity()).isEqualTo(Duration.ofDays(5475));
    }

    @Test
    void theCertificateCoversItsNamesAndOneLevelBelowAWildcard() {
        OriginCertificate c = certificate(TestStacks.emptyStack())
                .hostnames(List.of("app.example.com", "*.shop.example.com")).build();

        assertThat(c.covers("app.example.com")).isTrue();
        assertThat(c.covers("eu.shop.example.com")).isTrue();
        assertThat(c.covers("shop.example.com")).as("a wildcard does not cover its own base").isFalse();
        assertThat(c.covers("a.eu.shop.example.com")).as("nor two levels").isFalse();
        assertThat(c.covers("www.example.com")).isFalse();
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                reject("hostnames", "null", "is required", b -> b.hostnames(null)),
                reject("hostnames", "[]", "must name at least one host", b -> b.hostnames(List.of())),
                reject("hostnames", "[app.example.com, null]", "must not contain null",
                        b -> b.hostnames(Arrays.asList("app.example.com", null))),
                reject("hostnames", "App.example.com", "lower-case host name", b -> b.hostnames(List.of("App.example.com"))),
                reject("hostnames", "localhost", "at least two labels", b -> b.hostnames(List.of("localhost"))),
                reject("hostnames", "*.*.example.com", "or *. and one", b -> b.hostnames(List.of("*.*.example.com"))),
                reject("hostnames", "10.0.0.1", "host name", b -> b.hostnames(List.of("10.0.0.1"))),
                reject("hostnames", "app.example.com", "appears more than once",
                        b -> b.hostnames(List.of("app.example.com", "app.example.com"))),
                reject("hostnames", "a Terraform reference", "must be known at synth", b -> b.hostnames(List.of(Fn.uuid()))),
                reject("validity", "null", "is required", b -> b.validity(null)),
                reject("validity", "PT1440H", "must be one of 7 days, 30 days, 90 days, 365 days, 730 days, 1095 days,"
                        + " 5475 days", b -> b.validity(Duration.ofDays(60))),
                reject("validity", "PT8760H1S", "must be one of", b -> b.validity(Duration.ofDays(365).plusSeconds(1))));
    }

    private static Arguments reject(String property, String value, String why,
            UnaryOperator<OriginCertificate.Builder> change) {
        return Arguments.of(property + " = " + value, change, property, value, why);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsRejectedWithItsPropertyAndAFix(String name, UnaryOperator<OriginCertificate.Builder> change,
            String property, String value, String why) {
        Rejections.assertRejected(() -> change.apply(certificate(TestStacks.emptyStack())).build(), PATH, property,
                value, why);
    }

    @Test
    void nullPropsAreNamed() {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTierFixture.providers(stack);
        Rejections.assertRejected(() -> new OriginCertificate(stack, "certificate", null), PATH, "props", "null",
                "is required");
    }

    @Test
    void aStackWithoutTheProvidersNamesBoth() {
        ThrowingCallable build = () -> OriginCertificate.Builder.create(TestStacks.emptyStack(), "certificate")
                .hostnames(List.of("app.example.com")).build();

        Rejections.assertRejected(build, PATH, "stack", "test (no TlsProvider)",
                "add TlsProvider.Builder.create(stack, \"tls\")");
        Rejections.assertRejected(build, PATH, "stack", "test (no CloudflareProvider)", "provider 5.x");
    }

    @Test
    void thePropsBuilderAndTheConstructBuilderAgree() {
        OriginCertificateProps props = OriginCertificateProps.builder().hostnames(List.of("app.example.com"))
                .validity(Duration.ofDays(365)).build();
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTierFixture.providers(stack);

        assertThat(new OriginCertificate(stack, "via-props", props).props())
                .isEqualTo(certificate(stack).validity(Duration.ofDays(365)).build().props());
        assertThat(props.toBuilder().build()).isEqualTo(props);
    }
}
