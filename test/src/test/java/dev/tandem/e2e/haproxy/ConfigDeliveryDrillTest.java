package dev.tandem.e2e.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.rehearsal.loopback.HttpProbe;
import dev.tandem.rehearsal.loopback.StatsSocket.ServerStat;
import dev.tandem.rehearsal.loopback.StatsSocket;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The configuration delivery on loopback: an instance bootstrapped as cloud-init leaves it, configurations
 * put into service by the shipped {@code tandem-haproxy-apply} exactly as the delivery's provisioner runs
 * it, the real HAProxy in master-worker mode, and clients presenting Cloudflare's certificate throughout. The
 * drills run side by side, each on its own instance, ports and folders.
 */
@Execution(ExecutionMode.CONCURRENT)
class ConfigDeliveryDrillTest {
    private static final int CLIENTS = 4;
    /** Generous bound for events (responses, checks) on a loaded 2-core machine; reached in milliseconds when quiet. */
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(60);

    /** The drill's configuration, it with app-2 weighted 3, and the settle: synthesized once (jsii: one thread). */
    private static String drillConfig;
    private static String weightedConfig;
    private static long settle;

    @TempDir
    Path tmp;

    private LoopbackDrill drill;
    private LoopbackTier instance;

    @BeforeAll
    static void synthesizeTheConfigs() {
        HaproxyTier first = TierConfigs.drill();
        drillConfig = first.configText();
        settle = LoopbackTier.settleSeconds(first);
        weightedConfig = TierConfigs.drill(BackendServer.of("app-2", "10.10.1.6", 8080).withWeight(3)).configText();
    }

    @BeforeEach
    void bootstrapAndDeliverTheFirstConfig() throws Exception {
        drill = LoopbackDrill.start(tmp);
        instance = drill.instance();
        assertThat(request().status()).as("the bootstrap serves nothing on 443").isZero();
        assertThat(HttpProbe.get(instance.localHealthPort(), "/healthz").status())
                .as("the bootstrap's local health answer").isEqualTo(503);

        LoopbackTier.ApplyResult applied = deliver(drillConfig, Map.of());
        assertThat(applied.exitCode()).as("first delivery:%n%s", applied.output()).isZero();
        await(s -> s.size() == 3 && s.values().stream().allMatch(ServerStat::checkedUp));
    }

    @AfterEach
    void stopEverythingStarted() throws InterruptedException {
        if (drill != null) {
            drill.close();
        }
    }

    @Test
    @Timeout(120)
    void aNewConfigDeliveredUnderLoadFailsNoRequestAndIsLiveInANewWorkerOfTheSameMaster() throws Exception {
        long master = instance.masterPid();
        List<Long> workersBefore = instance.masterCli().currentWorkers();
        assertThat(instance.admin().servers("app").get("app-2").weight()).isEqualTo(1);

        LoopbackTier.ApplyResult applied;
        List<HttpProbe.Response> responses;
        try (ClientLoop clients = new ClientLoop(this::request, CLIENTS, 1_000_000)) {
            clients.awaitMore(CLIENTS * 5, EVENT_LIMIT);
            applied = deliver(weightedConfig, Map.of());
            clients.awaitMore(CLIENTS * 5, EVENT_LIMIT);
            responses = clients.stop();
        }

        assertThat(applied.exitCode()).as("delivery:%n%s", applied.output()).isZero();
        assertThat(applied.stagingLeft()).as("the uploaded key is removed once the release holds it").isFalse();
        List<HttpProbe.Response> failed = responses.stream().filter(r -> !r.ok()).toList();
        assertThat(failed).as("failed requests among %d during the delivery", responses.size()).isEmpty();
        assertThat(responses).hasSizeGreaterThan(CLIENTS);
        assertThat(instance.admin().servers("app").get("app-2").weight()).as("the new weight is live").isEqualTo(3);
        assertThat(instance.masterAlive()).isTrue();
        assertThat(instance.masterPid()).as("reloaded, not restarted: the same master").isEqualTo(master);
        List<Long> workersAfter = instance.masterCli().currentWorkers();
        assertThat(workersAfter).as("a new worker replaced %s", workersBefore).isNotEmpty()
                .doesNotContainAnyElementsOf(workersBefore);
        System.out.printf("Config delivery under load (%d HTTPS clients with Cloudflare's certificate): %d requests,"
                + " %d failed; reload (USR2 to the new worker) %d ms; tandem-haproxy-apply %d ms in all (settle %d s);"
                + " master %d kept, worker %s -> %s%n", CLIENTS, responses.size(), failed.size(),
                applied.reloadMillis(), applied.millis(), settle, master, workersBefore, workersAfter);
    }

