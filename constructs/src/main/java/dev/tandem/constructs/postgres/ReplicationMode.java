package dev.tandem.constructs.postgres;

/**
 * How the standby region's PostgreSQL cluster follows the primary region's, in CloudNativePG's
 * distributed topology (each region runs its own {@code Cluster}; the one in the standby region is a
 * replica cluster). Each mode states what a loss of the primary region costs (RPO) and what it needs.
 *
 * <p>In every mode the primary region's cluster archives its WAL to an object store in the peer region
 * ({@link PostgresDatabaseProps#archiveBucketName(String)}), so the archive survives the loss of the
 * writer's region and is always the standby's fallback source.
 */
public enum ReplicationMode {
    /**
     * The standby replays WAL from the object store only. Loses up to {@code archiveTimeout} plus the
     * upload of the last segment (PostgreSQL switches to a new WAL segment at least every
     * {@code archive_timeout}; a segment reaches the archive only once it is closed and uploaded).
     * Needs nothing between the regions but the object store: it works over each region's own network.
     */
    ARCHIVE_ONLY,
    /**
     * The standby streams WAL from the primary over the regions' shared private network, falling back to
     * the archive when streaming is down. Asynchronous: usually loses well under a second of commits,
     * and up to {@code archiveTimeout} while streaming is broken. Needs the two regions to reach each
     * other (a vRack private network spanning both) and a fixed private address for each region's
     * read-write service.
     */
    STREAMING,
    /**
     * As {@link #STREAMING}, and the standby region's designated primary is the primary's first synchronous
     * standby ({@code FIRST 1 (<peer>, local standbys…)}, data durability "required"): while it is connected a
     * commit returns only once the standby region has its WAL, so losing the primary region loses no
     * acknowledged commit. When the peer is unreachable a local standby takes its place and writes go on;
     * the cross-region loss is then that of {@link #STREAMING}. Costs a cross-region round trip on every
     * commit. Needs what {@link #STREAMING} needs.
     */
    SYNCHRONOUS;

    /** @return whether the mode streams WAL between the regions, so it needs the shared network and fixed addresses */
    public boolean streams() {
        return this != ARCHIVE_ONLY;
    }
}
