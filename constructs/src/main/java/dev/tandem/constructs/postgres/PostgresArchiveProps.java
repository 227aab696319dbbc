package dev.tandem.constructs.postgres;

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
 */
public record PostgresArchiveProps(String cloudProject, String region, String storageRegion, String hostedBucket,
        String writeBucket, boolean teardown, Optional<PostgresDatabaseProps> database) {

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

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** @return the props as set so far */
        protected PostgresArchiveProps props() {
            return new PostgresArchiveProps(cloudProject, region, storageRegion, hostedBucket, writeBucket, teardown,
                    Optional.ofNullable(database));
        }
    }
}