    @Test
    @Timeout(120)
    void anInvalidConfigIsRefusedAndTheRunningOneKeepsServing() throws Exception {
        Path release = instance.currentRelease();
        List<Long> workers = instance.masterCli().currentWorkers();
        String invalid = drillConfig.replace("    retries 3\n", "    retries 3\n    no-such-keyword\n");

        LoopbackTier.ApplyResult refused;
        List<HttpProbe.Response> responses;
        try (ClientLoop clients = new ClientLoop(this::request, CLIENTS, 1_000_000)) {
            clients.awaitMore(CLIENTS, EVENT_LIMIT);
            refused = deliver(invalid, Map.of());
            clients.awaitMore(CLIENTS * 5, EVENT_LIMIT);
            responses = clients.stop();
        }

        assertThat(refused.exitCode()).as("refused:%n%s", refused.output()).isEqualTo(2);
        assertThat(refused.output()).contains("refused: haproxy -c rejected the new configuration", "no-such-keyword");
        assertThat(refused.stagingLeft()).as("a refused delivery leaves no key behind either").isFalse();
        assertThat(instance.currentRelease()).isEqualTo(release);
        assertThat(instance.masterCli().currentWorkers()).as("no reload").isEqualTo(workers);
        assertThat(responses).isNotEmpty().allMatch(HttpProbe.Response::ok);
        System.out.printf("Invalid config refused in %d ms; %d requests meanwhile, %d failed%n", refused.millis(),
                responses.size(), responses.stream().filter(r -> !r.ok()).count());
    }

    @Test
    @Timeout(120)
    void withoutTheDeliveredOriginPullCaTheDeliveryFailsClosed() throws Exception {
        Path release = instance.currentRelease();

        LoopbackTier.ApplyResult refused = drill.deliverWithout("origin-pull-ca.pem", drillConfig,
                settle);

        assertThat(refused.exitCode()).as("refused:%n%s", refused.output()).isEqualTo(2);
        assertThat(refused.output()).contains("refused:", "origin-pull-ca.pem is missing or empty");
        assertThat(instance.currentRelease()).isEqualTo(release);
        assertThat(request().ok()).isTrue();
    }

    @Test
    @Timeout(120)
    void aValidConfigThatLeavesNoUsableServerIsRolledBack() throws Exception {
        Path release = instance.currentRelease();
        Map<String, Integer> dead = new LinkedHashMap<>();
        for (String name : drill.backendNames()) {
            dead.put(name, closedPort());
        }

        LoopbackTier.ApplyResult rolledBack = drill.deliver(drillConfig, dead, settle, Map.of());

        assertThat(rolledBack.exitCode()).as("rolled back:%n%s", rolledBack.output()).isEqualTo(3);
        assertThat(rolledBack.output()).contains("rolling back: the local health endpoint answered 503");
        assertThat(instance.currentRelease()).isEqualTo(release);
        await(s -> s.values().stream().allMatch(ServerStat::checkedUp));
        assertThat(request().ok()).as("the previous config serves again").isTrue();
    }

    private HttpProbe.Response request() {
        return drill.request("/");
    }

    private LoopbackTier.ApplyResult deliver(String config, Map<String, String> environment) throws Exception {
        return drill.deliver(config, settle, environment);
    }

    private void await(Predicate<Map<String, ServerStat>> condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + EVENT_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(instance.admin().servers("app"))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("servers: " + instance.admin().servers("app") + "\nhaproxy log:\n"
                + Files.readString(instance.log()));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
