package dev.tandem.rehearsal;

import dev.tandem.rehearsal.Deployment.Pool;
import dev.tandem.rehearsal.LoadClients.Sample;
import dev.tandem.rehearsal.WriteClient.Write;
import dev.tandem.rehearsal.edge.OriginMonitor;
import dev.tandem.rehearsal.region.RegionRuntime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs one scenario: waits for the steady state, starts clients through the edge, injects the failure, watches
 * until the expected region has served every request for a while (or the window closes), measures, restores.
 *
 * <p>Failures are injected just after an edge probe of the active pool (the edge layer's worst phase).
 * Measured RTO: from the injection to the first answer from the expected region after the last answer that was
 * not (a failed request, or one served by the other region); zero when there was no such answer.
 *
 * <p>With PostgreSQL a writing client ({@link WriteClient}) runs beside the readers, and after {@code region-dies}
 * the failover region's standby is promoted at the report's promotion decision time, scaled; the scenario then
 * lasts until writes are acknowledged again ({@link PostgresFigures}).
 */
final class ScenarioRunner {
    private static final int CLIENTS = 4;
    private static final long PAUSE_MS = 50;
    private static final Pattern TITLE = Pattern.compile("<h1>([^<]*)</h1>");

    private final Rehearsal rehearsal;
    private final Deployment deployment;
    private final Scale scale;
    private final Duration hold;
    private final AtomicLong writeIds = new AtomicLong();

    ScenarioRunner(Rehearsal rehearsal) {
        this.rehearsal = rehearsal;
        this.deployment = rehearsal.deployment();
        this.scale = rehearsal.scale();
        this.hold = scale.down(deployment.edge().monitor().interval()).multipliedBy(2);
    }

    ScenarioResult run(Scenario scenario) throws Exception {
        RegionRuntime active = rehearsal.region(deployment.active());
        String expected = (scenario.expectsFailover() ? deployment.failover() : deployment.active()).stack();
        int computed = scenario.computed().applyAsInt(deployment.objectives());
        if (!scenario.name().equals("region-returns")) {
            awaitSteady(scale.down(Duration.ofSeconds(deployment.objectives().rtoSeconds())).multipliedBy(3)
                    .dividedBy(2));
        }
        Duration window = scale.down(Duration.ofSeconds(Math.max(computed, deployment.objectives().rtoSeconds())))
                .multipliedBy(3).dividedBy(2).plus(hold);
        RegionRuntime failover = rehearsal.region(deployment.failover());
        boolean promotes = deployment.postgres() && scenario.name().equals("region-dies");
        Optional<Deployment.PostgresObjectives> pg = deployment.objectives().postgres();
        if (promotes) {
            Duration resume = scale.down(Duration.ofSeconds(pg.orElseThrow().writesResumeSeconds()));
            window = window.compareTo(resume) > 0 ? window : resume.multipliedBy(3).dividedBy(2).plus(hold);
        }
        List<Sample> samples;
        List<Write> writes = List.of();
        long t0;
        Promotion promotion = null;
        try (LoadClients clients = new LoadClients(deployment.hostname(), CLIENTS, PAUSE_MS);
                WriteClient writer = deployment.postgres() ? new WriteClient(deployment.hostname(), writeIds) : null) {
            Thread.sleep(hold.toMillis() / 2);
            awaitProbe();
            t0 = System.nanoTime();
            scenario.inject().run(active, failover);
            if (promotes) {
                promotion = new Promotion(failover.database().orElseThrow(),
                        t0 + scale.down(Duration.ofSeconds(pg.get().promotionDecisionSeconds())).toNanos());
            }
            long deadline = t0 + window.toNanos();
            while (System.nanoTime() < deadline) {
                Thread.sleep(50);
                if (computed > 0 && settledFor(clients.samples(), t0, expected) >= hold.toNanos()
                        && (promotion == null || writesResumed(writer.writes(), promotion, expected))) {
                    break;
                }
            }
            samples = clients.stop().stream().filter(s -> s.atNanos() >= t0).toList();
            if (writer != null) {
                // from before the failure too: the acknowledged writes a promoted standby may lack came before it
                writes = writer.stop();
            }
        } finally {
            if (promotion != null) {
                promotion.join();
            }
        }
        Optional<Long> recovered = recoveredAt(samples, t0, expected);
        Double scaledSeconds = recovered.map(at -> Math.max(0, at - t0) / 1e9).orElse(null);
        Double measured = scaledSeconds == null ? null : scale.back(scaledSeconds);
        int failed = (int) samples.stream().filter(s -> s.status() != 200).count();
        Sample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        String servedBy = last != null && last.status() == 200 ? last.region() : "none";
        Optional<Diagnosis.Finding> finding = Diagnosis.of(rehearsal, samples, expected, servedBy, measured, computed);
        String failures = samples.stream().filter(s -> s.status() != 200)
                .collect(Collectors.groupingBy(s -> s.status() + " " + abbreviate(s.body()), LinkedHashMap::new,
                        Collectors.counting()))
                .entrySet().stream().map(e -> e.getValue() + " × " + e.getKey()).collect(Collectors.joining("; "));
        PostgresFigures figures = null;
        if (promotes) {
            figures = PostgresFigures.regionDies(writes, t0, promotion.startedAt(), deployment.active().stack(),
                    expected, failover.database().orElseThrow(), scale, pg.orElseThrow());
        } else if (deployment.postgres()) {
            figures = scenario.name().equals("steady-state") ? PostgresFigures.steady(writes)
                    : PostgresFigures.counted(writes);
        }
        if (finding.isEmpty() && figures != null && !figures.pass()) {
            finding = Optional.of(new Diagnosis.Finding("postgres", figures.reason()));
        }
        scenario.restore().run(active, failover);
        return new ScenarioResult(scenario, computed, round(measured), round(scaledSeconds), samples.size(), failed,
                expected, servedBy, figures == null ? null : figures.lostWrites(),
                deployment.objectives().rpoSeconds(), scale.factor(), failures,
                finding.map(Diagnosis.Finding::layer).orElse(null),
                finding.map(Diagnosis.Finding::reason).orElse(null), figures);
    }

    /**
     * Waits until the edge has just probed the active pool's first origin: a failure injected then waits a whole
     * interval for its first failed probe, the edge layer's worst phase. The other layers' timers fall as they
     * may.
     */
    private void awaitProbe() throws InterruptedException {
        String origin = deployment.edge().pools().get(deployment.active().pool()).origins().get(0).name();
        OriginMonitor monitor = rehearsal.edge().monitors().get(origin);
        long seen = monitor.probes();
        long deadline = System.nanoTime() + scale.down(deployment.edge().monitor().interval()).toNanos() * 2;
        while (monitor.probes() == seen && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** @return whether the expected region acknowledged a write after the promotion was applied */
    private static boolean writesResumed(List<Write> writes, Promotion promotion, String expected) {
        Long promoted = promotion.startedAt();
        return promoted != null && writes.stream().anyMatch(w -> w.acked() && w.region().equals(expected)
                && w.atNanos() > promoted);
    }

    /** @return the nanoseconds since the expected region began serving every request, or 0 when it does not yet */
    private static long settledFor(List<Sample> all, long t0, String expected) {
        List<Sample> samples = all.stream().filter(s -> s.atNanos() >= t0).toList();
        return recoveredAt(samples, t0, expected).filter(at -> !samples.isEmpty())
                .map(at -> samples.get(samples.size() - 1).atNanos() - at).orElse(0L);
    }

    /** @return when the expected region began serving every request after {@code t0}, if it did */
    static Optional<Long> recoveredAt(List<Sample> samples, long t0, String expected) {
        int lastBad = -1;
        for (int i = 0; i < samples.size(); i++) {
            if (!samples.get(i).servedBy(expected)) {
                lastBad = i;
            }
        }
        if (lastBad < 0) {
            return samples.isEmpty() ? Optional.empty() : Optional.of(t0);
        }
        return lastBad + 1 < samples.size() ? Optional.of(samples.get(lastBad + 1).atNanos()) : Optional.empty();
    }

    /**
     * Waits (bounded) until the edge sends traffic to the active region's pool with all its origins healthy and
     * every pod of every region ready; returns either way, the scenario then shows what was wrong.
     */
    void awaitSteady(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        Pool activePool = deployment.edge().pools().get(deployment.active().pool());
        while (System.nanoTime() < deadline) {
            boolean edgeReady = rehearsal.edge().steering().choose() == activePool && activePool.origins().stream()
                    .allMatch(o -> rehearsal.edge().monitors().get(o.name()).healthy());
            boolean podsReady = rehearsal.regions().stream().allMatch(r -> r.readyPods() == r.pods());
            if (edgeReady && podsReady) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** @return the first line of an answer, or the title of an HTML error page */
    private static String abbreviate(String body) {
        Matcher title = TITLE.matcher(body);
        if (title.find()) {
            return title.group(1);
        }
        String line = body.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        line = line.replaceAll("region=\\S+ pod=\\S+", "").strip();
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    private static Double round(Double seconds) {
        return seconds == null ? null : Math.round(seconds * 10) / 10.0;
    }
}
