package dev.tandem.e2e.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.rehearsal.loopback.HttpProbe;
import dev.tandem.rehearsal.loopback.StatsSocket.ServerStat;
import dev.tandem.rehearsal.loopback.StatsSocket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failover drill: the real HAProxy, running the tier's generated configuration on loopback as an
 * instance runs it (master-worker, delivered by the shipped apply script, HTTPS with Cloudflare's client
 * certificate), in front of three stand-in app servers. Kill one, drain one, bring it back, lose them all —
 * and check that HAProxy does what the configuration promises, in the time it promises.
 */
class HaproxyFailoverDrillTest {
    private static final Duration INTER = TierConfigs.DRILL_INTERVAL;
    /** Scheduling slack on a busy 2-core machine, on top of the configured time. */
    private static final Duration MARGIN = Duration.ofMillis(1000);
    private static final Duration DETECTION = INTER.multipliedBy(TierConfigs.DRILL_FALL);
    private static final Duration RECOVERY = INTER.multipliedBy(TierConfigs.DRILL_RISE);
    private static final int BURST = 30;

    @TempDir
    Path tmp;

    private LoopbackDrill drill;

    @AfterEach
    void stopEverythingStarted() throws InterruptedException {
        if (drill != null) {
            drill.close();
        }
    }

    @Test
    @Timeout(90)
    void aKilledServerIsBypassedADrainedOneLeavesAndRejoinsAndAnEmptyBackendFailsTheTierHealth()
            throws Exception {
        drill = LoopbackDrill.start(tmp);
        HaproxyTier tier = TierConfigs.drill();
        LoopbackTier.ApplyResult first = drill.deliver(tier.configText(), LoopbackTier.settleSeconds(tier), Map.of());
        assertThat(first.exitCode()).as("first delivery:%n%s", first.output()).isZero();
        StatsSocket stats = drill.instance().admin();
        List<String> report = new ArrayList<>();

        await(stats, s -> s.size() == 3 && s.values().stream().allMatch(ServerStat::checkedUp), Duration.ofSeconds(10));
        assertThat(health().status()).as("tier health with every server up").isEqualTo(200);
        assertThat(burst()).extracting(HttpProbe.Response::body).containsOnly("app-1", "app-2", "app-3");

        // 1. A server dies: requests keep succeeding while HAProxy notices, then it is out.
        List<HttpProbe.Response> during;
        long detected;
        try (ClientLoop clients = new ClientLoop(() -> drill.request("/"), 2, 5_000)) {
            clients.awaitMore(4, Duration.ofSeconds(60));
            drill.backend("app-1").kill();
            detected = await(stats, s -> s.get("app-1").down(), DETECTION.plus(MARGIN));
            // Load on both sides of the detection: some responses after it, however long they take to come.
            clients.awaitMore(10, Duration.ofSeconds(60));
            during = clients.stop();
        }
        ServerStat killed = stats.servers("app").get("app-1");
        report.add(line("kill app-1 -> marked DOWN", detected, "inter x fall", DETECTION));
        report.add("    requests while it was noticed: " + during.size() + ", failed "
                + during.stream().filter(r -> !r.ok()).count() + ", slowest " + during.stream()
                .mapToLong(HttpProbe.Response::millis).max().orElse(0) + " ms; sent to app-1 and "
                + "redispatched to another server " + killed.redispatches());
        assertThat(during).as("requests between the kill and detection").isNotEmpty().allMatch(HttpProbe.Response::ok);
        assertThat(killed.redispatches()).as("requests that reached the dead server went to another one").isPositive();
        assertThat(burst()).allMatch(HttpProbe.Response::ok).extracting(HttpProbe.Response::body)
                .containsOnly("app-2", "app-3");

        // 2. A server reports not ready: it is drained without failing a request.
        drill.backend("app-2").ready(false);
        long drained = await(stats, s -> s.get("app-2").down(), DETECTION.plus(MARGIN));
        report.add(line("readiness off app-2 -> DOWN", drained, "inter x fall", DETECTION));
        assertThat(burst()).allMatch(HttpProbe.Response::ok).extracting(HttpProbe.Response::body)
                .containsOnly("app-3");

        // 3. It is ready again: it rejoins after `rise` passed checks.
        drill.backend("app-2").ready(true);
        long rejoined = await(stats, s -> s.get("app-2").up(), RECOVERY.plus(MARGIN));
        report.add(line("readiness on app-2 -> UP", rejoined, "inter x rise", RECOVERY));
        assertThat(burst()).allMatch(HttpProbe.Response::ok).extracting(HttpProbe.Response::body)
                .contains("app-2");

        // 4. No server left: the tier's own health path fails, so the edge drops the region.
        drill.backend("app-2").kill();
        drill.backend("app-3").kill();
        long unhealthy = awaitHealth(503, DETECTION.plus(MARGIN));
        report.add(line("all servers down -> /healthz 503", unhealthy, "inter x fall", DETECTION));

        System.out.println("HAProxy failover drill (inter " + INTER.toMillis() + " ms, fall " + TierConfigs.DRILL_FALL
                + ", rise " + TierConfigs.DRILL_RISE + "):\n  " + String.join("\n  ", report));
    }

    private static String line(String event, long nanos, String formula, Duration configured) {
        return String.format("%-34s measured %5d ms   configured %s = %d ms", event,
                TimeUnit.NANOSECONDS.toMillis(nanos), formula, configured.toMillis());
    }

    private List<HttpProbe.Response> burst() {
        return IntStream.range(0, BURST).mapToObj(i -> drill.request("/")).toList();
    }

    /** @return the edge monitor's request: the health path with the edge's host name, over mTLS */
    private HttpProbe.Response health() {
        return drill.request("/healthz");
    }

    /** @return nanoseconds since the call when {@code condition} first held; fails after {@code limit} */
    private long await(StatsSocket stats, Predicate<Map<String, ServerStat>> condition, Duration limit)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            if (Files.exists(stats.path()) && condition.test(stats.servers("app"))) {
                return System.nanoTime() - start;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("not reached within " + limit + ": " + (Files.exists(stats.path())
                ? stats.servers("app") : "no admin socket") + "\nhaproxy log:\n" + Files.readString(drill.instance().log()));
    }

    /** @return nanoseconds since the call when the tier's health path first answered {@code status} */
    private long awaitHealth(int status, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            if (health().status() == status) {
                return System.nanoTime() - start;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("/healthz did not answer " + status + " within " + limit);
    }
}
