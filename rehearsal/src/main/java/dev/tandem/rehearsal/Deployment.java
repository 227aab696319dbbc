package dev.tandem.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.rehearsal.postgres.ClusterSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A synthesized deployment as the rehearsal stands it up, read from {@code cdktf.out/} by {@link DeploymentReader}:
 * the regions in the DR report's failover order, the edge, and the report's objectives.
 *
 * @param hostname   the edge's host name (the load balancer's name)
 * @param regions    in the DR report's order: the active region first
 * @param edge       the Cloudflare load balancer, monitor and pools
 * @param objectives the DR report's computed figures
 */
public record Deployment(String hostname, List<Region> regions, Edge edge, Objectives objectives) {

    /** @return the region whose HAProxy tier is behind the pool named {@code pool} */
    public Region regionOfPool(String pool) {
        return regions.stream().filter(r -> r.pool().equals(pool)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no region behind pool " + pool));
    }

    public Region active() {
        return regions.get(0);
    }

    public Region failover() {
        return regions.get(1);
    }

    /** @return whether the regions' data is PostgreSQL */
    public boolean postgres() {
        return regions.stream().anyMatch(r -> r.postgres().isPresent());
    }

    /**
     * One region: its app (Deployment + Service), its HAProxy instances, its data (DynamoDB tables or a PostgreSQL
     * cluster).
     *
     * @param stack     the region's stack, e.g. {@code primary}
     * @param role      the DR report's role: {@code active} or {@code failover}
     * @param pool      the edge pool in front of this region's tier
     */
    public record Region(String stack, String role, String pool, App app, List<Instance> instances,
            Optional<Data> data, Optional<Postgres> postgres) {
    }

    /**
     * The region's PostgreSQL as its rendered CloudNativePG {@code Cluster} and the app's libpq variables give it.
     *
     * @param cluster            the {@code Cluster}'s name, e.g. {@code sessions-eu-west-par}
     * @param settings           its replication mode and archive timeout
     * @param primary            true for the cluster bootstrapped by {@code initdb} (the primary region), false for
     *                           the replica cluster recovering from its peer
     * @param fixedAddress       the read-write Service's fixed load balancer address (streaming modes), if any
     * @param hosts              PGHOST, in order
     * @param port               PGPORT
     * @param database           PGDATABASE
     * @param targetSessionAttrs PGTARGETSESSIONATTRS, e.g. {@code read-write}
     * @param healthIncludesData whether the health answer covers the data: the manifests then give the liveness
     *                           probe a TCP connection only (HealthScope.APP_AND_DATA), never the health path
     */
    public record Postgres(String cluster, ClusterSettings settings, boolean primary, Optional<String> fixedAddress,
            List<String> hosts, int port, String database, String targetSessionAttrs, boolean healthIncludesData) {
    }

    /**
     * The app as its Kubernetes manifests describe it.
     *
     * @param path           the construct path, e.g. {@code primary/app}
     * @param port           the container port the Service targets
     * @param serviceAddress the Service's fixed load balancer address
     * @param servicePort    the Service's port
     * @param env            the container's literal environment (secrets left out)
     */
    public record App(String path, int replicas, int port, Probe readiness, String serviceAddress, int servicePort,
            Map<String, String> env) {
    }

    /** The readiness probe: an HTTP GET of {@code path} on {@code port}. */
    public record Probe(String path, int port, Duration period, Duration timeout, int failureThreshold,
            int successThreshold) {
    }

    /**
     * One HAProxy instance and what its delivery installs.
     *
     * @param name        the instance's name, e.g. {@code primary-haproxy-1}
     * @param config      the haproxy.cfg its delivery uploads
     * @param settle      the TANDEM_HAPROXY_SETTLE its delivery passes
     * @param localHealth the TANDEM_HAPROXY_HEALTH URL its delivery passes
     * @param apply       tandem-haproxy-apply as the bootstrap installs it
     * @param bootstrap   the bootstrap's haproxy.cfg
     */
    public record Instance(String name, String config, Duration settle, String localHealth, String apply,
            String bootstrap) {
    }

    /**
     * The app's data: the AWS region whose copy it uses and the tables it names.
     *
     * @param tables  the tables' JSON (aws_dynamodb_table of the home stack) by the environment variable naming them
     */
    public record Data(String awsRegion, boolean healthIncludesData, Map<String, JsonNode> tables) {
    }

    /**
     * The load balancer.
     *
     * @param defaultPools              pool names in failover order
     * @param presentsClientCertificate whether the zone presents a client certificate to origins (zone-level
     *                                  authenticated origin pulls enabled)
     */
    public record Edge(Monitor monitor, Map<String, Pool> pools, List<String> defaultPools, String fallbackPool,
            String steeringPolicy, boolean failoverAcrossPools, boolean presentsClientCertificate) {
    }

    /** The monitor, field for field. */
    public record Monitor(String type, String method, String path, int port, Optional<String> hostHeader,
            String expectedCodes, Duration interval, Duration timeout, int retries, int consecutiveUp,
            int consecutiveDown) {
    }

    /** A pool: its origins in order, each an HAProxy instance of one region. */
    public record Pool(String name, int minimumOrigins, String originSteering, List<Origin> origins) {
    }

    /**
     * @param instance the HAProxy instance behind the origin's address
     */
    public record Origin(String name, String instance, double weight, boolean enabled) {
    }

    /**
     * @param rtoSeconds   the report's total worst case
     * @param rpoSeconds   the report's total typical data at risk
     * @param layerSeconds the worst case per layer (kubernetes, haproxy, cloudflare, dns)
     * @param postgres     the report's PostgreSQL figures ({@code recoveryPoint.postgres[0]}), if any
     */
    public record Objectives(int rtoSeconds, int rpoSeconds, Map<String, Integer> layerSeconds,
            Optional<PostgresObjectives> postgres) {
    }

    /**
     * The DR report's figures for the PostgreSQL database.
     *
     * @param mode                     e.g. {@code ARCHIVE_ONLY}
     * @param rpoBoundSeconds          the most acknowledged writing a promoted standby may miss
     * @param promotionDecisionSeconds the declared time until someone decides to promote
     * @param writesResumeSeconds      decision plus apply: when writes are taken again
     */
    public record PostgresObjectives(String mode, int rpoBoundSeconds, int promotionDecisionSeconds,
            int writesResumeSeconds) {
    }
}
