package dev.tandem.constructs.edge;

import dev.tandem.constructs.core.DnsNames;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.TerraformReferences;
import dev.tandem.constructs.network.Ipv4;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.constructs.Construct;

/**
 * Checks {@link Route53FailoverProps} before any resource is made.
 *
 * <p>Sources: the Route 53 API reference ({@code HealthCheckConfig}: {@code RequestInterval} 10 or 30,
 * {@code FailureThreshold} 1–10, {@code HealthThreshold} 0–256; {@code ResourceRecordSet}: {@code Failover}
 * PRIMARY or SECONDARY, {@code SetIdentifier} 1–128 characters); the provider's acceptance test
 * {@code TestAccRoute53HealthCheck_withHealthCheckRegions} (hashicorp/terraform-provider-aws,
 * {@code internal/service/route53/health_check_test.go}), which names three checker regions because fewer are
 * refused ("test requires 3").
 */
final class Route53FailoverValidation {
    static final Set<Duration> REQUEST_INTERVALS = Set.of(Duration.ofSeconds(10), Duration.ofSeconds(30));
    private static final int MINIMUM_CHECKER_REGIONS = 3;

    private Route53FailoverValidation() {
    }

    /**
     * Records every problem of {@code props}; throws nothing.
     *
     * @param scope the failover being built
     * @param props its description
     * @param p     where to record problems
     */
    static void validate(Construct scope, Route53FailoverProps props, Problems p) {
        if (!p.present(props, "props", "pass Route53FailoverProps.builder()…build(), or use Route53Failover.Builder")) {
            return;
        }
        checkNames(p, props);
        p.present(props.health(), "health", "pass the deployment's HealthContract: .health(contract)");
        checkPools(p, props.pools());
        p.require(props.port() >= 1 && props.port() <= 65535, "port", props.port(), "must be 1–65535",
                "use the tiers' HTTPS port, 443 (tier.httpsPort())");
        p.require(props.requestInterval() != null && REQUEST_INTERVALS.contains(props.requestInterval()),
                "requestInterval", props.requestInterval(), "must be 10 s or 30 s: the intervals Route 53 offers",
                "use Duration.ofSeconds(10) or Duration.ofSeconds(30)");
        p.require(props.failureThreshold() >= 1 && props.failureThreshold() <= 10, "failureThreshold",
                props.failureThreshold(), "must be 1–10", "use e.g. 3");
        if (p.presentElements(props.checkerRegions(), "checkerRegions", "omit it for Route 53's default regions")) {
            Set<Route53CheckerRegion> distinct = new HashSet<>(props.checkerRegions());
            p.require(props.checkerRegions().isEmpty() || distinct.size() >= MINIMUM_CHECKER_REGIONS
                            && distinct.size() == props.checkerRegions().size(), "checkerRegions",
                    props.checkerRegions(), "must name at least 3 distinct regions, or none",
                    "add regions, e.g. EU_WEST_1, US_EAST_1, US_WEST_2, or omit checkerRegions");
        }
        // Route 53 takes a record TTL of 0 to 2147483647 s (ResourceRecordSet.TTL in the Route 53 API reference).
        p.require(props.ttl() != null && !props.ttl().isNegative() && props.ttl().getNano() == 0
                        && props.ttl().getSeconds() <= Integer.MAX_VALUE, "ttl", props.ttl(),
                "must be whole seconds, 0 to 2147483647", "use e.g. Duration.ofSeconds(60)");
        p.require(props.resolverCaching() != null && !props.resolverCaching().isNegative()
                        && props.resolverCaching().compareTo(Duration.ofDays(1)) <= 0, "resolverCaching",
                props.resolverCaching(), "must be 0 to 1 day: the allowance for resolvers that keep an answer past"
                        + " its TTL", "use e.g. Duration.ofSeconds(30)");
        p.throwIfAny();
    }

    private static void checkNames(Problems p, Route53FailoverProps props) {
        boolean zoneOk = p.present(props.zone(), "zone", "use HostedZone.lookup(\"example.com\") or HostedZone.create(…)")
                && p.require(DnsNames.isQualifiedHostname(props.zone().name()), "zone.name", props.zone().name(),
                        "must be a lower-case DNS zone name with at least two labels", "use the zone's apex, e.g. example.com");
        boolean hostOk = p.present(props.hostname(), "hostname", "give the failed-over name, e.g. app.example.com")
                && p.require(DnsNames.isQualifiedHostname(props.hostname()), "hostname", props.hostname(),
                        "must be a lower-case DNS host name with at least two labels, written out (the checkers send "
                                + "it as SNI and Host)", "use e.g. app.example.com");
        if (zoneOk && hostOk) {
            p.require(DnsNames.isInZone(props.hostname(), props.zone().name()), "hostname", props.hostname(),
                    "is outside the zone " + props.zone().name(), "use a name ending in ." + props.zone().name());
        }
    }

    private static void checkPools(Problems p, List<OriginPool> pools) {
        String fix = "pass the two regions' pools, active first: OriginPool.builder().name(…).origins(…)";
        if (!p.presentElements(pools, "pools", fix)) {
            return;
        }
        p.require(pools.size() == 2, "pools", pools.size() + " pools", "must be exactly 2: failover records are one "
                + "PRIMARY and one SECONDARY", "pass the active region's pool, then the standby's; a third region "
                        + "needs the Cloudflare edge");
        Set<String> names = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (OriginPool pool : pools) {
            String property = "pools[" + pool.name() + "]";
            p.require(pool.name() != null && names.add(pool.name()), property + ".name", pool.name(),
                    "must be present and unique: it is the record's set_identifier", "give each pool its own name");
            if (!p.presentElements(pool.origins(), property + ".origins", "list the tier's instances")) {
                continue;
            }
            p.require(!pool.origins().isEmpty(), property + ".origins", "none", "must list at least one origin",
                    "list the tier's instances: Origin.builder().name(node.name()).address(node.publicIpv4())");
            for (Origin origin : pool.origins()) {
                String address = origin.address();
                boolean ok = address != null && (TerraformReferences.isReference(address) || Ipv4.parse(address).isPresent());
                p.require(ok, property + ".origins[" + origin.name() + "].address",
                        address == null ? null : TerraformReferences.shown(address, "address"),
                        "must be an IPv4 address (an A record's value, and the health check's ip_address)",
                        "use the instance's floating IP, node.publicIpv4()");
                if (ok && !TerraformReferences.isReference(address)) {
                    p.require(addresses.add(address), property + ".origins[" + origin.name() + "].address", address,
                            "is also another origin's", "give each origin its own instance's address");
                }
                p.require(origin.enabled(), property + ".origins[" + origin.name() + "].enabled", false,
                        "must be true: a Route 53 record has no disabled values", "remove the origin instead");
            }
            p.require(pool.minimumOrigins() >= 1 && pool.minimumOrigins() <= pool.origins().size(),
                    property + ".minimumOrigins", pool.minimumOrigins(),
                    "must be 1 to the pool's " + pool.origins().size() + " origins (the region's calculated health "
                            + "check's child_health_threshold)", "use 1: the region serves while one instance does");
            p.require(pool.notificationEmail().isEmpty() && pool.regions().isEmpty() && pool.countries().isEmpty()
                            && pool.location().isEmpty(), property, "Cloudflare settings",
                    "must not set notificationEmail, regions, countries or location: they are Cloudflare's",
                    "remove them (alert on Route 53's health checks with CloudWatch instead)");
        }
    }
}
