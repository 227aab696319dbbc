package dev.tandem.constructs.readiness;

/**
 * The rules of the DR readiness pass. Each has a stable id (shown in the report and the JSON), a
 * severity, whether a deployment may accept a finding as a known risk, and the rule in words.
 *
 * <p><b>How single points of failure are graded.</b> A single point is an <em>error</em> when a
 * routine event — one VM reboot, a rollout, a node drain, one mistaken {@code destroy}, one bad write —
 * takes a region's serving path or the data down, or when the other region cannot cover the loss
 * (a deleted table or corrupted items replicate to every region). It is a <em>warning</em> when only a
 * rare event, a whole zone's outage, does it and the other region covers it: that is what the second
 * region is for. Capacity gaps between the regions are warnings too: the failover still happens, it
 * may just serve fewer requests. Every such finding can be accepted with an {@link AcceptedRisk}.
 */
public enum Rule {
    /** The edge, HAProxy tiers and app clusters form one chain the pass can follow. */
    FAILOVER_CHAIN("failover-chain", Severity.ERROR, false,
            "One edge (a Cloudflare load balancer or Route 53 failover records); each pool's origins are one HAProxy tier's instances; each tier "
                    + "balances over one K8sAppCluster. Without that chain nothing end-to-end can be measured."),
    /** Every layer checks what the health contract defines, as that layer sees it. */
    HEALTH_CONTRACT("health-contract", Severity.ERROR, false,
            "Every layer checks the health contract's path, port and status as that layer reaches the app: "
                    + "Kubernetes probes GET the pod on the contract's port (the kubelet counts any 200-399 as "
                    + "healthy, so it has no status to compare); HAProxy checks each server on the server's "
                    + "port, which must be the contract's, expecting the contract's status; the Cloudflare "
                    + "monitor checks HAProxy's own answer (monitor-uri on the contract's path: 200 while a "
                    + "server is up, 503 when none is) over HTTPS on the port the tier's TLS frontend binds "
                    + "(443; the tier has no plain-HTTP port), so it must expect 200."),
    /** The worst-case failover time stays within the RTO target. */
    RECOVERY_TIME("rto", Severity.ERROR, false,
            "The worst-case time to detect the active region's failure and move traffic, added up over the "
                    + "layers (Kubernetes readiness, HAProxy checks, the Cloudflare monitor's HTTPS probe of the "
                    + "tier's health answer on 443, DNS TTL when not proxied; or, with Route 53, its checkers' "
                    + "threshold × interval plus their aggregation, then the record's TTL and resolver caching), is at most the RTO target. A "
                    + "configuration delivery reloads HAProxy without dropping a connection and rolls one instance "
                    + "at a time, and a replaced instance keeps its floating IP, so neither moves traffic; a reload "
                    + "restarts HAProxy's own detection (servers start up), which the HAProxy layer's time bounds."),
    /** The declared RPO is one the data layer can meet. */
    RECOVERY_POINT("rpo", Severity.ERROR, false,
            "Global tables replicate asynchronously (typically within a second, last writer wins), so the "
                    + "RPO target must be at least that lag; an RPO of zero needs multi-Region strong "
                    + "consistency. PostgreSQL loses per replication mode: ARCHIVE_ONLY up to archive_timeout plus "
                    + "the upload, STREAMING typically under a second (the archive bound while streaming is down), "
                    + "SYNCHRONOUS nothing acknowledged."),
    /** A HAProxy tier has at least two instances. */
    SINGLE_HAPROXY_INSTANCE("single-haproxy-instance", Severity.ERROR, true,
            "A HAProxy tier runs at least 2 instances: with one, a reboot, a reinstall (a new bootstrap) or an "
                    + "image change takes the region off the edge; with two or more, deliveries, reinstalls and "
                    + "replacements roll one instance at a time, so one always serves."),
    /** A region's HAProxy tier and app cluster span at least two zones. */
    SINGLE_ZONE("single-zone", Severity.WARNING, true,
            "A region's HAProxy tier and app cluster span at least 2 availability zones; in a one-zone "
                    + "region a zone outage is a region outage, which the other region covers."),
    /** The app runs at least two replicas. */
    APP_REPLICAS("app-replicas", Severity.ERROR, true,
            "The app runs at least 2 replicas (the autoscaler's minimum, if any): with one, every rollout, "
                    + "crash or node drain is an outage of the region."),
    /** A PodDisruptionBudget keeps at least one pod up. */
    DISRUPTION_BUDGET("disruption-budget", Severity.ERROR, true,
            "A PodDisruptionBudget keeps at least 1 pod available, so a node drain or cluster upgrade "
                    + "cannot evict every pod at once."),
    /** Every Cloudflare pool has at least two origins. */
    SINGLE_ORIGIN_POOL("single-origin-pool", Severity.ERROR, true,
            "Every Cloudflare pool has at least 2 origins: with one, one VM reboot fails the region over."),
    /** Global tables keep point-in-time recovery on. */
    TABLE_PITR("table-pitr", Severity.ERROR, true,
            "A global table has point-in-time recovery: a bad write replicates to every region within a "
                    + "second, so only PITR can restore the data from before it."),
    /** Global tables keep deletion protection on. */
    TABLE_DELETION_PROTECTION("table-deletion-protection", Severity.ERROR, true,
            "A global table has deletion protection: deleting the table removes it in every region."),
    /** Every global table has a replica in another region. */
    TABLE_REPLICAS("table-replicas", Severity.ERROR, true,
            "A global table has at least one TableReplica in another region: without one, the data lives in "
                    + "one AWS region and a regional outage takes it from every app."),
    /** Every replica keeps deletion protection on. */
    REPLICA_DELETION_PROTECTION("replica-deletion-protection", Severity.ERROR, true,
            "Every replica has deletion protection: deleting a replica by mistake removes that region's copy, "
                    + "and the app there loses its nearby data until it is rebuilt from the others."),
    /** Each region's app uses its data in an AWS region of its own, where its tables have a copy. */
    DATA_AFFINITY("data-affinity", Severity.ERROR, true,
            "Each region's app uses its tables in an AWS region that no other region's app uses, and every "
                    + "table it uses has a copy there (the home table or a replica): then one AWS region's outage "
                    + "takes one region's data only, and the edge can move traffic to a region whose data is up."),
    /** Every app identity has an active access key. */
    APP_CREDENTIALS("app-credentials", Severity.WARNING, true,
            "Every app identity (AppDataAccess) has at least one Active access key: with only inactive keys the "
                    + "app is cut off its data in that region. Accept it only while the keys are switched off on "
                    + "purpose, e.g. as a kill switch during an incident."),
    /** An app that uses tables answers its health checks for its data too. */
    DATA_IN_HEALTH("data-in-health", Severity.WARNING, true,
            "An app that uses tables has a health contract whose scope includes its data "
                    + "(HealthScope.APP_AND_DATA): otherwise an outage of its AWS region leaves the region in "
                    + "rotation while every request that needs the data fails."),
    /** The secondary's node pools can grow as far as the primary's. */
    SYMMETRY_NODES("symmetry-nodes", Severity.WARNING, true,
            "The standby's node pools can grow to at least the active region's maximum node count, with "
                    + "the same flavor, so it can carry the active region's load."),
    /** The secondary runs as many HAProxy instances as the primary. */
    SYMMETRY_HAPROXY("symmetry-haproxy", Severity.WARNING, true,
            "The standby runs at least as many HAProxy instances as the active region."),
    /** Every region of a provisioned table can serve the primary's peak reads. */
    SYMMETRY_TABLE_CAPACITY("symmetry-table-capacity", Severity.WARNING, true,
            "In provisioned mode every replica can serve the home region's peak capacity. Writes can: "
                    + "DynamoDB keeps write autoscaling in step across replicas. Reads autoscale per region, and "
                    + "GlobalTable declares read autoscaling in the home region only."),
    /** Every tier's certificate names the edge's host name. */
    ORIGIN_TLS("origin-tls", Severity.ERROR, false,
            "Every HAProxy tier in the chain serves a certificate naming the edge's host name (the same name, "
                    + "or a *. wildcard one level above it): otherwise Cloudflare's Full (strict) mode answers "
                    + "visitors 526 and the HTTPS monitor fails, in every region whose certificate was made the "
                    + "same way. And every tier requires a client certificate from the CA the edge's zone presents "
                    + "one from (the edge's originPulls is the tier's): otherwise every visitor request fails the "
                    + "handshake. Assumed, unverified: Cloudflare's monitor may probe without the zone's client "
                    + "certificate, so the tiers answer the health path without one (Cloudflare's ranges only)."),
    /** A Route 53 edge's records expire quickly enough for its failover to matter. */
    DNS_TTL("dns-ttl", Severity.ERROR, true,
            "A Route 53 failover record's TTL is at most 60 s (AWS recommends 60 s or less for records with health "
                    + "checks) and below the RTO target: resolvers keep sending clients to the failed region for the "
                    + "TTL, and some caches longer, whatever the health checks say."),
    /** A Route 53 edge has a PRIMARY and a SECONDARY record on different regions. */
    DNS_FAILOVER_RECORDS("dns-failover-records", Severity.ERROR, false,
            "A Route 53 edge has both failover records for the host name, PRIMARY on the active region's HAProxy "
                    + "tier and SECONDARY on the standby's, in two different regions: otherwise there is nothing to "
                    + "fail over to."),
    /** A Route 53 edge's secondary record is health-checked. */
    DNS_SECONDARY_HEALTH("dns-secondary-health", Severity.ERROR, true,
            "The SECONDARY record carries its region's health check: without one Route 53 considers the standby "
                    + "always healthy, fails over to it whether or not it serves, and nothing reports its health."),
    /** Every tier's origin certificate lives long enough not to lapse unnoticed. */
    CERTIFICATE_LIFETIME("certificate-lifetime", Severity.ERROR, true,
            "Every tier's origin certificate is valid for at least 365 days. cloudflare/cloudflare 5.x does not "
                    + "renew it, and the regions' certificates are made alike, so they lapse together: an outage "
                    + "of every region that no failover covers. Rotate ahead of expiry; accept the risk only where "
                    + "rotation is automated."),
    /** Every tier admits SSH from a network a workstation can be in. */
    OPERATOR_NETWORK("operator-network", Severity.ERROR, true,
            "Every HAProxy tier's operator network, the only source its security group admits SSH (the "
                    + "configuration delivery) from, is one a workstation can be in: not a documentation range "
                    + "(RFC 5737), loopback, link-local, \"this network\", benchmarking, multicast or reserved "
                    + "space. Otherwise every delivery waits for its SSH timeout and the first apply fails. Accept "
                    + "it only in an example or rehearsal that is never applied."),
    /** A stack whose state holds secrets keeps it in an encrypted, access-controlled remote backend. */
    STATE_SECRETS("state-secrets", Severity.WARNING, true,
            "A stack whose Terraform state holds secrets (private keys, the app's IAM secret access key, a "
                    + "cluster's kubeconfig) keeps that state in an encrypted, access-controlled, locked remote "
                    + "backend (StateBackend.awsS3: encrypted objects, a lock file), not in a plaintext local file "
                    + "on whichever workstation applied it. Terraform stores every resource attribute in state, "
                    + "sensitive ones included; `sensitive` only hides them from the console."),
    /** A table or replica is being torn down on purpose. */
    TEARDOWN("teardown", Severity.WARNING, false,
            "A table or replica synthesized with teardown(true) has no prevent_destroy guard and no deletion "
                    + "protection, and neither has the app identity granted on it: the next destroy deletes the "
                    + "data. Meant only for the reviewed change that tears the deployment down."),
    /** A PostgreSQL database's primary is where the edge sends traffic first. */
    POSTGRES_PRIMARY("postgres-primary", Severity.ERROR, false,
            "A PostgreSQL database's primary region is the region of the edge's first pool: otherwise every write "
                    + "crosses to the other region, or fails against a read-only replica cluster. A failover changes "
                    + "both, as one declared change."),
    /** Each region's WAL archive lives in the other region, versioned. */
    POSTGRES_ARCHIVE("postgres-archive", Severity.ERROR, false,
            "The bucket each region's PostgreSQL cluster archives WAL and base backups to is held in the other "
                    + "region, with versioning on: the archive survives its writer's region and a delete or "
                    + "overwrite leaves the earlier versions."),
    /** Base backups are scheduled and retained. */
    POSTGRES_BACKUPS("postgres-backups", Severity.ERROR, true,
            "A PostgreSQL database has a base-backup schedule and a retention: recovery replays WAL from the last "
                    + "base backup, so without one the archive alone cannot rebuild a region."),
    /** Each region runs at least two PostgreSQL instances. */
    POSTGRES_INSTANCES("postgres-instances", Severity.ERROR, true,
            "Each region's PostgreSQL cluster runs at least 2 instances (spread over the region's zones): with "
                    + "one, a node drain or a crash stops the region's writes or its replica."),
    /** Streaming needs the regions to reach each other. */
    POSTGRES_NETWORK("postgres-network", Severity.ERROR, false,
            "STREAMING and SYNCHRONOUS replication need a SharedPrivateNetwork spanning both regions (one vRack "
                    + "VLAN, per-region pools): the standby connects to the primary's fixed private address."),
    /** Manual promotion fits the RTO target, or the deployment says why not. */
    POSTGRES_PROMOTION("postgres-promotion", Severity.ERROR, true,
            "Traffic fails over by itself, but the standby PostgreSQL cluster accepts writes only once promoted, "
                    + "a declared change a person decides: the declared decision time plus applying the change is at "
                    + "most the RTO target, or the deployment accepts that writes resume later."),
    /** Accepted risks are well formed and still needed. */
    ACCEPTED_RISK("accepted-risk", Severity.ERROR, false,
            "Every accepted risk names a rule that may be accepted and a path where that rule fails or warns.");

    private final String id;
    private final Severity severity;
    private final boolean acceptable;
    private final String text;

    Rule(String id, Severity severity, boolean acceptable, String text) {
        this.id = id;
        this.severity = severity;
        this.acceptable = acceptable;
        this.text = text;
    }

    /** @return the stable id shown in the report, e.g. {@code single-zone} */
    public String id() {
        return id;
    }

    /** @return how a finding counts */
    public Severity severity() {
        return severity;
    }

    /** @return whether a deployment may accept a finding of this rule with a reason */
    public boolean acceptable() {
        return acceptable;
    }

    /** @return the rule in words, as the report prints it */
    public String text() {
        return text;
    }
}
