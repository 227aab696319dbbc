package dev.tandem.e2e.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.rehearsal.loopback.HttpProbe;
import dev.tandem.rehearsal.loopback.HttpsProbe;
import dev.tandem.rehearsal.loopback.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only this deployment's Cloudflare zone gets in, checked with the real HAProxy on loopback running the tier's
 * configuration as delivered: 127.0.0.1 plays Cloudflare's ranges (the allow-list file) and the operator
 * network, the test CA {@code pull-ca} plays the deployment's origin-pull CA (the delivered {@code ca-file}) and
 * signs the certificate the zone presents, a stranger CA's certificate plays another Cloudflare zone's, and
 * 127.0.0.2 plays everyone else. Prints how many requests were made and how each kind was refused.
 */
class OriginLockdownTest {
    private static final String PASSWORD = "stats-password-0123456789";
    private static final String OTHER_HOST = "other.example.net";

    @TempDir
    static Path tmp;

    private static LoopbackDrill drill;
    private static LoopbackTier instance;
    private static TestPki pki;
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final AtomicInteger HANDSHAKE_REFUSALS = new AtomicInteger();
    private static final AtomicInteger STATUS_REFUSALS = new AtomicInteger();

    @BeforeAll
    static void deliverTheTierWithItsStatsPage() throws Exception {
        drill = LoopbackDrill.start(tmp);
        instance = drill.instance();
        pki = drill.pki();
        // What the delivery writes on the userlist's line: Terraform's bcrypt of the sensitive variable.
        HaproxyTier tier = TierConfigs.full();
        String hash = TerraformBcrypt.hash(PASSWORD, LoopbackTier.statsBcryptCost(tier), tmp);
        String delivered = tier.configText().replace("$HAPROXY_STATS_PASSWORD_HASH", hash);
        // The servers are up; how long their checks take is the delivery drill's concern. The new worker's own
        // deadline is independent of the settle time, so 1 s of settling cannot fail the delivery on a loaded machine.
        LoopbackTier.ApplyResult applied = drill.deliver(delivered, 1, Map.of());
        assertThat(applied.exitCode()).as("delivery:%n%s", applied.output()).isZero();
        assertThat(Files.readString(instance.currentRelease().resolve("haproxy.cfg")))
                .as("the instance holds the salted hash, not the password").contains(hash).doesNotContain(PASSWORD);
    }

    @AfterAll
    static void stopEverythingStarted() throws InterruptedException {
        System.out.printf("Origin lockdown drill: %d HTTPS requests, %d refused in the handshake or before TLS, "
                + "%d refused with a status (403/421)%n", REQUESTS.get(), HANDSHAKE_REFUSALS.get(), STATUS_REFUSALS.get());
        if (drill != null) {
            drill.close();
        }
    }

    private static HttpProbe.Response https(Optional<Path> clientCertificate, String source, String path, String sni,
            String host) throws Exception {
        HttpProbe.Response r = HttpsProbe.of(pki.originCa(), clientCertificate, source)
                .get(instance.httpsPort(), path, sni, host);
        REQUESTS.incrementAndGet();
        if (r.status() == 0) {
            HANDSHAKE_REFUSALS.incrementAndGet();
        } else if (r.status() == 403 || r.status() == 421) {
            STATUS_REFUSALS.incrementAndGet();
        }
        return r;
    }

    private static HttpProbe.Response https(Optional<Path> clientCertificate, String source, String path)
            throws Exception {
        return https(clientCertificate, source, path, TestPki.HOSTNAME, TestPki.HOSTNAME);
    }

    @Test
    void theZoneWithTheDeploymentsClientCertificateIsServed() throws Exception {
        HttpProbe.Response r = https(Optional.of(pki.cloudflareClient()), "127.0.0.1", "/");

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.body()).isIn("app-1", "app-2");
    }

    @Test
    void theMonitorsHealthRequestIsServedWithOrWithoutTheClientCertificate() throws Exception {
        HttpProbe.Response with = https(Optional.of(pki.cloudflareClient()), "127.0.0.1", "/healthz");
        HttpProbe.Response without = https(Optional.empty(), "127.0.0.1", "/healthz");

        assertThat(with.status()).as("HTTPS GET /healthz, Host %s, the zone's certificate: %s", TestPki.HOSTNAME, with)
                .isEqualTo(200);
        assertThat(without.status()).as("the monitor may probe without the zone's certificate (unverified): %s",
                without).isEqualTo(200);
    }

    @Test
    void anythingButTheHealthPathWithoutACertificateIsRefused() throws Exception {
        HttpProbe.Response r = https(Optional.empty(), "127.0.0.1", "/");

        assertThat(r.status()).as("%s", r).isEqualTo(403);
        assertThat(r.body()).doesNotContain("app-");
    }

    @Test
    void anotherCasCertificateStandingInForAnotherZoneIsRefusedInTheHandshakeEvenOnTheHealthPath() throws Exception {
        HttpProbe.Response page = https(Optional.of(pki.strangerClient()), "127.0.0.1", "/");
        HttpProbe.Response health = https(Optional.of(pki.strangerClient()), "127.0.0.1", "/healthz");

        assertThat(page.status()).as("%s", page).isZero();
        assertThat(health.status()).as("%s", health).isZero();
    }

    @Test
    void aRequestForAnotherHostNameIsMisdirected() throws Exception {
        HttpProbe.Response wrongSni = https(Optional.of(pki.cloudflareClient()), "127.0.0.1", "/", OTHER_HOST,
                TestPki.HOSTNAME);
        HttpProbe.Response wrongHost = https(Optional.of(pki.cloudflareClient()), "127.0.0.1", "/", TestPki.HOSTNAME,
                OTHER_HOST);

        assertThat(wrongSni.status()).as("SNI %s: %s", OTHER_HOST, wrongSni).isEqualTo(421);
        assertThat(wrongHost.status()).as("Host %s: %s", OTHER_HOST, wrongHost).isEqualTo(421);
        assertThat(wrongSni.body() + wrongHost.body()).doesNotContain("app-");
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
                .as("operator with the password (crypt(3) of Terraform's bcrypt hash)").isEqualTo(200);
        String wrong = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD + "x")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(HttpProbe.get("127.0.0.1", instance.statsPort(), "/", Map.of("Authorization", wrong)).status())
                .as("operator with another password").isEqualTo(401);
    }
}
