package dev.tandem.constructs.edge;

import dev.tandem.constructs.core.TerraformReferences;

import dev.tandem.constructs.core.DnsNames;
import dev.tandem.constructs.core.Problems;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * Checks {@link CloudflareFailoverLbProps} before any resource is made: every value, the nested
 * settings and pools, and what they must agree on.
 *
 * <p>Sources: cloudflare/cloudflare 5.22.0 ({@code internal/services/load_balancer/schema.go}: {@code ttl}
 * "only applies to gray-clouded (unproxied) load balancers"; session affinity TTL 1800–604800 s for
 * cookies, 30–3600 s for a header); the plan's limits as {@link CloudflarePlan} cites them; authenticated
 * origin pulls as {@link OriginPullTrust} cites them.
 */
final class CloudflareFailoverLbValidation {
    private static final Pattern CLOUDFLARE_ID = Pattern.compile("^[0-9a-f]{32}$");
    private static final Duration MIN_TTL = Duration.ofSeconds(30);

    private CloudflareFailoverLbValidation() {
    }

    /**
     * Records every problem of {@code props}; throws nothing.
     *
     * @param scope the load balancer being built
     * @param props its description
     * @param p     where to record problems
     */
    static void validate(Construct scope, CloudflareFailoverLbProps props, Problems p) {
        if (!p.present(props, "props", "pass CloudflareFailoverLbProps.builder()…build(), or use CloudflareFailoverLb.Builder")) {
            return;
        }
        checkIds(p, props);
        checkNames(p, props);
        p.present(props.plan(), "plan", "name the zone's Cloudflare plan, e.g. .plan(CloudflarePlan.BUSINESS), or omit "
                + "it for PRO");
        p.present(props.health(), "health", "pass the deployment's HealthContract: .health(contract)");
        if (p.present(props.monitor(), "monitor", "omit monitor for MonitorSettings.defaults(), or pass settings")) {
            props.monitor().validate(p.nested("monitor"), props.plan());
        }
        checkPools(p, props);
        checkSteering(p, props);
        checkDns(p, props);
        checkOriginPulls(p, props);
        p.throwIfAny();
    }

    private static void checkIds(Problems p, CloudflareFailoverLbProps props) {
        boolean account = id(p, "accountId", props.accountId(), "a Cloudflare account id",
                "copy it from the dashboard: Account Home → the account's menu → Copy account ID");
        boolean zone = id(p, "zoneId", props.zoneId(), "a Cloudflare zone id",
                "copy it from the zone's Overview page (API → Zone ID)");
        // Both are 32 hex characters, so only the same value twice shows that one was put in the other's place.
        if (account && zone && !TerraformReferences.isReference(props.zoneId())) {
            p.require(!props.zoneId().equals(props.accountId()), "zoneId", props.zoneId(),
                    "is the same as accountId: an account and one of its zones have different ids",
                    "take the account id from Account Home and the zone id from the zone's Overview page");
        }
    }

    private static boolean id(Problems p, String property, String value, String what, String fix) {
        return p.present(value, property, fix) && (TerraformReferences.isReference(value)
                || p.require(CLOUDFLARE_ID.matcher(value).matches(), property, value,
                        "must be " + what + ": 32 lower-case hex characters", fix));
    }

    private static void checkNames(Problems p, CloudflareFailoverLbProps props) {
        String zone = props.zoneName();
        String host = props.hostname();
        boolean zoneOk = p.present(zone, "zoneName", "give the zone's name, e.g. .zoneName(\"example.com\")")
                && p.require(DnsNames.isQualifiedHostname(zone), "zoneName", TerraformReferences.shown(zone, "zoneName"),
                        "must be a lower-case DNS zone name with at least two labels, written out",
                        "use the zone's apex, e.g. example.com");
        boolean hostOk = p.present(host, "hostname", "give the balanced name, e.g. .hostname(\"app.example.com\")")
                && p.require(DnsNames.isQualifiedHostname(host), "hostname", TerraformReferences.shown(host, "hostname"),
                        "must be a lower-case DNS host name with at least two labels, written out (the monitor "
                                + "sends it as the Host header)", "use e.g. app.example.com");
        if (zoneOk && hostOk) {
            p.require(DnsNames.isInZone(host, zone), "hostname", host, "is outside the zone " + zone,
                    "use " + zone + " or a name ending in ." + zone + ", or give the zone that holds " + host);
        }
    }

