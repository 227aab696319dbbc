package dev.tandem.constructs.postgres;

import dev.tandem.constructs.core.Problems;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything a {@link PostgresArchive} is built from, as the user set it; {@link PostgresArchive} checks it.
 * {@link #forRegion} derives it from the database's description, so the buckets' names agree with the
 * manifests' object stores.
 *
 * @param cloudProject  OVH Public Cloud project id ({@code service_name}) of the region's stack
 * @param region        this stack's OVH Public Cloud region, e.g. {@code DE1}
 * @param storageRegion the Object Storage region serving {@code region}, e.g. {@code DE}: the hosted bucket's
 * @param hostedBucket  the bucket held here: the peer region's WAL archive, which this region only reads
 * @param writeBucket   the bucket this region's cluster writes its archive to, held by the peer region's stack
 * @param teardown      a reviewed teardown: the hosted bucket loses its {@code prevent_destroy} guard
 * @param database      the database the archive serves, when built with {@link #forRegion}: the DR readiness
 *                      pass reads its mode, regions and timings from it
 * @param noncurrentVersionDays how long a deleted or overwritten object of the hosted bucket stays recoverable
 *                      as a noncurrent version before the bucket's lifecycle rule expires it: the window to notice
 *                      a wrong delete, and what keeps the backups' own retention from growing the bucket forever
 */
public record PostgresArchiveProps(String cloudProject, String region, String storageRegion, String hostedBucket,
        String writeBucket, boolean teardown, Optional<PostgresDatabaseProps> database, Integer noncurrentVersionDays) {
    /** The default {@link #noncurrentVersionDays()}: two weeks to notice a wrong delete. */
    public static final int DEFAULT_NONCURRENT_VERSION_DAYS = 14;

    /** Keeps an unset database empty. */
    public PostgresArchiveProps {
        database = database == null ? Optional.empty() : database;
    }

    /**
     * The archive part of {@code region}'s stack for {@code database}: it holds the peer's archive bucket
     * ({@code database.archiveBucketName(peer)}, in this region's Object Storage) and the credentials that
     * write {@code database.archiveBucketName(region)}, which the peer's stack holds.
     *
     * @param database     the database, described once
     * @param region       this stack's OVH region, one of the database's two
     * @param cloudProject the stack's OVH Public Cloud project
     * @return the props
     */
    public static PostgresArchiveProps forRegion(PostgresDatabaseProps database, String region, String cloudProject) {
        Problems p = new Problems("PostgresArchiveProps.forRegion");
        if (p.present(database, "database", "pass the deployment's PostgresDatabaseProps")) {
            List<String> regions = database.regions();
            boolean pair = regions != null && regions.size() == 2 && !regions.contains(null);
            if (p.require(pair && regions.contains(region), "region", region, "must be one of the database's two "
                    + "regions " + regions, "pass the stack's OVH region, as the database names it") && pair) {
                String peer = regions.get(0).equals(region) ? regions.get(1) : regions.get(0);
                p.require(ObjectStorageRegions.of(peer).isPresent(), "database.regions", peer, "has no OVH Object "
                        + "Storage region known to Tandem (" + ObjectStorageRegions.known() + ")",
                        "use a region with Object Storage, or add it to ObjectStorageRegions");
            }
        }
        p.throwIfAny();
        String peer = database.peerRegion(region);
        return builder().cloudProject(cloudProject).region(region)
                .storageRegion(database.archiveRegion(peer).toUpperCase(Locale.ROOT))
                .hostedBucket(database.archiveBucketName(peer))
                .writeBucket(database.archiveBucketName(region))
                .teardown(database.teardown())
                .database(database)
                .build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PostgresArchiveProps}. */
    public static final class Builder extends BuilderBase<Builder> {
        Builder() {
        }

        /** @return the props; checked when the archive is built */
        public PostgresArchiveProps build() {
            return props();
        }
    }

    /**
     * The settings of a {@link PostgresArchive}, shared by {@link Builder} and {@link PostgresArchive.Builder}.
     *
     * @param <B> the concrete builder
     */
    public abstract static class BuilderBase<B extends BuilderBase<B>> {
        private String cloudProject;
        private String region;
        private String storageRegion;
        private String hostedBucket;
        private String writeBucket;
        private Integer noncurrentVersionDays = DEFAULT_NONCURRENT_VERSION_DAYS;
        private boolean teardown;
        private PostgresDatabaseProps database;

        /**
         * @param value the OVH Public Cloud project id (32 hexadecimal characters). Required.
         * @return this builder
         */
        public B cloudProject(String value) {
            this.cloudProject = value;
            return self();
        }

        /**
         * @param value this stack's OVH region, e.g. {@code DE1}; it names the user. Required.
         * @return this builder
         */
        public B region(String value) {
            this.region = value;
            return self();
        }

        /**
         * @param value the Object Storage region the hosted bucket is created in, as the API names it (upper
         *              case, e.g. {@code DE}, {@code EU-WEST-PAR}). Required.
         * @return this builder
         */
        public B storageRegion(String value) {
            this.storageRegion = value;
            return self();
        }

        /**
         * @param value the bucket held in this region: the peer's WAL archive (S3 bucket name rules). Required.
         * @return this builder
         */
        public B hostedBucket(String value) {
            this.hostedBucket = value;
            return self();
        }

        /**
         * @param value the bucket this region's cluster writes, held in the peer region. Required.
         * @return this builder
         */
        public B writeBucket(String value) {
            this.writeBucket = value;
            return self();
        }

        /**
         * Drops the hosted bucket's destroy guard, as the reviewed change that tears the database down.
         *
         * @param value true to tear down; @default false
         * @return this builder
         */
        public B teardown(boolean value) {
            this.teardown = value;
            return self();
        }

        /**
         * @param value the database this archive serves (set by {@link PostgresArchiveProps#forRegion}); @default none
         * @return this builder
         */
        public B database(PostgresDatabaseProps value) {
            this.database = value;
            return self();
        }

        /**
         * @param value days a deleted or overwritten object of the hosted bucket stays recoverable (a noncurrent
         *              version) before the lifecycle rule expires it, 1–3650; @default 14
         * @return this builder
         */
        public B noncurrentVersionDays(int value) {
            this.noncurrentVersionDays = value;
            return self();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** @return the props as set so far */
        protected PostgresArchiveProps props() {
            return new PostgresArchiveProps(cloudProject, region, storageRegion, hostedBucket, writeBucket, teardown,
                    Optional.ofNullable(database), noncurrentVersionDays);
        }
    }
}
