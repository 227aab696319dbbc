package dev.tandem.constructs.readiness;

import dev.tandem.constructs.edge.CloudflareFailoverLb;
import dev.tandem.constructs.edge.MonitorSettings;
import dev.tandem.constructs.edge.Route53Failover;
import dev.tandem.constructs.edge.Route53FailoverProps;
import dev.tandem.constructs.haproxy.HttpCheck;
import dev.tandem.constructs.k8s.K8sAppCluster;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.TableReplica;
import java.util.List;
import java.util.stream.Collectors;

/** The facts about each link of the chain that both report formats print, worded once. */
final class ChainFacts {
    private ChainFacts() {
    }

    static String monitor(CloudflareFailoverLb edge) {
        MonitorSettings m = edge.props().monitor();
        return "GET " + edge.props().health().path() + " on " + (m.https() ? "HTTPS " : "HTTP ") + m.port() + ", expects "
                + edge.props().health().expectedStatus() + ", every " + Durations.text(m.interval(edge.props().plan()));
    }

    static String routing(CloudflareFailoverLb edge) {
        return edge.props().proxied() ? "proxied"
                : "DNS only, TTL " + Durations.text(edge.props().ttl().orElse(RecoveryTime.CLOUDFLARE_DEFAULT_TTL));
    }

    static String route53Checks(Route53Failover edge) {
        Route53FailoverProps p = edge.props();
        return "GET " + p.health().path() + " on HTTPS " + p.port() + " per instance, 2xx/3xx passes, every "
                + Durations.text(p.requestInterval()) + ", unhealthy after " + p.failureThreshold()
                + "; per region CALCULATED ≥ minimumOrigins";
    }

    static String route53Routing(Route53Failover edge) {
        return "DNS failover, TTL " + Durations.text(edge.props().ttl()) + " (+ " + Durations.text(edge.props().resolverCaching())
                + " resolver caching allowed)";
    }

    static String zones(List<String> zones) {
        return zones.isEmpty() ? "one zone" : zones.size() + " zones";
    }

    static String haproxyCheck(RegionChain region) {
        return region.haproxy().config().backends().stream().map(b -> b.check())
                .map((HttpCheck c) -> "GET " + c.path() + " expects " + c.expectedStatus())
                .distinct().collect(Collectors.joining(", "));
    }

    static String nodes(K8sAppCluster app) {
        return app.nodePools().size() + " pool" + (app.nodePools().size() == 1 ? "" : "s") + " × max "
                + app.props().nodePool().maxNodes() + " " + app.props().nodePool().flavor();
    }

    static String regions(GlobalTable table) {
        return table.region() + " ⇄ "
                + table.replicas().stream().map(TableReplica::region).collect(Collectors.joining(", "));
    }
}
