package dev.tandem.e2e.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only Cloudflare gets in, checked with the real HAProxy on loopback running the tier's configuration as
 * delivered: 127.0.0.1 plays Cloudflare's ranges (the allow-list file) and the operator network, a test CA
 * plays Cloudflare's origin-pull CA, and 127.0.0.2 plays everyone else.
 */
class OriginLockdownTest {
    private static final String PASSWORD = "stats-password-0123456789";

    @TempDir
    static Path tmp;

    private static LoopbackDrill drill;
    private static LoopbackTier instance;
    private static TestPki pki;

    @BeforeAll
    static void deliverTheTierWithItsStatsPage() throws Exception {
        drill = LoopbackDrill.start(tmp);
        instance = drill.instance();
        pki = drill.pki();
        // What the delivery's replace() does with the sensitive variable.
        String delivered = TierConfigs.full().configText().replace("$HAPROXY_STATS_PASSWORD", PASSWORD);
        // The servers are up; how long their checks take is the delivery drill's concern.
        LoopbackTier.ApplyResult applied = drill.deliver(delivered, 1, Map.of());
        assertThat(applied.exitCode()).as("delivery:%n%s", applied.output()).isZero();
    }

    @AfterAll
    static void stopEverythingStarted() throws InterruptedException {
        if (drill != null) {
            drill.close();
        }
    }

    private static HttpProbe.Response https(Optional<Path> clientCertificate, String source, String path)
            throws Exception {
        return HttpsProbe.of(pki.originCa(), clientCertificate, source)
                .get(instance.httpsPort(), path, TestPki.HOSTNAME);
    }

    @Test
    void cloudflareWithItsCertificateIsServed() throws Exception {
        HttpProbe.Response r = https(Optional.of(pki.cloudflareClient()), "127.0.0.1", "/");

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.body()).isIn("app-1", "app-2");
    }

    @Test
    void theMonitorsHealthRequestIsServed() throws Exception {
        HttpProbe.Response r = https(Optional.of(pki.cloudflareClient()), "127.0.0.1", "/healthz");

        assertThat(r.status()).as("HTTPS GET /healthz, Host %s, Cloudflare's certificate: %s", TestPki.HOSTNAME, r)
                .isEqualTo(200);
    }

    @Test
    void aClientWithoutACertificateIsRefused() throws Exception {
        HttpProbe.Response r = https(Optional.empty(), "127.0.0.1", "/healthz");

        assertThat(r.status()).as("%s", r).isZero();
    }

    @Test
    void aClientWithAnotherCasCertificateIsRefused() throws Exception {
        HttpProbe.Response r = https(Optional.of(pki.strangerClient()), "127.0.0.1", "/healthz");

        assertThat(r.status()).as("%s", r).isZero();
    }

    @Test
    void aSourceOutsideCloudflaresRangesIsRefusedEvenWithTheCertificate() throws Exception {
        HttpProbe.Response r = https(Optional.of(pki.cloudflareClient()), "127.0.0.2", "/healthz");

        assertThat(r.status()).as("%s", r).isZero();
        assertThat(r.body()).as("closed before TLS").containsAnyOf("SSLHandshakeException", "SocketException",
                "Connection reset", "Remote host terminated");
    }

    @Test
    void theStatsPageAnswersOnlyTheOperatorNetworkAndOnlyWithThePassword() {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));

        assertThat(HttpProbe.get("127.0.0.2", instance.statsPort(), "/", Map.of("Authorization", auth)).status())
                .as("from outside the operator network").isEqualTo(403);
        assertThat(HttpProbe.get("127.0.0.1", instance.statsPort(), "/", Map.of()).status())
                .as("without the password").isEqualTo(401);
        assertThat(HttpProbe.get("127.0.0.1", instance.statsPort(), "/", Map.of("Authorization", auth)).status())
                .as("operator with the password").isEqualTo(200);
    }
}
