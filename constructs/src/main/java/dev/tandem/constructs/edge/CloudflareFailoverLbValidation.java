package dev.tandem.constructs.edge;

import dev.tandem.constructs.core.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks {@link CloudflareFailoverLbProps} before any resource is made. */
final class CloudflareFailoverLbValidation {
    private static final Pattern CLOUDFLARE_ID = Pattern.compile("^[0-9a-f]{32}$");
    private static final Pattern HOSTNAME = Pattern.compile(
            "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");
    private static final int MIN_INTERVAL = 10;

    private CloudflareFailoverLbValidation() {
    }

    static void validate(String path, CloudflareFailoverLbProps props) {
        Problems p = new Problems(path);
        p.require(props.accountId() != null && CLOUDFLARE_ID.matcher(props.accountId()).matches(), "accountId",
                props.accountId(), "must be a Cloudflare account id (32 hex characters)",
                "copy it from the Cloudflare dashboard (Account Home → account id)");
        p.require(props.zoneId() != null && CLOUDFLARE_ID.matcher(props.zoneId()).matches(), "zoneId", props.zoneId(),
                "must be a Cloudflare zone id (32 hex characters)", "copy it from the zone's Overview page");
        checkHostname(p, props);
        checkMonitor(p, props);
        checkPools(p, props);
        if (props.proxied()) {
            p.require(props.ttl().isEmpty(), "ttl", props.ttl().orElse(0),
                    "cannot be set on a proxied load balancer: Cloudflare answers with its own addresses",
                    "remove ttl, or set proxied(false) to serve origin addresses with that TTL");
        } else {
            props.ttl().ifPresent(t -> p.require(t >= 30, "ttl", t, "must be at least 30 seconds",
                    "use 30 or more; a low TTL speeds failover of an unproxied record"));
        }
        props.sessionAffinityTtl().ifPresent(t -> p.require(
                props.sessionAffinity() != SessionAffinity.NONE && t >= 1800 && t <= 604800, "sessionAffinityTtl", t,
                "applies only with session affinity and must be 1800–604800 seconds",
                "set a session affinity, or remove the TTL"));
        p.throwIfAny();
    }

    private static void checkHostname(Problems p, CloudflareFailoverLbProps props) {
        String host = props.hostname();
        String zone = props.zoneName();
        boolean zoneOk = p.require(zone != null && HOSTNAME.matcher(zone).matches(), "zoneName", zone,
                "must be a DNS zone name", "use the zone's apex, e.g. example.com");
        if (p.require(host != null && HOSTNAME.matcher(host).matches(), "hostname", host,
                "must be a lower-case DNS host name", "use e.g. app.example.com") && zoneOk) {
            p.require(host.equals(zone) || host.endsWith("." + zone), "hostname", host,
                    "is outside the zone " + zone, "use " + zone + " or a name ending in ." + zone);
        }
    }

    private static void checkMonitor(Problems p, CloudflareFailoverLbProps props) {
        MonitorSettings m = props.monitor();
        p.require(props.health().path().startsWith("/"), "health.path", props.health().path(),
                "must start with /", "use the app's health path, e.g. /healthz");
        boolean intervalOk = p.require(m.intervalSeconds() >= MIN_INTERVAL, "monitor.intervalSeconds",
                m.intervalSeconds(), "must be at least " + MIN_INTERVAL + " (Cloudflare's minimum)", "use 10 or more");
        p.require(m.timeoutSeconds() >= 1 && (!intervalOk || m.timeoutSeconds() < m.intervalSeconds()),
                "monitor.timeoutSeconds", m.timeoutSeconds(),
                "must be at least 1 and below the interval (" + m.intervalSeconds() + " s)",
                "lower the timeout or raise the interval");
        p.require(m.retries() >= 0 && m.retries() <= 5, "monitor.retries", m.retries(), "must be 0–5", "use 1");
        p.require(m.consecutiveDown() >= 1 && m.consecutiveUp() >= 1, "monitor.consecutiveDown/Up",
                m.consecutiveDown() + "/" + m.consecutiveUp(), "must be at least 1", "use 2/2");
        p.require(m.port() >= 0 && m.port() <= 65535, "monitor.port", m.port(), "must be 0–65535",
                "use 0 for the scheme's default port");
    }

    private static void checkPools(Problems p, CloudflareFailoverLbProps props) {
        List<OriginPool> pools = props.pools();
        p.require(pools.size() >= 2, "pools", pools.size() + " pool(s)",
                "failover needs at least two pools (one per region)", "add the secondary region's pool");
        Set<String> names = new HashSet<>();
        Set<String> originNames = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (OriginPool pool : pools) {
            String prop = "pools[" + pool.name() + "]";
            p.require(names.add(pool.name()), prop + ".name", pool.name(), "appears more than once",
                    "give each pool its own name");
            p.require(!pool.origins().isEmpty(), prop + ".origins", "[]", "a pool needs at least one origin",
                    "add the region's HAProxy addresses");
            p.require(pool.minimumOrigins() >= 1 && pool.minimumOrigins() <= Math.max(1, pool.origins().size()),
                    prop + ".minimumOrigins", pool.minimumOrigins(),
                    "must be between 1 and the number of origins (" + pool.origins().size() + ")", "use 1");
            for (Origin o : pool.origins()) {
                p.require(originNames.add(o.name()), prop + ".origins[" + o.name() + "].name", o.name(),
                        "appears more than once", "name each origin once across all pools");
                p.require(addresses.add(o.address()), prop + ".origins[" + o.name() + "].address", o.address(),
                        "appears more than once", "list each origin address once across all pools");
                p.require(o.weight() >= 0 && o.weight() <= 1, prop + ".origins[" + o.name() + "].weight", o.weight(),
                        "must be between 0 and 1", "use 1 for an even share");
            }
        }
        props.fallbackPool().ifPresent(f -> p.require(names.contains(f), "fallbackPool", f,
                "is not one of the pools " + names, "name one of the pools, or omit it to use the last pool"));
        switch (props.steering()) {
            case GEO -> p.require(pools.stream().anyMatch(pool -> !pool.regions().isEmpty() || !pool.countries().isEmpty()),
                    "steering", "GEO", "needs at least one pool with regions or countries",
                    "give pools regions(...) or countries(...), or use steering OFF");
            case PROXIMITY -> p.require(pools.stream().allMatch(pool -> pool.location().isPresent()), "steering",
                    "PROXIMITY", "needs every pool's location", "give each pool location(new GeoLocation(lat, lon))");
            default -> { }
        }
    }
}
