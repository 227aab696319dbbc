package dev.tandem.constructs.readiness;

import dev.tandem.constructs.edge.Route53Failover;
import dev.tandem.constructs.edge.Route53FailoverProps;
import dev.tandem.constructs.haproxy.Monitor;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.providers.aws.route53_record.Route53Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Route 53 edge in the readiness pass: its share of the RTO, and the rules only DNS failover has
 * ({@link Rule#DNS_TTL}, {@link Rule#DNS_FAILOVER_RECORDS}, {@link Rule#DNS_SECONDARY_HEALTH}), plus its checks
 * against the health contract ({@link Rule#HEALTH_CONTRACT}).
 *
 * <p><b>The time.</b> {@code route53}: a checker sees {@code failureThreshold} failed requests, one every
 * {@code requestInterval}, the last after its 4 s connect and 2 s answer timeouts (Route 53 Developer Guide, "How
 * Amazon Route 53 determines whether a health check is healthy"); Route 53 then aggregates the checkers, which do
 * not coordinate (same page: "several requests per second … followed by a few seconds with no health checks"), and
 * the region's calculated check follows its children. AWS publishes no figure for that aggregation: one more
 * request interval is assumed (unverified). {@code dns}: resolvers keep the old answer for the record's TTL, and
 * some caches longer ({@code resolverCaching}, an allowance, not a measurement).
 */
final class DnsFailover {
    /**
     * What AWS recommends as the most for a record associated with a health check: Route 53 Developer Guide, the
     * record values' "TTL (seconds)": "we recommend that you specify a TTL of 60 seconds or less".
     */
    static final Duration RECOMMENDED_TTL = Duration.ofSeconds(60);

    private DnsFailover() {
    }

    static List<LayerTime> layers(Route53Failover edge) {
        Route53FailoverProps p = edge.props();
        String path = edge.getNode().getPath();
        Duration aggregation = p.requestInterval();
        return List.of(
                new LayerTime("route53", path, "failureThreshold " + p.failureThreshold() + " × requestInterval "
                        + Durations.text(p.requestInterval()) + " + connect 4 s + answer 2 s + aggregation ≈ 1 × "
                        + "requestInterval (assumed: AWS publishes no figure)",
                        edge.worstCaseDetection().plus(aggregation),
                        "requestInterval 10 s (fast) or a lower failureThreshold on the Route53Failover"),
                new LayerTime("dns", path, "record TTL " + Durations.text(p.ttl()) + " + resolver caching allowance "
                        + Durations.text(p.resolverCaching()), p.ttl().plus(p.resolverCaching()),
                        "a lower ttl on the Route53Failover (clients that cache longer are outside Tandem's reach)"));
    }

    static List<CheckResult> check(FailoverChain chain, HealthContract contract, DrTargets targets) {
        List<CheckResult> results = new ArrayList<>();
        chain.dnsEdge().filter(e -> !chain.regions().isEmpty()).ifPresent(edge -> {
            String path = edge.getNode().getPath();
            Route53FailoverProps p = edge.props();
            for (RegionChain region : chain.regions()) {
                List<String> uris = region.haproxy().config().frontends().stream().flatMap(f -> f.monitor().stream())
                        .map(Monitor::uri).toList();
                results.add(CheckResult.of(Rule.HEALTH_CONTRACT, path, "health.path (region " + region.pool().name() + ")",
                        uris.contains(p.health().path()) && p.health().path().equals(contract.path()), p.health().path(),
                        "the contract's path " + contract.path() + ", which " + region.haproxyPath()
                                + " answers itself (monitor-uri " + String.join(", ", uris) + ")",
                        "give the Route53Failover the deployment's HealthContract (.health(contract))"));
                results.add(CheckResult.of(Rule.HEALTH_CONTRACT, path, "port (region " + region.pool().name() + ")",
                        p.port() == region.haproxy().httpsPort(), "HTTPS " + p.port(),
                        "the port " + region.haproxyPath() + " serves HTTPS on, " + region.haproxy().httpsPort(),
                        "use port(tier.httpsPort())"));
            }
            results.add(SinglePoints.result(Rule.DNS_TTL, path, "ttl",
                    p.ttl().compareTo(RECOMMENDED_TTL) <= 0 && p.ttl().compareTo(targets.rto()) < 0,
                    Durations.text(p.ttl()), "at most " + Durations.text(RECOMMENDED_TTL) + " (AWS's recommendation "
                            + "with health checks) and below the RTO target " + Durations.text(targets.rto()),
                    "lower the Route53Failover ttl, e.g. Duration.ofSeconds(60)"));
            records(results, edge, chain);
            boolean secondaryChecked = edge.records().values().stream().skip(1).findFirst()
                    .map(Route53Record::getHealthCheckIdInput).isPresent();
            results.add(SinglePoints.result(Rule.DNS_SECONDARY_HEALTH, path, "checkSecondary", secondaryChecked,
                    secondaryChecked ? "the SECONDARY record has its region's health check" : "no health check",
                    "the SECONDARY record carries its region's calculated health check",
                    "remove checkSecondary(false)"));
        });
        return results;
    }

    /** Both records, PRIMARY then SECONDARY, on tiers in different regions. */
    private static void records(List<CheckResult> results, Route53Failover edge, FailoverChain chain) {
        String path = edge.getNode().getPath();
        List<String> types = edge.records().values().stream()
                .map(r -> r.getFailoverRoutingPolicyInput() == null ? "none" : r.getFailoverRoutingPolicyInput().getType())
                .toList();
        results.add(CheckResult.of(Rule.DNS_FAILOVER_RECORDS, path, "records", types.equals(List.of("PRIMARY", "SECONDARY")),
                String.join(", ", types), "a PRIMARY and a SECONDARY record for " + edge.hostname(),
                "build the Route53Failover with two pools, active first"));
        List<String> regions = chain.regions().stream().map(r -> r.haproxy().props().network().region()).toList();
        results.add(CheckResult.of(Rule.DNS_FAILOVER_RECORDS, path, "pools", regions.size() == 2
                        && !regions.get(0).equals(regions.get(1)), String.join(", ", regions),
                "the two records on HAProxy tiers in two different regions",
                "give the SECONDARY pool the other region's tier.nodes()"));
    }
}
