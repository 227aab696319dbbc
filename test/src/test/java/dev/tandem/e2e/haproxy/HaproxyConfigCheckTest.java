package dev.tandem.e2e.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.rehearsal.loopback.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every configuration shape the tier generates, the bootstrap's and the reference deployment's, is accepted
 * by the real {@code haproxy -c} in a release directory laid out as the apply script lays it out; and a
 * release without Cloudflare's origin-pull CA is refused.
 */
class HaproxyConfigCheckTest {
    /** No environment: the configuration names no variable (the stats hash is written into the file). */
    private static final Map<String, String> ENVIRONMENT = Map.of();
    /** A bcrypt hash as Terraform's bcrypt() writes it, in place of the stats user's placeholder. */
    private static final String SAMPLE_HASH = "$2a$08$lNA2LwzmXxyJZbRWhvzga.nIBwAQLG8E2Ihyk/eWCD3Sq4W6yaoK2";

    private static HaproxyBinary haproxy;
    private static TestPki pki;

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    @BeforeAll
    static void requireHaproxy() throws IOException, InterruptedException {
        haproxy = HaproxyBinary.require();
        pki = TestPki.create(shared.resolve("pki"));
    }

    /** @return a release holding {@code config} and the files it names; the CA only when {@code withCa} */
    private Path release(String name, String config, boolean withCa) throws IOException {
        Path release = Files.createDirectories(tmp.resolve(name));
        Files.writeString(release.resolve("haproxy.cfg"), config.replace("$HAPROXY_STATS_PASSWORD_HASH", SAMPLE_HASH));
        Files.writeString(release.resolve("origin.pem"), pki.originPem());
        Files.writeString(release.resolve("cloudflare-ipv4.lst"), "173.245.48.0/20\n103.21.244.0/22\n");
        if (withCa) {
            Files.copy(pki.pullCa(), release.resolve("origin-pull-ca.pem"));
        }
        return release;
    }

    private void assertValid(Path release) throws IOException, InterruptedException {
        HaproxyBinary.CheckResult result = haproxy.check(release, ENVIRONMENT);

        assertThat(result.exitCode()).as("haproxy -c in %s:%n%s%n%s", release, result.output(),
                Files.readString(release.resolve("haproxy.cfg"))).isZero();
        assertThat(result.output()).as("no warnings").doesNotContainIgnoringCase("warning");
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
        assertValid(release(name, tier.get().configText(), true));
    }

    @ParameterizedTest(name = "the reference deployment's {0} haproxy.cfg passes haproxy -c")
    @ValueSource(strings = {"primary", "secondary"})
    void theReferenceDeploymentsConfigPassesHaproxyCheck(String stack) throws IOException, InterruptedException {
        Path config = SynthesizedDeployment.outdir().resolve("stacks/" + stack + "/haproxy/haproxy.cfg");

        assertValid(release(stack, Files.readString(config), true));
    }

    @Test
    void theBootstrapConfigPassesHaproxyCheck() throws IOException, InterruptedException {
        assertValid(release("bootstrap", LoopbackTier.shipped("bootstrap-haproxy.cfg"), false));
    }

    @Test
    void withoutCloudflaresOriginPullCaTheConfigIsRefused() throws IOException, InterruptedException {
        HaproxyBinary.CheckResult result = haproxy.check(release("no-ca", TierConfigs.minimal().configText(), false),
                ENVIRONMENT);

        assertThat(result.exitCode()).as("fails closed:%n%s", result.output()).isNotZero();
        assertThat(result.output()).contains("origin-pull-ca.pem");
    }
}
