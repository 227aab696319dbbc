package dev.tandem.constructs.postgres;

import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.network.Ipv4;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a {@link PostgresDatabaseProps} against what PostgreSQL, CloudNativePG 1.30 and OVH Object Storage
 * accept, so that a bad value fails at synth instead of at {@code kubectl apply} or in the operator's log.
 * Null-safe: a missing value is a problem in the list, never an exception. Used by every construct built
 * from the props (the region's {@link PostgresCluster}, the Terraform side's archive buckets).
 */
public final class PostgresDatabaseValidation {
    /** Kubernetes DNS-1035 label, which CloudNativePG requires of a cluster name (webhook {@code validateName}). */
    private static final Pattern DNS_1035 = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    private static final Pattern DNS_1123_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    private static final Pattern DNS_1123_SUBDOMAIN = Pattern.compile(
            "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    /** CloudNativePG's cluster-name limit (webhook {@code validateName}: "the maximum length of a cluster name is 50"). */
    static final int MAX_CLUSTER_NAME = 50;
    /** An unquoted PostgreSQL identifier CloudNativePG can create (lower case, at most 63 bytes). */
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
    /** {@code retentionPolicy}'s pattern in the ObjectStore and Cluster CRDs ({@code ^[1-9][0-9]*[dwm]$}). */
    private static final Pattern RETENTION = Pattern.compile("^[1-9][0-9]*[dwm]$");
    /** S3 bucket names: 3–63 of lower-case letters, digits, '.', '-', starting and ending alphanumeric. */
    private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    private static final Pattern BUCKET_PREFIX = Pattern.compile("^[a-z0-9][a-z0-9-]*$");
    /** The major in an image tag such as {@code 17.6-system-trixie} or {@code 18}. */
    private static final Pattern TAG_MAJOR = Pattern.compile("^(\\d+)(?:[.-].*)?$");
    private static final int MIN_MAJOR = 14;
    private static final int MAX_MAJOR = 18;

    private PostgresDatabaseValidation() {
    }

    /**
     * @param path  the construct path problems are reported under
     * @param props the database's description
     * @throws dev.tandem.constructs.core.ValidationException listing every problem
     */
    public static void validate(String path, PostgresDatabaseProps props) {
        Problems p = new Problems(path);
        validateInto(p, props);
        p.throwIfAny();
    }

    /**
     * Records every problem of {@code props} in {@code p}, for constructs that collect problems of their own.
     *
     * @param p     where to record problems
     * @param props the database's description
     */
    public static void validateInto(Problems p, PostgresDatabaseProps props) {
        if (!p.present(props, "database", "build it with PostgresDatabaseProps.builder()")) {
            return;
        }
        boolean named = p.present(props.name(), "name", "name the database, e.g. sessions")
                && p.require(DNS_1035.matcher(props.name()).matches(), "name", props.name(),
                        "must be a DNS label: lower-case letters, digits and '-', starting with a letter",
                        "rename it, e.g. sessions");
        boolean regionsOk = checkRegions(p, props);
        if (named && regionsOk) {
            for (String region : props.regions()) {
                String cluster = props.clusterName(region);
                p.require(cluster.length() <= MAX_CLUSTER_NAME, "name", props.name(),
                        "makes the cluster name " + cluster + " " + cluster.length()
                                + " characters long; CloudNativePG allows " + MAX_CLUSTER_NAME,
                        "shorten the name");
            }
            checkBuckets(p, props);
        }
        checkImage(p, props);
        p.require(props.instancesPerRegion() >= 1, "instancesPerRegion", props.instancesPerRegion(), "must be at least 1",
                "use 2 or more");
        p.require(props.instancesPerRegion() != 1 || props.singleInstanceAccepted(), "instancesPerRegion", 1,
                "leaves no local standby: losing one node or zone needs a cross-region promotion",
                "use 2 or more, or accept the risk with singleInstanceAccepted(true)");
        p.require(props.storageGibibytes() >= 1, "storageGibibytes", props.storageGibibytes(), "must be at least 1",
                "size the data volume, e.g. 20");
        props.storageClass().ifPresent(c -> p.require(DNS_1123_SUBDOMAIN.matcher(c).matches() && c.length() <= 253,
                "storageClass", c, "must be a Kubernetes object name", "copy the name from kubectl get storageclass"));
        if (p.present(props.resources(), "resources", "remove resources(...) for the defaults")) {
            props.resources().validate(p.nested("resources"));
        }
        p.present(props.replicationMode(), "replicationMode", "use ReplicationMode.ARCHIVE_ONLY (the default)");
        checkArchiveTimeout(p, props.archiveTimeout());
        checkSchedule(p, props.backupSchedule());
        if (p.present(props.backupRetention(), "backupRetention", "use e.g. 30d")) {
            p.require(RETENTION.matcher(props.backupRetention()).matches(), "backupRetention", props.backupRetention(),
                    "must be a positive number followed by d, w or m (CloudNativePG's retention policy)",
                    "use e.g. 30d, 4w or 3m");
        }
        if (p.present(props.promotionDecisionTime(), "promotionDecisionTime",
                "say how long deciding to promote the standby region takes, e.g. Duration.ofMinutes(15)")) {
            p.require(!props.promotionDecisionTime().isNegative(), "promotionDecisionTime",
                    props.promotionDecisionTime(), "must not be negative", "use zero or more");
        }
        identifier(p, "databaseName", props.databaseName());
        if (identifier(p, "owner", props.owner())) {
            p.require(!props.owner().equals("postgres") && !props.owner().startsWith("pg_"), "owner", props.owner(),
                    "is reserved by PostgreSQL or CloudNativePG (superuser and pg_ roles)", "use an application role, e.g. app");
        }
        secretName(p, "appSecretName", props.appSecretName());
        secretName(p, "objectStoreSecretName", props.objectStoreSecretName());
        if (props.namespace() == null) {
            p.add("namespace", null, "must not be null", "leave it unset for the app's namespace");
        } else {
            props.namespace().ifPresent(n -> p.require(DNS_1123_LABEL.matcher(n).matches() && n.length() <= 63,
                    "namespace", n, "must be a DNS label", "use e.g. sessions"));
        }
        if (regionsOk && props.replicationMode() != null) {
            checkStreamingAddresses(p, props);
        }
    }

    private static boolean checkRegions(Problems p, PostgresDatabaseProps props) {
        if (!p.presentElements(props.regions(), "regions", "name the deployment's two regions, e.g. regions(\"EU-WEST-PAR\", \"DE1\")")) {
            return false;
        }
        List<String> regions = props.regions();
        boolean ok = p.require(regions.size() == 2 && !regions.get(0).equals(regions.get(1)), "regions", regions,
                "must be two distinct regions", "name the deployment's two regions, e.g. regions(\"EU-WEST-PAR\", \"DE1\")");
        for (String region : regions) {
            ok &= p.require(ObjectStorageRegions.of(region).isPresent(), "regions", region,
                    "has no OVH Object Storage region Tandem knows (known: " + ObjectStorageRegions.known() + ")",
                    "use a Public Cloud region code as OVH writes it, e.g. EU-WEST-PAR");
        }
        if (p.present(props.primaryRegion(), "primaryRegion", "name the region that accepts writes")) {
            ok &= p.require(regions.contains(props.primaryRegion()), "primaryRegion", props.primaryRegion(),
                    "must be one of the regions " + regions, "use one of " + regions);
        } else {
            ok = false;
        }
        return ok;
    }

    private static void checkBuckets(Problems p, PostgresDatabaseProps props) {
        if (props.archiveBucketPrefix() == null) {
            p.add("archiveBucketPrefix", null, "must not be null", "leave it unset for no prefix");
            return;
        }
        if (props.archiveBucketPrefix().isPresent() && !p.require(
                BUCKET_PREFIX.matcher(props.archiveBucketPrefix().get()).matches(), "archiveBucketPrefix",
                props.archiveBucketPrefix().get(), "must be lower-case letters, digits and '-', starting with a letter or digit",
                "use e.g. acme")) {
            return;
        }
        for (String region : props.regions()) {
            String bucket = props.archiveBucketName(region);
            p.require(BUCKET.matcher(bucket).matches(), "archiveBucketPrefix", props.archiveBucketPrefix().orElse(""),
                    "makes the archive bucket " + bucket + " " + bucket.length()
                            + " characters long; S3 bucket names are 3–63 characters", "shorten the prefix or the name");
        }
    }

    private static void checkImage(Problems p, PostgresDatabaseProps props) {
        if (!p.require(props.postgresMajor() >= MIN_MAJOR && props.postgresMajor() <= MAX_MAJOR, "postgresMajor",
                props.postgresMajor(), "must be " + MIN_MAJOR + "–" + MAX_MAJOR + ", the majors CloudNativePG 1.30 supports",
                "use 18 (the default) or another supported major")) {
            return;
        }
        if (props.imageName() == null) {
            p.add("imageName", null, "must not be null", "leave it unset for the default image");
            return;
        }
        Optional<String> image = props.imageName();
        if (image.isEmpty()) {
            p.require(props.postgresMajor() == PostgresDatabaseProps.DEFAULT_MAJOR, "imageName", "(default)",
                    "is CloudNativePG's default image, PostgreSQL " + PostgresDatabaseProps.DEFAULT_MAJOR
                            + ", but postgresMajor is " + props.postgresMajor(),
                    "give imageName(\"ghcr.io/cloudnative-pg/postgresql:" + props.postgresMajor() + ".<minor>-system-trixie\")");
            return;
        }
        String name = image.get();
        if (!p.require(!name.isBlank() && !name.contains(" ") && (name.contains(":") || name.contains("@")), "imageName",
                name, "must be an image reference pinned by tag or digest", "use e.g. ghcr.io/cloudnative-pg/postgresql:17.6")) {
            return;
        }
        tagMajor(name).ifPresent(major -> p.require(major == props.postgresMajor(), "imageName", name,
                "is PostgreSQL " + major + " but postgresMajor is " + props.postgresMajor(),
                "make the image and postgresMajor agree"));
    }

    /** @return the major version a tag such as {@code :17.6-system-trixie} names, if the tag starts with one */
    static Optional<Integer> tagMajor(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        if (colon <= slash) {
            return Optional.empty();
        }
        Matcher m = TAG_MAJOR.matcher(withoutDigest.substring(colon + 1));
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private static void checkArchiveTimeout(Problems p, Duration timeout) {
        if (!p.present(timeout, "archiveTimeout", "remove archiveTimeout(...) for the default, 5 minutes")) {
            return;
        }
        // PostgreSQL's archive_timeout is in seconds; 0 disables it, which would leave the archive-only RPO unbounded.
        p.require(timeout.getNano() == 0 && timeout.getSeconds() >= 1 && timeout.getSeconds() <= 3600, "archiveTimeout",
                timeout, "must be whole seconds from 1 s to 1 h (PostgreSQL's archive_timeout is in seconds; 0 disables it)",
                "use e.g. Duration.ofMinutes(1); below a minute each forced switch still ships a whole 16 MiB segment");
    }

    private static void checkSchedule(Problems p, String schedule) {
        if (!p.present(schedule, "backupSchedule", "use e.g. \"0 0 2 * * *\" (02:00 daily)")) {
            return;
        }
        String[] fields = schedule.trim().split("\\s+");
        boolean shape = fields.length == 6 && java.util.Arrays.stream(fields).allMatch(f -> f.matches("[0-9*/,?A-Za-z-]+"));
        p.require(shape, "backupSchedule", schedule,
                "must be a six-field cron expression, seconds first (CloudNativePG's ScheduledBackup; five fields "
                        + "would be read as seconds, minutes, …)",
                "use e.g. \"0 0 2 * * *\" (02:00 daily)");
    }

    private static boolean identifier(Problems p, String property, String value) {
        return p.present(value, property, "use e.g. app")
                && p.require(IDENTIFIER.matcher(value).matches(), property, value,
                        "must be a lower-case PostgreSQL identifier (letters, digits, '_', at most 63)", "use e.g. app");
    }

    private static void secretName(Problems p, String property, Optional<String> value) {
        if (value == null) {
            p.add(property, null, "must not be null", "leave it unset for the default");
            return;
        }
        value.ifPresent(v -> p.require(DNS_1123_SUBDOMAIN.matcher(v).matches() && v.length() <= 253, property, v,
                "must be a Kubernetes Secret name", "use e.g. sessions-app"));
    }

    private static void checkStreamingAddresses(Problems p, PostgresDatabaseProps props) {
        Map<String, String> addresses = props.streamingAddresses();
        if (!p.present(addresses, "streamingAddresses", "leave it unset")) {
            return;
        }
        if (!props.replicationMode().streams()) {
            p.require(addresses.isEmpty(), "streamingAddresses", addresses,
                    "only applies to STREAMING and SYNCHRONOUS: ARCHIVE_ONLY has no traffic between the regions",
                    "remove streamingAddresses(...) or choose a streaming mode");
            return;
        }
        for (String region : props.regions()) {
            String address = addresses.get(region);
            if (p.require(address != null, "streamingAddresses", addresses, "has no address for " + region
                    + "; " + props.replicationMode() + " needs each region's read-write service at a fixed address",
                    "give a free address of " + region + "'s subnet on the shared private network")) {
                p.require(Ipv4.parse(address).isPresent(), "streamingAddresses[" + region + "]", address,
                        "must be an IPv4 address", "use an address of the region's subnet, e.g. 10.10.0.250");
            }
        }
        for (String region : addresses.keySet()) {
            p.require(props.regions().contains(region), "streamingAddresses", region,
                    "is not one of the regions " + props.regions(), "key the addresses by the database's regions");
        }
        p.require(new HashSet<>(addresses.values()).size() == addresses.size()
                        || addresses.values().stream().anyMatch(Objects::isNull), "streamingAddresses", addresses,
                "gives two regions the same address", "give each region an address of its own subnet");
    }
}
