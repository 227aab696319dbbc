package dev.tandem.constructs.readiness;

import dev.tandem.constructs.network.Ipv4;
import dev.tandem.constructs.network.Ipv4Range;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.constructs.network.SharedPrivateNetwork;
import dev.tandem.constructs.postgres.PostgresArchive;
import dev.tandem.constructs.postgres.PostgresDatabaseProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a PostgreSQL data layer: {@link Rule#POSTGRES_PRIMARY}, {@link Rule#POSTGRES_ARCHIVE},
 * {@link Rule#POSTGRES_BACKUPS}, {@link Rule#POSTGRES_INSTANCES}, {@link Rule#SINGLE_ZONE} for its instances,
 * {@link Rule#POSTGRES_NETWORK}, {@link Rule#POSTGRES_PROMOTION} and its {@link Rule#RECOVERY_POINT}.
 */
final class PostgresChecks {
    private PostgresChecks() {
    }

    static List<CheckResult> check(List<PostgresData> databases, FailoverChain chain, DrTargets targets) {
        List<CheckResult> results = new ArrayList<>();
        for (PostgresData data : databases) {
            PostgresDatabaseProps db = data.database();
            String path = data.path();
            chain.active().ifPresent(active -> {
                String edgeRegion = active.app().props().network().region();
                results.add(CheckResult.of(Rule.POSTGRES_PRIMARY, path, "primaryRegion",
                        db.primaryRegion().equals(edgeRegion), db.primaryRegion(),
                        "the region of the edge's first pool, " + edgeRegion + ": writes go where the traffic goes",
                        "set primaryRegion(\"" + edgeRegion + "\"), or reorder the edge's pools; change both together "
                                + "when failing over (README: \"Choosing DynamoDB or PostgreSQL\")"));
            });
            for (String region : db.regions()) {
                archive(results, data, region);
                instances(results, data, region, chain);
            }
            results.add(SinglePoints.result(Rule.POSTGRES_BACKUPS, path, "backupSchedule",
                    db.backupSchedule() != null && !db.backupSchedule().isBlank() && db.backupRetention() != null
                            && !db.backupRetention().isBlank(),
                    db.backupSchedule() + ", retention " + db.backupRetention(),
                    "a base-backup schedule and a retention: WAL alone replays from the last base backup only",
                    "set backupSchedule(\"0 0 3 * * *\") and backupRetention(\"14d\")"));
            boolean streams = db.replicationMode().streams();
            // Streaming needs both regions' clusters on one network spanning them: each region's network joined it.
            List<Optional<SharedPrivateNetwork>> joined = db.regions().stream()
                    .map(region -> network(chain, region).flatMap(RegionNetwork::sharedNetwork))
                    .toList();
            Optional<SharedPrivateNetwork> spanning = joined.get(0)
                    .filter(s -> db.regions().stream().allMatch(s::spans) && joined.stream().allMatch(j -> j.equals(joined.get(0))));
            results.add(CheckResult.of(Rule.POSTGRES_NETWORK, path, "replicationMode", !streams || spanning.isPresent(),
                    db.replicationMode() + (spanning.map(s -> " over " + s.getNode().getPath())
                            .orElse(joined.stream().allMatch(Optional::isEmpty) ? " over the regions' own networks"
                                    : " over different networks")),
                    streams ? "both regions' clusters on one SharedPrivateNetwork spanning " + String.join(" and ", db.regions())
                            + ": the standby streams from the primary's fixed private address"
                            : "nothing between the regions but the object store",
                    "build a SharedPrivateNetwork over both regions in an owner stack and join each region's "
                            + "RegionNetwork to it (.shared(network); DeploymentSpec: sharedNetwork(...)); moving a "
                            + "cluster onto it recreates the cluster. Or use ReplicationMode.ARCHIVE_ONLY"));
            spanning.ifPresent(net -> db.regions().forEach(region -> {
                String address = db.streamingAddress(region).orElse("none");
                Optional<Ipv4Range> fixed = net.fixedAddresses(region);
                boolean free = db.streamingAddress(region).flatMap(Ipv4::parse)
                        .filter(a -> fixed.map(f -> f.contains(a)).orElse(false)).isPresent();
                results.add(CheckResult.of(Rule.POSTGRES_NETWORK, data.regionPath(region),
                        "streamingAddresses[" + region + "]", !streams || free, address,
                        "one of " + region + "'s fixed addresses " + fixed.map(Object::toString).orElse("(none)")
                                + " on " + net.cidr() + ", outside every DHCP pool and gateway, so the rw service "
                                + "keeps it and the peer reaches it", "pick an address of "
                                + fixed.map(Object::toString).orElse(net.cidr().toString()) + " the app's load balancer does not use"));
            }));
            boolean rpoOk = targets.rpo().compareTo(data.rpoTypical()) >= 0;
            results.add(CheckResult.of(Rule.RECOVERY_POINT, path, "rpo", rpoOk,
                    data.rpoBasis(), "a loss within the RPO target " + Durations.text(targets.rpo()),
                    "lower archiveTimeout (ARCHIVE_ONLY loses up to it plus the upload), use STREAMING (typically "
                            + "under a second) or SYNCHRONOUS (zero, at a cross-region round trip per commit), or relax "
                            + "DrTargets rpo to " + Durations.text(data.rpoTypical())));
            boolean rtoOk = data.writesResume().compareTo(targets.rto()) <= 0;
            results.add(SinglePoints.result(Rule.POSTGRES_PROMOTION, path, "promotionDecisionTime", rtoOk,
                    Durations.text(db.promotionDecisionTime()) + " decision + " + Durations.text(PostgresData.PROMOTION_APPLY)
                            + " to apply = " + Durations.text(data.writesResume()) + " until writes resume",
                    "at most the RTO target " + Durations.text(targets.rto()) + ": traffic fails over by itself, "
                            + "but the standby accepts writes only once promoted by hand",
                    "shorten the declared promotionDecisionTime (an on-call rule that promotes without waiting), or "
                            + "raise DrTargets rto to " + Durations.text(data.writesResume())));
        }
        return results;
    }

    private static void archive(List<CheckResult> results, PostgresData data, String writer) {
        PostgresDatabaseProps db = data.database();
        String bucket = db.archiveBucketName(writer);
        Optional<PostgresArchive> holder = data.archives().values().stream()
                .filter(a -> a.hostedBucketName().equals(bucket)).findFirst();
        String path = Optional.ofNullable(data.archives().get(writer)).map(a -> a.getNode().getPath()).orElse(data.path());
        results.add(CheckResult.of(Rule.POSTGRES_ARCHIVE, path, "archive[" + writer + "]",
                holder.filter(h -> !h.props().region().equals(writer)).isPresent()
                        && holder.map(PostgresChecks::versioned).orElse(false),
                holder.map(h -> bucket + " held in " + h.props().region() + " (" + h.props().storageRegion()
                        + "), versioning " + (versioned(h) ? "enabled, deleted versions kept "
                        + h.props().noncurrentVersionDays() + " days" : "off")).orElse(bucket + " held by no stack"),
                "the archive " + writer + " writes, held in the other region with versioning on, so it survives "
                        + writer + "'s loss and a delete leaves the earlier versions",
                "build PostgresArchive.Builder.create(<peer stack>, id) from PostgresArchiveProps.forRegion(database, "
                        + "peer, project) and keep its bucket's versioning"));
    }

    /** Read from the bucket as synthesized, so an escape-hatch override is seen. */
    private static boolean versioned(PostgresArchive archive) {
        return "enabled".equals(archive.resource().getVersioning().getStatusInput());
    }

    /** @return the network of the chain's app in {@code region}: where the database's cluster runs beside it */
    private static Optional<RegionNetwork> network(FailoverChain chain, String region) {
        return chain.regions().stream().map(r -> r.app().props().network())
                .filter(net -> net.region().equals(region)).findFirst();
    }

    private static void instances(List<CheckResult> results, PostgresData data, String region, FailoverChain chain) {
        PostgresDatabaseProps db = data.database();
        String path = data.regionPath(region);
        int n = db.instancesPerRegion();
        results.add(SinglePoints.result(Rule.POSTGRES_INSTANCES, path, "instancesPerRegion", n >= 2, n,
                "at least 2 in " + region + ": one primary and a standby the operator fails over to within the region",
                "set instancesPerRegion(2) or more"));
        network(chain, region).ifPresent(net -> results.add(SinglePoints.result(Rule.SINGLE_ZONE, path, "zones[" + region + "]",
                net.multiZone() && n >= 2,
                net.multiZone() ? n + " instances over " + String.join(", ", net.zones())
                        : "none (" + region + " is a one-zone region)",
                "instances in at least 2 availability zones", "use a multi-zone region and 2 instances or more")));
    }
}
