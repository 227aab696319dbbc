package dev.tandem.constructs.edge;

import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Scopes;
import dev.tandem.constructs.core.TerraformStrings;
import dev.tandem.providers.aws.data_aws_route53_zone.DataAwsRoute53Zone;
import dev.tandem.providers.aws.route53_health_check.Route53HealthCheck;
import dev.tandem.providers.aws.route53_record.Route53Record;
import dev.tandem.providers.aws.route53_record.Route53RecordFailoverRoutingPolicy;
import dev.tandem.providers.aws.route53_zone.Route53Zone;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * Cross-region failover in DNS, with Amazon Route 53 instead of a Cloudflare load balancer: a health check per
 * HAProxy instance, a calculated health check per region, and a PRIMARY and a SECONDARY failover A record for the
 * host name (hashicorp/aws 5.100.0).
 *
 * <pre>{@code
 * Route53Failover.Builder.create(edge, "failover")
 *     .zone(HostedZone.lookup("example.com"))
 *     .hostname("app.example.com")
 *     .health(contract)
 *     .pools(List.of(primaryPool, secondaryPool))      // as for CloudflareFailoverLb
 *     .build();
 * }</pre>
 *
 * <p>It is built from the same region facts as {@link CloudflareFailoverLb}: {@link OriginPool}s of the tiers'
 * floating IPs and the {@code HealthContract}. The stack needs an {@code AwsProvider} (Route 53 is global; any
 * region does). A region stays healthy while {@link OriginPool#minimumOrigins()} of its instances are; the
 * readiness pass adds up what the checks, Route 53's aggregation and resolvers' caching cost in recovery time
 * ({@link #worstCaseDetection()}).
 *
 * <p>Attributes: {@link #props()}, {@link #hostname()}, {@link #zoneId()}. Escape hatches: {@link #originChecks()},
 * {@link #regionChecks()}, {@link #records()}, {@link #createdZone()}, {@link #lookedUpZone()}.
 *
 * <p>How the checks and records are written, why a calculated check per region, and the sources: the
 * {@link dev.tandem.constructs.edge package documentation}.
 */
public class Route53Failover extends Construct {
    private static final List<String> FAILOVER_TYPES = List.of("PRIMARY", "SECONDARY");

    private final Route53FailoverProps props;
    private final Optional<Route53Zone> createdZone;
    private final Optional<DataAwsRoute53Zone> lookedUpZone;
    private final String zoneId;
    private final Map<String, Route53HealthCheck> originChecks = new LinkedHashMap<>();
    private final Map<String, Route53HealthCheck> regionChecks = new LinkedHashMap<>();
    private final Map<String, Route53Record> records = new LinkedHashMap<>();

    /**
     * @param scope the edge stack
     * @param id    construct id
     * @param props the description; invalid props throw a {@link dev.tandem.constructs.core.ValidationException}
     *              listing every problem, before any resource is created
     */
    public Route53Failover(@NotNull Construct scope, @NotNull String id, Route53FailoverProps props) {
        super(Scopes.checked(scope, id, "Route53Failover"), id);
        Problems p = Problems.at(this);
        Route53FailoverValidation.validate(this, props, p);
        p.throwIfAny();
        this.props = props;
        String zoneName = props.zone().name();
        if (props.zone().create()) {
            Route53Zone zone = Route53Zone.Builder.create(this, "zone")
                    .name(zoneName)
                    .comment(TerraformStrings.literal("Tandem: failover for " + props.hostname()))
                    .build();
            this.createdZone = Optional.of(zone);
            this.lookedUpZone = Optional.empty();
            this.zoneId = zone.getZoneId();
        } else {
            DataAwsRoute53Zone zone = DataAwsRoute53Zone.Builder.create(this, "zone")
                    .name(zoneName)
                    .privateZone(false)
                    .build();
            this.createdZone = Optional.empty();
            this.lookedUpZone = Optional.of(zone);
            this.zoneId = zone.getZoneId();
        }
        for (int i = 0; i < props.pools().size(); i++) {
            OriginPool pool = props.pools().get(i);
            Route53HealthCheck region = regionCheck(pool);
            regionChecks.put(pool.name(), region);
            boolean checked = i == 0 || props.checkSecondary();
            records.put(pool.name(), record(pool, FAILOVER_TYPES.get(i), checked ? Optional.of(region) : Optional.empty()));
        }
    }

    private Route53HealthCheck regionCheck(OriginPool pool) {
        List<String> children = pool.origins().stream().map(origin -> {
            Route53HealthCheck.Builder check = Route53HealthCheck.Builder.create(this, "check-" + origin.name())
                    .type("HTTPS")
                    .ipAddress(origin.address())
                    .port(props.port())
                    .resourcePath(props.health().path())
                    .fqdn(props.hostname())
                    .enableSni(true)
                    .requestInterval(props.requestInterval().toSeconds())
                    .failureThreshold(props.failureThreshold())
                    .tags(Map.of("Name", TerraformStrings.literal(props.hostname() + " " + origin.name())));
            if (!props.checkerRegions().isEmpty()) {
                check.regions(props.checkerRegions().stream().map(Route53CheckerRegion::code).toList());
            }
            Route53HealthCheck built = check.build();
            originChecks.put(origin.name(), built);
            return built.getId();
        }).toList();
        return Route53HealthCheck.Builder.create(this, "region-" + pool.name())
                .type("CALCULATED")
                .childHealthchecks(children)
                .childHealthThreshold(pool.minimumOrigins())
                .tags(Map.of("Name", TerraformStrings.literal(props.hostname() + " " + pool.name())))
                .build();
    }

    private Route53Record record(OriginPool pool, String failover, Optional<Route53HealthCheck> check) {
        Route53Record.Builder record = Route53Record.Builder.create(this, "record-" + pool.name())
                .zoneId(zoneId)
                .name(props.hostname())
                .type("A")
                .ttl(props.ttl().toSeconds())
                .records(pool.origins().stream().map(Origin::address).toList())
                .setIdentifier(pool.name())
                .failoverRoutingPolicy(Route53RecordFailoverRoutingPolicy.builder().type(failover).build());
        check.ifPresent(c -> record.healthCheckId(c.getId()));
        return record.build();
    }

    /**
     * @return the worst case between a region's failure and the last checker's unhealthy view of it, before
     *         Route 53's aggregation: {@code failureThreshold × requestInterval}, plus the 4 s a checker waits for
     *         the TCP connection and the 2 s it then waits for the answer (Developer Guide, "How Amazon Route 53
     *         determines whether a health check is healthy")
     */
    public Duration worstCaseDetection() {
        return props.requestInterval().multipliedBy(props.failureThreshold()).plus(Duration.ofSeconds(6));
    }

    /** @return the props */
    public Route53FailoverProps props() {
        return props;
    }

    /** @return the failed-over name */
    public String hostname() {
        return props.hostname();
    }

    /** @return the hosted zone's id (a Terraform reference) */
    public String zoneId() {
        return zoneId;
    }

    /** @return each instance's HTTPS health check by origin name, in pool order (escape hatch) */
    public Map<String, Route53HealthCheck> originChecks() {
        return Collections.unmodifiableMap(originChecks);
    }

    /** @return each region's calculated health check by pool name, in failover order (escape hatch) */
    public Map<String, Route53HealthCheck> regionChecks() {
        return Collections.unmodifiableMap(regionChecks);
    }

    /** @return each region's failover record by pool name: PRIMARY first (escape hatch) */
    public Map<String, Route53Record> records() {
        return Collections.unmodifiableMap(records);
    }

    /** @return the hosted zone, when this construct creates it (escape hatch) */
    public Optional<Route53Zone> createdZone() {
        return createdZone;
    }

    /** @return the zone lookup, when the zone exists already (escape hatch) */
    public Optional<DataAwsRoute53Zone> lookedUpZone() {
        return lookedUpZone;
    }

    /** Fluent creation in the style of the AWS CDK: {@code Route53Failover.Builder.create(scope, id)…build()}. */
    public static final class Builder extends Route53FailoverProps.BuilderBase<Builder> {
        private final Construct scope;
        private final String id;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /**
         * @param scope the edge stack (with an AwsProvider)
         * @param id    construct id
         * @return a builder for the failover under {@code scope}
         */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @return the failover, validated (throws a ValidationException listing every problem) */
        public Route53Failover build() {
            return new Route53Failover(scope, id, props());
        }
    }
}
