package dev.tandem.constructs.readiness;

import dev.tandem.constructs.postgres.PostgresArchive;
import dev.tandem.constructs.postgres.PostgresCluster;
import dev.tandem.constructs.postgres.PostgresDatabaseProps;
import dev.tandem.constructs.postgres.ReplicationMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.IConstruct;

/**
 * A PostgreSQL database as the readiness pass finds it: its description, and per region the
 * {@link PostgresArchive} built from it ({@code PostgresArchiveProps.forRegion}).
 *
 * <p>RPO per mode ({@link #rpoTypical()}, {@link #rpoBound()}): archive-only loses what is not yet archived, at
 * most {@code archive_timeout} plus the upload of the last segment; streaming loses the replication lag
 * (asynchronous, typically under a second; measured on loopback with PostgreSQL 15: 0 or 1 acknowledged
 * row per kill of the primary), and up to the archive-only bound while streaming is down; synchronous loses no
 * acknowledged commit. Writes resume in the standby only once a person decides to promote it and the
 * declared change is applied ({@link #writesResume()}).
 *
 * @param database the description
 * @param archives the archive part of each region, by OVH region
 * @param clusters the cluster (manifests) of each region, by OVH region
 */
record PostgresData(PostgresDatabaseProps database, Map<String, PostgresArchive> archives,
        Map<String, PostgresCluster> clusters) {

    /**
     * The upload of the last WAL segment (16 MiB) to the peer region's Object Storage: about 4.5 s at 30 Mbit/s.
     * An assumption, not a measurement (unverified on OVH).
     */
    static final Duration UPLOAD_ALLOWANCE = Duration.ofSeconds(5);
    /** Asynchronous streaming's typical lag, as reported: sub-second, so at most this. */
    static final Duration STREAMING_LAG = Duration.ofSeconds(1);
    /**
     * Applying the declared promotion: synth, {@code kubectl apply} of the changed {@code Cluster}, the operator's
     * reconcile and {@code pg_ctl promote} (0.11 s on loopback). An assumption for a reachable cluster (unverified).
     */
    static final Duration PROMOTION_APPLY = Duration.ofSeconds(60);

    static List<PostgresData> discover(IConstruct root) {
        Map<String, PostgresData> found = new LinkedHashMap<>();
        List<PostgresArchive> archives = new ArrayList<>();
        List<PostgresCluster> clusters = new ArrayList<>();
        for (IConstruct c : root.getNode().findAll()) {
            if (c instanceof PostgresArchive a) {
                archives.add(a);
            } else if (c instanceof PostgresCluster pc) {
                clusters.add(pc);
            }
        }
        for (PostgresArchive a : archives) {
            a.props().database().ifPresent(db -> found.computeIfAbsent(db.name(), n -> new PostgresData(db,
                    new LinkedHashMap<>(), new LinkedHashMap<>())).archives().put(a.props().region(), a));
        }
        for (PostgresCluster pc : clusters) {
            found.computeIfAbsent(pc.database().name(), n -> new PostgresData(pc.database(), new LinkedHashMap<>(),
                    new LinkedHashMap<>())).clusters().put(pc.region(), pc);
        }
        return List.copyOf(found.values());
    }

    /** @return the path database-wide findings are reported at: the primary region's cluster (else its archive) */
    String path() {
        return regionPath(database.primaryRegion());
    }

    /** @return the path of {@code region}'s cluster, else its archive, else the database's name */
    String regionPath(String region) {
        return Optional.ofNullable(clusters.get(region)).map(c -> c.getNode().getPath())
                .or(() -> Optional.ofNullable(archives.get(region)).map(a -> a.getNode().getPath()))
                .orElse("database " + database.name());
    }

    ReplicationMode mode() {
        return database.replicationMode();
    }

    /** @return what a loss of the primary region typically costs */
    Duration rpoTypical() {
        return switch (mode()) {
            case ARCHIVE_ONLY -> archiveBound();
            case STREAMING -> STREAMING_LAG;
            case SYNCHRONOUS -> Duration.ZERO;
        };
    }

    /** @return the most it can cost: the archive-only bound, except synchronous (0) */
    Duration rpoBound() {
        return mode() == ReplicationMode.SYNCHRONOUS ? Duration.ZERO : archiveBound();
    }

    private Duration archiveBound() {
        return database.archiveTimeout().plus(UPLOAD_ALLOWANCE);
    }

    /** @return from the primary's failure to the first write in the standby: the decision, then the change */
    Duration writesResume() {
        return database.promotionDecisionTime().plus(PROMOTION_APPLY);
    }

    /** @return the basis of the RPO, in words */
    String rpoBasis() {
        String archive = "archive_timeout " + Durations.text(database.archiveTimeout()) + " + upload "
                + Durations.text(UPLOAD_ALLOWANCE);
        return switch (mode()) {
            case ARCHIVE_ONLY -> "ARCHIVE_ONLY: WAL not yet archived, at most " + archive;
            case STREAMING -> "STREAMING (asynchronous): typically under a second; up to " + archive
                    + " while streaming is down";
            case SYNCHRONOUS -> "SYNCHRONOUS: a commit returns once the standby region has it; writes stop while it "
                    + "is unreachable";
        };
    }
}
