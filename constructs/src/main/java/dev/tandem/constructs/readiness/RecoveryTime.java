package dev.tandem.constructs.readiness;

import dev.tandem.constructs.edge.CloudflareFailoverLbProps;
import dev.tandem.constructs.edge.CloudflarePlan;
import dev.tandem.constructs.edge.MonitorSettings;
import dev.tandem.constructs.haproxy.CheckTiming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link Rule#RECOVERY_TIME}: the worst-case failover of the active region, layer by layer.
 *
 * <p>Each layer's time is its worst case: the failure lands just after a passed check, then
 * {@code threshold} checks fail, the last one only after its timeout (a hung app answers nothing).
 * The layers are added up. That is the bound for a failure each layer only sees once the layer
 * below has acted — pods turn unready, so the Service has no endpoint, so HAProxy's checks fail, so
 * its {@code monitor-uri} answers 503, so Cloudflare's monitor fails — and an overestimate when
 * layers notice the same failure at once (a dead region fails HAProxy and Cloudflare checks
 * together). An RTO target held against the sum holds in both cases.
 *
 * <p>Only the active region (first pool) counts: a failing standby moves no traffic.
 */
final class RecoveryTime {
    /** Cloudflare's TTL of an unproxied load-balanced record when none is set (the API's default). */
    static final Duration CLOUDFLARE_DEFAULT_TTL = Duration.ofSeconds(30);

    private RecoveryTime() {
    }

    static List<LayerTime> layers(FailoverChain chain) {
        List<LayerTime> layers = new ArrayList<>();
        chain.active().ifPresent(active -> {
            kubernetes(active).ifPresent(layers::add);
            layers.add(haproxy(active));
        });
        chain.edge().filter(e -> !chain.regions().isEmpty()).ifPresent(edge -> {
            CloudflareFailoverLbProps props = edge.props();
            MonitorSettings m = props.monitor();
            String path = edge.getNode().getPath();
            layers.add(new LayerTime("cloudflare", path,
                    "consecutiveDown " + m.consecutiveDown() + " × interval " + Durations.text(m.interval(props.plan()))
                            + " + (retries " + m.retries() + " + 1) × timeout " + Durations.text(m.timeout()),
                    m.worstCaseDetection(props.plan()),
                    "a lower monitor interval (at least " + minimums(props.plan()) + "; plan(…) names the "
                            + "account's), timeout, retries or consecutiveDown"));
            Duration ttl = props.proxied() ? Duration.ZERO : props.ttl().orElse(CLOUDFLARE_DEFAULT_TTL);
            layers.add(new LayerTime("dns", path,
                    props.proxied() ? "proxied: Cloudflare switches pools itself, no DNS change"
                            : "not proxied: resolvers keep the old address for the TTL " + Durations.text(ttl),
                    ttl, "proxied(true), or a lower ttl (30 s at least)"));
        });
        chain.dnsEdge().filter(e -> !chain.regions().isEmpty()).ifPresent(edge -> layers.addAll(DnsFailover.layers(edge)));
        return layers;
    }

    /** @return each plan's minimum interval, the given plan's first, e.g. "60 s on PRO, 15 s on BUSINESS, …" */
    private static String minimums(CloudflarePlan plan) {
        return Stream.concat(Stream.of(plan), Arrays.stream(CloudflarePlan.values()).filter(p -> p.compareTo(plan) > 0))
                .map(p -> Durations.text(p.minimumMonitorInterval()) + " on " + p).collect(Collectors.joining(", "));
    }

    /** @return the readiness probe's worst case, when the app has a readiness probe */
    static Optional<LayerTime> kubernetes(RegionChain region) {
        return Optional.ofNullable(AppProbes.probes(region.app()).get("readinessProbe")).map(readiness -> {
            int period = readiness.getPeriodSeconds();
            int threshold = readiness.getFailureThreshold();
            int timeout = readiness.getTimeoutSeconds();
            return new LayerTime("kubernetes", region.appPath(), "readiness period " + period + " s × failureThreshold "
                    + threshold + " + timeout " + timeout + " s", Duration.ofSeconds((long) period * threshold + timeout),
                    "a shorter health contract interval or timeout (the readiness probe follows it)");
        });
    }

    /** @return the HAProxy check's worst case */
    static LayerTime haproxy(RegionChain region) {
        CheckTiming t = region.haproxy().config().defaults().check();
        return new LayerTime("haproxy", region.haproxyPath(),
                "inter " + Durations.text(t.inter()) + " × fall " + t.fall() + " + timeout check "
                        + Durations.text(t.timeout()),
                t.inter().multipliedBy(t.fall()).plus(t.timeout()), "a lower checkInterval or fall on the HaproxyTier");
    }

    static Duration total(List<LayerTime> layers) {
        return layers.stream().map(LayerTime::worstCase).reduce(Duration.ZERO, Duration::plus);
    }

    static List<CheckResult> check(FailoverChain chain, List<LayerTime> layers, DrTargets targets) {
        if (layers.isEmpty()) {
            return List.of();
        }
        Duration total = total(layers);
        LayerTime costliest = layers.stream().max(Comparator.comparing(LayerTime::worstCase)).orElseThrow();
        String sum = layers.stream().map(l -> l.layer() + " " + Durations.text(l.worstCase()))
                .reduce((a, b) -> a + " + " + b).orElse("");
        boolean ok = total.compareTo(targets.rto()) <= 0;
        return List.of(CheckResult.of(Rule.RECOVERY_TIME, ok ? "deployment" : costliest.path(), "rto", ok,
                Durations.text(total) + " (" + sum + ")",
                "at most the RTO target " + Durations.text(targets.rto()),
                "the costliest layer is " + costliest.layer() + " at " + costliest.path() + " ("
                        + Durations.text(costliest.worstCase()) + ": " + costliest.formula() + "): use "
                        + costliest.lowerBy() + "; or raise DrTargets rto to " + Durations.text(total)));
    }
}
