package dev.tandem.constructs.postgres;

import dev.tandem.constructs.core.Values;
import dev.tandem.constructs.k8s.Resources;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A PostgreSQL database described once for the whole deployment: one CloudNativePG cluster per region,
 * the one in {@link #primaryRegion()} accepting writes, the other a replica cluster following it
 * (CloudNativePG's "distributed topology"). Each region's part is a {@link PostgresCluster}; the
 * Terraform side (archive buckets and their credentials) reads the same props, so both compute the
 * same names through {@link #archiveBucketName(String)}, {@link #archiveRegion(String)} and
 * {@link #archiveEndpoint(String)}. Immutable; checked by {@link PostgresDatabaseValidation} when a
 * construct is built from it.
 *
 * <pre>{@code
 * PostgresDatabaseProps sessions = PostgresDatabaseProps.builder()
 *     .name("sessions")
 *     .regions("EU-WEST-PAR", "DE1")
 *     .primaryRegion("EU-WEST-PAR")
 *     .replicationMode(ReplicationMode.ARCHIVE_ONLY)
 *     .promotionDecisionTime(Duration.ofMinutes(10))
 *     .build();
 * }</pre>
 *
 * <h2>Where the WAL archive lives</h2>
 * The bucket a region's cluster writes its WAL archive and base backups to is in the <em>peer</em>
 * region's Object Storage: when the writer's region is lost, its archive is intact where the survivor
 * reads it locally. Each region thus has two object stores: its own archive (written, in the peer
 * region) and the peer's archive (read, in its own region).
 *
 * @param name                   the database's name: {@code <name>-<region>} names each region's cluster
 * @param regions                the deployment's two OVH regions (Public Cloud codes, e.g. EU-WEST-PAR)
 * @param primaryRegion          the region whose cluster accepts writes; one of {@code regions}
 * @param postgresMajor          the PostgreSQL major version
 * @param imageName              the operand image; empty means CloudNativePG 1.30.0's default (PostgreSQL 18)
 * @param instancesPerRegion     PostgreSQL instances in each region's cluster (one primary, the rest standbys)
 * @param singleInstanceAccepted one instance per region is accepted on purpose
 * @param storageGibibytes       size of each instance's data volume
 * @param storageClass           the StorageClass of the data volumes; empty means the cluster's default
 * @param resources              CPU and memory of each instance
 * @param replicationMode        how the standby region follows the primary
 * @param archiveTimeout         PostgreSQL's {@code archive_timeout}: the longest a WAL segment stays unarchived
 * @param backupSchedule         when base backups run: a six-field cron expression (seconds first)
 * @param backupRetention        how long backups and WAL are kept, CloudNativePG's {@code <n>[dwm]}
 * @param promotionDecisionTime  how long a human takes to decide to promote the standby region (no default)
 * @param databaseName           the application database
 * @param owner                  the application role, owner of the database
 * @param appSecretName          the basic-auth Secret holding the owner's credentials, the same in both regions
 * @param objectStoreSecretName  the Secret holding the S3 credentials of the region's archive user
 * @param archiveBucketPrefix    a prefix making bucket names unique to the organisation
 * @param streamingAddresses     region → the fixed private address of its read-write service (streaming modes)
 * @param namespace              the Kubernetes namespace; empty means the app's
 * @param teardown               a reviewed teardown: the archive buckets lose their destroy guard
 */
public record PostgresDatabaseProps(
        String name,
        List<String> regions,
        String primaryRegion,
        int postgresMajor,
        Optional<String> imageName,
        int instancesPerRegion,
        boolean singleInstanceAccepted,
        int storageGibibytes,
        Optional<String> storageClass,
        Resources resources,
        ReplicationMode replicationMode,
        Duration archiveTimeout,
        String backupSchedule,
        String backupRetention,
        Duration promotionDecisionTime,
        String databaseName,
        String owner,
        Optional<String> appSecretName,
        Optional<String> objectStoreSecretName,
        Optional<String> archiveBucketPrefix,
        Map<String, String> streamingAddresses,
        Optional<String> namespace,
        boolean teardown) {

    /** The image CloudNativePG 1.30.0 runs when a cluster names none ({@code pkg/versions/versions.go} at v1.30.0). */
    public static final String DEFAULT_IMAGE = "ghcr.io/cloudnative-pg/postgresql:18.4-system-trixie";
    /** The PostgreSQL major of {@link #DEFAULT_IMAGE}. */
    public static final int DEFAULT_MAJOR = 18;
    /** The port every PostgreSQL service listens on. */
    public static final int PORT = 5432;

    /** Copies the collections, keeping whatever the user passed for validation to report. */
    public PostgresDatabaseProps {
        regions = Values.list(regions);
        streamingAddresses = Values.sortedMap(streamingAddresses);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the other region of the pair (validated props have exactly two distinct regions) */
    public String peerRegion(String region) {
        requireRegion(region);
        return regions.get(0).equals(region) ? regions.get(1) : regions.get(0);
    }

    /** @return whether {@code region}'s cluster is the one accepting writes */
    public boolean isPrimary(String region) {
        requireRegion(region);
        return region.equals(primaryRegion);
    }

    /** @return the CloudNativePG {@code Cluster} name in {@code region}: {@code <name>-<region, lower case>} */
    public String clusterName(String region) {
        requireRegion(region);
        return name + "-" + region.toLowerCase(Locale.ROOT);
    }

    /**
     * The bucket {@code writerRegion}'s cluster writes its WAL archive and base backups to. It lives in the
     * peer region ({@link #archiveRegion(String)}). Deterministic, lower case, S3-valid:
     * {@code [<prefix>-]<name>-wal-<writer region, lower case>}, at most 63 characters (validation refuses
     * longer).
     *
     * @param writerRegion the region whose cluster writes the archive
     * @return the bucket name
     */
    public String archiveBucketName(String writerRegion) {
        requireRegion(writerRegion);
        return archiveBucketPrefix.map(p -> p + "-").orElse("") + name + "-wal-" + writerRegion.toLowerCase(Locale.ROOT);
    }

    /**
     * @param writerRegion the region whose cluster writes the archive
     * @return the Object Storage region (lower case, e.g. {@code eu-west-par}) holding that archive: the peer's
     */
    public String archiveRegion(String writerRegion) {
        String peer = peerRegion(writerRegion);
        return ObjectStorageRegions.of(peer).orElseThrow(() -> new IllegalArgumentException(
                "no OVH Object Storage region is known for " + peer + " (known: " + ObjectStorageRegions.known() + ")"));
    }

    /**
     * @param writerRegion the region whose cluster writes the archive
     * @return the S3 endpoint of the archive's region, {@code https://s3.<region>.io.cloud.ovh.net}
     */
    public String archiveEndpoint(String writerRegion) {
        return ObjectStorageRegions.endpoint(archiveRegion(writerRegion));
    }

    /** @return the archive's destination path as the Barman Cloud plugin takes it: {@code s3://<bucket>/} */
    public String archiveDestinationPath(String writerRegion) {
        return "s3://" + archiveBucketName(writerRegion) + "/";
    }

    /** @return the image the clusters run: the one set, else {@link #DEFAULT_IMAGE} */
    public String effectiveImageName() {
        return imageName.orElse(DEFAULT_IMAGE);
    }

    /** @return the owner's basic-auth Secret, the same name and content in both regions: set, else {@code <name>-app} */
    public String effectiveAppSecretName() {
        return appSecretName.orElse(name + "-app");
    }

    /**
     * @return the Secret in each region holding that region's archive user's S3 keys ({@code ACCESS_KEY_ID},
     *         {@code ACCESS_SECRET_KEY}): set, else {@code <name>-object-store}
     */
    public String effectiveObjectStoreSecretName() {
        return objectStoreSecretName.orElse(name + "-object-store");
    }

    /** @return the fixed private address of {@code region}'s read-write service, for streaming modes */
    public Optional<String> streamingAddress(String region) {
        return Optional.ofNullable(streamingAddresses == null ? null : streamingAddresses.get(region));
    }

    private void requireRegion(String region) {
        if (regions == null || !regions.contains(region) || regions.size() != 2) {
            throw new IllegalArgumentException(region + " is not one of the database's two regions " + regions);
        }
    }

    /** @return a builder holding these props, to change some of them */
    public Builder toBuilder() {
        Builder b = new Builder().name(name).regions(regions).primaryRegion(primaryRegion).postgresMajor(postgresMajor)
                .instancesPerRegion(instancesPerRegion).singleInstanceAccepted(singleInstanceAccepted)
                .storageGibibytes(storageGibibytes).resources(resources).replicationMode(replicationMode)
                .archiveTimeout(archiveTimeout).backupSchedule(backupSchedule).backupRetention(backupRetention)
                .promotionDecisionTime(promotionDecisionTime).databaseName(databaseName).owner(owner)
                .streamingAddresses(streamingAddresses).teardown(teardown);
        imageName.ifPresent(b::imageName);
        storageClass.ifPresent(b::storageClass);
        appSecretName.ifPresent(b::appSecretName);
        objectStoreSecretName.ifPresent(b::objectStoreSecretName);
        archiveBucketPrefix.ifPresent(b::archiveBucketPrefix);
        namespace.ifPresent(b::namespace);
        return b;
    }

    /** Builds {@link PostgresDatabaseProps}; every value starts at its documented default. */
    public static final class Builder {
        private String name;
        private List<String> regions;
        private String primaryRegion;
        private int postgresMajor = DEFAULT_MAJOR;
        private String imageName;
        private int instancesPerRegion = 2;
        private boolean singleInstanceAccepted;
        private int storageGibibytes = 20;
        private String storageClass;
        private Resources resources = Resources.builder().cpuRequestMillis(1000).cpuLimitMillis(2000)
                .memoryRequestMebibytes(2048).memoryLimitMebibytes(2048).build();
        private ReplicationMode replicationMode = ReplicationMode.ARCHIVE_ONLY;
        private Duration archiveTimeout = Duration.ofMinutes(5);
        private String backupSchedule = "0 0 2 * * *";
        private String backupRetention = "30d";
        private Duration promotionDecisionTime;
        private String databaseName = "app";
        private String owner = "app";
        private String appSecretName;
        private String objectStoreSecretName;
        private String archiveBucketPrefix;
        private Map<String, String> streamingAddresses = Map.of();
        private String namespace;
        private boolean teardown;

        private Builder() {
        }

        /**
         * @param value the database's name, a DNS label; each region's cluster is {@code <name>-<region>} (required)
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * @param first  one OVH region of the deployment, e.g. EU-WEST-PAR
         * @param second the other
         * @return this builder (required)
         */
        public Builder regions(String first, String second) {
            this.regions = java.util.Arrays.asList(first, second);
            return this;
        }

        /**
         * @param value the deployment's two OVH regions (required)
         * @return this builder
         */
        public Builder regions(List<String> value) {
            this.regions = value;
            return this;
        }

        /**
         * @param value the region whose cluster accepts writes; promotion is changing this and applying (required)
         * @return this builder
         */
        public Builder primaryRegion(String value) {
            this.primaryRegion = value;
            return this;
        }

        /**
         * @param value the PostgreSQL major version, 14–18 (CloudNativePG 1.30's supported range); @default 18
         * @return this builder
         */
        public Builder postgresMajor(int value) {
            this.postgresMajor = value;
            return this;
        }

        /**
         * @param value the operand image, pinned by tag or digest, of {@link #postgresMajor}; @default
         *              {@link PostgresDatabaseProps#DEFAULT_IMAGE} (required for a major other than 18)
         * @return this builder
         */
        public Builder imageName(String value) {
            this.imageName = value;
            return this;
        }

        /**
         * @param value PostgreSQL instances per region, at least 2 (a local standby to fail over to) unless
         *              {@link #singleInstanceAccepted(boolean)}; @default 2
         * @return this builder
         */
        public Builder instancesPerRegion(int value) {
            this.instancesPerRegion = value;
            return this;
        }

        /**
         * @param value accept one instance per region on purpose: any node loss then needs a cross-region
         *              promotion; @default false
         * @return this builder
         */
        public Builder singleInstanceAccepted(boolean value) {
            this.singleInstanceAccepted = value;
            return this;
        }

        /**
         * @param value size of each instance's data volume in GiB; @default 20
         * @return this builder
         */
        public Builder storageGibibytes(int value) {
            this.storageGibibytes = value;
            return this;
        }

        /**
         * @param value the StorageClass of the data volumes; @default the cluster's default class
         * @return this builder
         */
        public Builder storageClass(String value) {
            this.storageClass = value;
            return this;
        }

        /**
         * @param value CPU and memory of each instance; @default 1–2 CPU, 2048 MiB requested and limit
         *              (memory request = limit, so PostgreSQL is never the first one evicted)
         * @return this builder
         */
        public Builder resources(Resources value) {
            this.resources = value;
            return this;
        }

        /**
         * @param value how the standby region follows the primary; @default ARCHIVE_ONLY (needs no network
         *              between the regions; see {@link ReplicationMode} for what each mode loses)
         * @return this builder
         */
        public Builder replicationMode(ReplicationMode value) {
            this.replicationMode = value;
            return this;
        }

        /**
         * @param value PostgreSQL's {@code archive_timeout}, whole seconds from 1 s to 1 h; the archive-only RPO;
         *              @default 5 minutes (CloudNativePG's own default)
         * @return this builder
         */
        public Builder archiveTimeout(Duration value) {
            this.archiveTimeout = value;
            return this;
        }

        /**
         * @param value when base backups run, a six-field cron expression with seconds first, as
         *              CloudNativePG's {@code ScheduledBackup} takes; @default {@code 0 0 2 * * *} (02:00 daily)
         * @return this builder
         */
        public Builder backupSchedule(String value) {
            this.backupSchedule = value;
            return this;
        }

        /**
         * @param value how long backups and WAL are kept: {@code <n>d}, {@code <n>w} or {@code <n>m}; @default 30d
         * @return this builder
         */
        public Builder backupRetention(String value) {
            this.backupRetention = value;
            return this;
        }

        /**
         * @param value how long it takes a human to decide to promote the standby region once the primary's
         *              is lost: part of the recovery time the DR report computes (required, no default)
         * @return this builder
         */
        public Builder promotionDecisionTime(Duration value) {
            this.promotionDecisionTime = value;
            return this;
        }

        /**
         * @param value the application database; @default app
         * @return this builder
         */
        public Builder databaseName(String value) {
            this.databaseName = value;
            return this;
        }

        /**
         * @param value the application role owning the database; @default app
         * @return this builder
         */
        public Builder owner(String value) {
            this.owner = value;
            return this;
        }

        /**
         * @param value the {@code kubernetes.io/basic-auth} Secret with the owner's {@code username} and
         *              {@code password}, created by hand with the same content in both regions; @default
         *              {@code <name>-app}
         * @return this builder
         */
        public Builder appSecretName(String value) {
            this.appSecretName = value;
            return this;
        }

        /**
         * @param value the Secret with the region's archive user's S3 keys ({@code ACCESS_KEY_ID},
         *              {@code ACCESS_SECRET_KEY}); @default {@code <name>-object-store}
         * @return this builder
         */
        public Builder objectStoreSecretName(String value) {
            this.objectStoreSecretName = value;
            return this;
        }

        /**
         * @param value a prefix (lower-case letters, digits, '-') for the archive buckets' names, which must be
         *              unique beyond this project; @default none
         * @return this builder
         */
        public Builder archiveBucketPrefix(String value) {
            this.archiveBucketPrefix = value;
            return this;
        }

        /**
         * @param value region → fixed private IPv4 address of that region's read-write load balancer, on the
         *              shared private network; required for STREAMING and SYNCHRONOUS, refused otherwise;
         *              @default none
         * @return this builder
         */
        public Builder streamingAddresses(Map<String, String> value) {
            this.streamingAddresses = value;
            return this;
        }

        /**
         * @param value the Kubernetes namespace of the clusters; @default the app's namespace (the app can only
         *              read Secrets in its own)
         * @return this builder
         */
        public Builder namespace(String value) {
            this.namespace = value;
            return this;
        }

        /**
         * Tears the database down on purpose, as a reviewed change: without it the archive buckets carry
         * {@code lifecycle.prevent_destroy}.
         *
         * @param value drop the archive buckets' destroy guard; @default false
         * @return this builder
         */
        public Builder teardown(boolean value) {
            this.teardown = value;
            return this;
        }

        /** @return the props; checked when a construct is built from them */
        public PostgresDatabaseProps build() {
            return new PostgresDatabaseProps(name, regions, primaryRegion, postgresMajor, Optional.ofNullable(imageName),
                    instancesPerRegion, singleInstanceAccepted, storageGibibytes, Optional.ofNullable(storageClass),
                    resources, replicationMode, archiveTimeout, backupSchedule, backupRetention, promotionDecisionTime,
                    databaseName, owner, Optional.ofNullable(appSecretName), Optional.ofNullable(objectStoreSecretName),
                    Optional.ofNullable(archiveBucketPrefix), streamingAddresses, Optional.ofNullable(namespace),
                    teardown);
        }
    }
}
