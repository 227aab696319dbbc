package dev.tandem.e2e.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.rehearsal.loopback.HttpProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A delivery cannot be left half-done: the shipped {@code tandem-haproxy-apply} interrupted during its settle
 * wait — a hangup (the SSH session dropped) or a closed output pipe (Terraform's side gone) — ends on the
 * previous release serving with health 200 and no uploaded key left; run detached, as the delivery runs it, it
 * finishes by itself when the session that started it hangs up. Refused deliveries leave no upload either.
 * Every wait is for an event (a line the script says, a file, a status), bounded generously. The drills run side
 * by side, each on its own instance, ports and folders: they spend their time in the settle wait.
 */
@Execution(ExecutionMode.CONCURRENT)
class InterruptedDeliveryDrillTest {
    /**
     * The settle time of these drills: the signal or the closed pipe must land inside it, so it is longer than the
     * tier's own, by a margin that holds on a loaded machine (the script's wait ends at once on a signal).
     */
    private static final long SETTLE_SECONDS = 8;

    /** Both configurations and the settle time, synthesized once before the drills start (jsii: one thread). */
    private static String firstConfig;
    private static String nextConfig;
    private static long settle;

    @TempDir
    Path tmp;

    private LoopbackDrill drill;
    private LoopbackTier instance;
    private Path previous;
    private List<Path> releasesBefore;

    @BeforeAll
    static void synthesizeTheConfigs() {
        HaproxyTier first = TierConfigs.drill();
        firstConfig = first.configText();
        settle = Math.max(LoopbackTier.settleSeconds(first), SETTLE_SECONDS);
        nextConfig = TierConfigs.drill(BackendServer.of("app-2", "10.10.1.6", 8080).withWeight(3)).configText();
    }

    @BeforeEach
    void deliverTheFirstConfig() throws Exception {
        drill = LoopbackDrill.start(tmp);
        instance = drill.instance();
        LoopbackTier.ApplyResult applied = drill.deliver(firstConfig, settle, Map.of());
        assertThat(applied.exitCode()).as("first delivery:%n%s", applied.output()).isZero();
        previous = instance.currentRelease();
        releasesBefore = releases();
        assertThat(localHealth()).isEqualTo(200);
    }

    @AfterEach
    void stopEverythingStarted() throws InterruptedException {
        if (drill != null) {
            drill.close();
        }
    }

    private int localHealth() {
        return HttpProbe.get(instance.localHealthPort(), "/healthz").status();
    }

    private RunningApply startNext(List<String> options) throws Exception {
        return instance.start(drill.stage(nextConfig), settle, Map.of(), options);
    }

    private void assertThePreviousReleaseServes(LoopbackTier.ApplyResult result) throws IOException {
        assertThat(instance.currentRelease()).as("current after:%n%s", result.output()).isEqualTo(previous);
        assertThat(localHealth()).as("local health after the rollback").isEqualTo(200);
        assertThat(drill.request("/").ok()).as("the previous config serves").isTrue();
        assertThat(result.stagingLeft()).as("no uploaded key left behind").isFalse();
        assertThat(releases()).as("the interrupted release is removed").isEqualTo(releasesBefore);
    }

    private List<Path> releases() throws IOException {
        try (Stream<Path> releases = Files.list(previous.getParent())) {
            return releases.sorted().toList();
        }
    }

    @Test
    @Timeout(180)
    void aHangupDuringTheSettleWaitRollsBackToThePreviousRelease() throws Exception {
        RunningApply run = startNext(List.of());
        RunningApply.Armed hangup = run.arm("HUP");
        run.awaitLine("settling");

        hangup.fire();
        LoopbackTier.ApplyResult result = run.finish();

        assertThat(result.exitCode()).as("rolled back:%n%s", result.output()).isEqualTo(3);
        assertThat(result.output()).contains("rolling back: interrupted by HUP",
                "serves again: local health 200 (before the change: 200)");
        assertThePreviousReleaseServes(result);
        System.out.printf("SIGHUP during the settle wait: rolled back in %d ms, health 200, upload removed%n",
                result.millis());
    }

    @Test
    @Timeout(180)
    void aClosedOutputPipeDuringTheSettleWaitRollsBackToThePreviousRelease() throws Exception {
        RunningApply run = startNext(List.of());
        run.awaitLine("settling");

        run.closeOutput();
        LoopbackTier.ApplyResult result = run.finish();

        assertThat(result.exitCode()).as("rolled back, not killed by SIGPIPE (141):%n%s", run.output()).isEqualTo(3);
        assertThePreviousReleaseServes(result);
        System.out.printf("Closed output pipe during the settle wait: rolled back in %d ms, health 200, upload removed%n",
                result.millis());
    }

    @Test
    @Timeout(180)
    void detachedTheApplyFinishesByItselfWhenTheSessionThatStartedItHangsUp() throws Exception {
        Path staging = drill.stage(nextConfig);
        RunningApply session = instance.start(staging, settle, Map.of(), List.of("--detach"));
        RunningApply.Armed hangup = session.arm("HUP");
        Path status = awaitFile(instance.runs(), "output", Duration.ofSeconds(60)).resolveSibling("status");
        awaitContent(status.resolveSibling("output"), "settling", RunningApply.LIMIT);

        hangup.fire();
        LoopbackTier.ApplyResult hungUp = session.finish();
        String exit = awaitContent(status, "", RunningApply.LIMIT).strip();

        assertThat(hungUp.exitCode()).as("the session itself is gone (SIGHUP)").isNotZero();
        assertThat(exit).as("the detached run's own status:%n%s", Files.readString(status.resolveSibling("output")))
                .isEqualTo("0");
        assertThat(instance.currentRelease()).as("applied in full").isNotEqualTo(previous);
        assertThat(localHealth()).isEqualTo(200);
        assertThat(instance.admin().servers("app").get("app-2").weight()).as("the new weight is live").isEqualTo(3);
        assertThat(Files.exists(staging)).as("no uploaded key left behind").isFalse();
    }

    @Test
    @Timeout(180)
    void detachedTheCallerGetsTheRunsStatusAndOutput() throws Exception {
        LoopbackTier.ApplyResult result = instance.start(drill.stage(nextConfig), settle, Map.of(),
                List.of("--detach")).finish();

        assertThat(result.exitCode()).as("%s", result.output()).isZero();
        assertThat(result.output()).contains("applied ", "health 200 -> 200");
        assertThat(result.stagingLeft()).isFalse();
        try (Stream<Path> runs = Files.list(instance.runs())) {
            assertThat(runs.toList()).as("the run's folder is removed once read").isEmpty();
        }
    }

    @Test
    @Timeout(180)
    void aDeliveryRefusedBecauseAnotherHoldsTheLockLeavesNoUpload() throws Exception {
        Path staging = drill.stage(nextConfig);
        Process holder = new ProcessBuilder("flock", instance.lockFile().toString(), "sleep", "600").start();
        try {
            awaitLocked();
            LoopbackTier.ApplyResult refused = instance.apply(staging, settle, Map.of());

            assertThat(refused.exitCode()).as("%s", refused.output()).isEqualTo(1);
            assertThat(refused.output()).contains("another delivery is running");
            assertThat(refused.stagingLeft()).as("the key is removed even when refused").isFalse();
            assertThat(instance.currentRelease()).isEqualTo(previous);
        } finally {
            holder.destroy();
        }
    }

    @Test
    @Timeout(180)
    void aDeliveryRefusedBecauseHaproxyIsNotRunningLeavesNoUpload() throws Exception {
        Path staging = drill.stage(nextConfig);

        LoopbackTier.ApplyResult refused = instance.apply(staging, settle,
                Map.of("TANDEM_HAPROXY_PIDFILE", tmp.resolve("no-such.pid").toString()));

        assertThat(refused.exitCode()).as("%s", refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("HAProxy is not running");
        assertThat(refused.stagingLeft()).as("the key is removed even when refused").isFalse();
    }

    /** Waits until another process holds the lock: {@code flock -n} on it fails. */
    private void awaitLocked() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Process probe = new ProcessBuilder("flock", "-n", instance.lockFile().toString(), "true").start();
            if (probe.waitFor() != 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the lock holder did not take the lock in 30 s");
    }

    /** @return the first file named {@code name} under {@code dir}, once it exists */
    private static Path awaitFile(Path dir, String name, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    Optional<Path> found = all.filter(p -> p.getFileName().toString().equals(name)).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + name + " under " + dir + " within " + limit);
    }

    /** @return the file's text once it exists and contains {@code text} */
    private static String awaitContent(Path file, String text, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                String content = Files.readString(file);
                if (!content.isEmpty() && content.contains(text)) {
                    return content;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError(file + " did not come to contain \"" + text + "\" within " + limit);
    }
}
