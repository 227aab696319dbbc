package dev.tandem.e2e.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.e2e.SynthesizedDeployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every configuration shape the tier generates is accepted by the real {@code haproxy -c}. */
class HaproxyConfigCheckTest {
    /** What cloud-init puts into the environment of the service on an instance. */
    private static final Map<String, String> INSTANCE_ENVIRONMENT = Map.of(
            "TANDEM_PRIVATE_IP", "10.10.0.5",
            "HAPROXY_STATS_PASSWORD", "a-sample-password-0123");

    private static HaproxyBinary haproxy;

    @TempDir
    Path tmp;

    @BeforeAll
    static void requireHaproxy() {
        haproxy = HaproxyBinary.require();
    }

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of("minimal", (Supplier<HaproxyTier>) TierConfigs::minimal),
                Arguments.of("full", (Supplier<HaproxyTier>) TierConfigs::full),
                Arguments.of("drill", (Supplier<HaproxyTier>) TierConfigs::drill));
    }

    @ParameterizedTest(name = "the {0} config passes haproxy -c")
    @MethodSource("configs")
    void theGeneratedConfigPassesHaproxyCheck(String name, Supplier<HaproxyTier> tier)
            throws IOException, InterruptedException {
        String text = tier.get().configText();
        if (text.contains(TierConfigs.TLS_CERTIFICATE)) {
            // The certificate is the operator's; a throwaway one stands in at a path of our own.
            text = text.replace(TierConfigs.TLS_CERTIFICATE, selfSignedCertificate().toString());
        }
        Path config = Files.writeString(tmp.resolve(name + ".cfg"), text);

        HaproxyBinary.CheckResult result = haproxy.check(config, INSTANCE_ENVIRONMENT);

        assertThat(result.exitCode()).as("haproxy -c -f %s:%n%s%n%s", config, result.output(), text).isZero();
        assertThat(result.output()).as("no warnings").doesNotContainIgnoringCase("warning");
    }

    @ParameterizedTest(name = "the reference deployment's {0} haproxy.cfg passes haproxy -c")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"primary", "secondary"})
    void theReferenceDeploymentsConfigPassesHaproxyCheck(String stack) throws IOException, InterruptedException {
        Path config = SynthesizedDeployment.outdir().resolve("stacks/" + stack + "/haproxy/haproxy.cfg");

        HaproxyBinary.CheckResult result = haproxy.check(config, INSTANCE_ENVIRONMENT);

        assertThat(result.exitCode()).as("haproxy -c -f %s:%n%s", config, result.output()).isZero();
        assertThat(result.output()).as("no warnings").doesNotContainIgnoringCase("warning");
    }

    private Path selfSignedCertificate() throws IOException, InterruptedException {
        Path key = tmp.resolve("key.pem");
        Path cert = tmp.resolve("cert.pem");
        Process openssl = new ProcessBuilder(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-days", "1", "-subj", "/CN=tandem.test", "-keyout", key.toString(), "-out", cert.toString()))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("openssl.log").toFile()).start();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0)
                .as("openssl: %s", Files.readString(tmp.resolve("openssl.log"))).isTrue();
        return Files.writeString(tmp.resolve("origin.pem"), Files.readString(cert) + Files.readString(key));
    }
}