    private static void checkPools(Problems p, CloudflareFailoverLbProps props) {
        List<OriginPool> pools = props.pools();
        if (!p.presentElements(pools, "pools", "list one OriginPool per region, primary first")) {
            return;
        }
        p.require(pools.size() >= 2, "pools", pools.size() + " pool(s)",
                "failover needs at least two pools (one per region)", "add the secondary region's pool");
        Set<String> names = new HashSet<>();
        Set<String> originNames = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < pools.size(); i++) {
            OriginPool pool = pools.get(i);
            String prop = "pools[" + poolKey(pool, i) + "]";
            pool.validate(p.nested(prop), props.plan());
            if (pool.name() != null) {
                p.require(names.add(pool.name()), prop + ".name", pool.name(), "appears more than once",
                        "give each pool its own name");
            }
            if (pool.origins() == null || pool.origins().contains(null)) {
                continue;
            }
            for (int j = 0; j < pool.origins().size(); j++) {
                Origin o = pool.origins().get(j);
                String at = prop + ".origins[" + pool.originKey(j) + "]";
                if (o.name() != null) {
                    p.require(originNames.add(o.name()), at + ".name", o.name(), "appears more than once",
                            "name each origin once across all pools");
                }
                if (o.address() != null) {
                    p.require(addresses.add(o.address()), at + ".address",
                            TerraformReferences.shown(o.address(), "address of origin " + o.name()),
                            "appears more than once", "list each origin address once across all pools");
                }
            }
        }
        props.fallbackPool().ifPresent(f -> p.require(names.contains(f), "fallbackPool",
                TerraformReferences.shown(f, "fallbackPool"),
                "is not one of the pools " + names, "name one of the pools, or omit it to use the last pool"));
    }

    /** @return the pool's name where it is a plain name, else its index: how messages point at it */
    private static String poolKey(OriginPool pool, int index) {
        String name = pool.name();
        return name == null || name.isBlank() || TerraformReferences.isReference(name) ? String.valueOf(index) : name;
    }

    private static void checkSteering(Problems p, CloudflareFailoverLbProps props) {
        if (!p.present(props.steering(), "steering", "omit steering for OFF (active-passive), or pass a SteeringPolicy")
                || props.pools() == null || props.pools().contains(null)) {
            return;
        }
        List<OriginPool> pools = props.pools();
        SteeringPolicy steering = props.steering();
        if (steering == SteeringPolicy.GEO) {
            p.require(pools.stream().anyMatch(pool -> !isEmpty(pool.regions()) || !isEmpty(pool.countries())),
                    "steering", "GEO", "needs at least one pool with regions or countries",
                    "give pools regions(...) or countries(...), or use steering OFF");
        } else {
            for (int i = 0; i < pools.size(); i++) {
                OriginPool pool = pools.get(i);
                String prop = "pools[" + poolKey(pool, i) + "]";
                p.require(isEmpty(pool.regions()), prop + ".regions", pool.regions(),
                        "apply only with steering GEO (steering is " + steering + ")",
                        "set steering(SteeringPolicy.GEO), or remove the pool's regions");
                p.require(isEmpty(pool.countries()), prop + ".countries", pool.countries(),
                        "apply only with steering GEO (steering is " + steering + ")",
                        "set steering(SteeringPolicy.GEO), or remove the pool's countries");
            }
        }
        if (steering == SteeringPolicy.PROXIMITY) {
            for (int i = 0; i < pools.size(); i++) {
                OriginPool pool = pools.get(i);
                p.require(pool.location().isPresent(), "pools[" + poolKey(pool, i) + "].location", "none",
                        "steering PROXIMITY needs every pool's location",
                        "give the pool .location(GeoLocation.latitude(…).longitude(…)), or use another steering");
            }
        }
    }

    private static boolean isEmpty(List<?> values) {
        return values == null || values.isEmpty();
    }

    private static void checkDns(Problems p, CloudflareFailoverLbProps props) {
        props.ttl().ifPresent(ttl -> {
            // A proxied answer is Cloudflare's own address: the TTL would never be used (v5 schema: ttl "only applies
            // to gray-clouded (unproxied) load balancers").
            if (p.require(!props.proxied(), "ttl", ttl,
                    "cannot be set on a proxied load balancer: Cloudflare answers with its own addresses",
                    "remove ttl, or set proxied(false) to serve origin addresses with that TTL")) {
                p.require(ttl.getNano() == 0, "ttl", ttl, "must be whole seconds: Cloudflare takes the TTL in seconds",
                        "use e.g. Duration.ofSeconds(30)");
                p.require(ttl.compareTo(MIN_TTL) >= 0, "ttl", ttl, "must be at least 30 s",
                        "use Duration.ofSeconds(30) or more; a low TTL speeds failover of an unproxied record");
            }
        });
        SessionAffinity affinity = props.sessionAffinity();
        if (!p.present(affinity, "sessionAffinity", "omit sessionAffinity for NONE, or pass a SessionAffinity")) {
            return;
        }
        props.sessionAffinityTtl().ifPresent(ttl -> {
            if (!p.require(affinity != SessionAffinity.NONE, "sessionAffinityTtl", ttl,
                    "applies only with a session affinity (sessionAffinity is NONE)",
                    "set sessionAffinity(COOKIE, IP_COOKIE or HEADER), or remove sessionAffinityTtl")) {
                return;
            }
            boolean header = affinity == SessionAffinity.HEADER;
            Duration min = Duration.ofSeconds(header ? 30 : 1800);
            Duration max = header ? Duration.ofHours(1) : Duration.ofDays(7);
            p.require(ttl.getNano() == 0, "sessionAffinityTtl", ttl,
                    "must be whole seconds: Cloudflare takes the TTL in seconds", "use e.g. Duration.ofHours(1)");
            p.require(ttl.compareTo(min) >= 0 && ttl.compareTo(max) <= 0, "sessionAffinityTtl", ttl,
                    "must be " + min.toSeconds() + "–" + max.toSeconds() + " s with session affinity " + affinity,
                    "use a TTL in that range, or omit it for Cloudflare's default");
        });
    }

    /**
     * Origins that require Cloudflare's client certificate serve only what arrives through the proxy with
     * it: visitors of an unproxied record reach them directly, and a probe that does not simulate the
     * zone, or speaks plain HTTP, presents none.
     */
    private static void checkOriginPulls(Problems p, CloudflareFailoverLbProps props) {
        if (props.originPulls().isEmpty()) {
            return;
        }
        OriginPullTrust trust = props.originPulls().get();
        String zone = trust.props().zoneId();
        if (props.zoneId() != null && !TerraformReferences.isReference(zone)
                && !TerraformReferences.isReference(props.zoneId())) {
            p.require(zone.equals(props.zoneId()), "originPulls", trust.getNode().getPath() + " (zone " + zone + ")",
                    "must upload its certificate to this load balancer's zone " + props.zoneId()
                            + ": zone-level pulls present only the zone's own upload",
                    "build the OriginPullTrust with zoneId(\"" + props.zoneId() + "\")");
        }
        p.require(props.proxied(), "proxied", false,
                "cannot be false with originPulls: visitors of a DNS-only record connect to the origins directly, "
                        + "with no client certificate",
                "keep proxied(true)");
        MonitorSettings m = props.monitor();
        if (m == null) {
            return;
        }
        p.require(m.https(), "monitor.https", false,
                "must be true with originPulls: the origins serve HTTPS only, and the client certificate is "
                        + "presented over TLS",
                "use MonitorSettings.builder().https(true), on the port the origins serve HTTPS on");
        p.require(m.simulateZone(), "monitor.simulateZone", false,
                "must be true with originPulls: a probe that does not simulate the zone certainly presents no "
                        + "client certificate of the zone",
                "leave simulateZone at its default (true)");
    }
}
