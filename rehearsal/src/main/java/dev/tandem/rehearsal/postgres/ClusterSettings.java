package dev.tandem.rehearsal.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the rehearsal and the failover drill take from a rendered CloudNativePG {@code Cluster} manifest: the
 * replication mode and the WAL archive timeout. Read it with {@link #read(String)} from the YAML text of a region's
 * {@code Cluster}.
 *
 * <p>The field names are CloudNativePG's own (API reference {@code cloudnative-pg.io/docs/1.31/cloudnative-pg.v1},
 * "Replica clusters" and "Replication" pages):
 * <ul>
 *   <li>{@code spec.postgresql.synchronous} present (with {@code method} {@code any|first} and {@code number}):
 *       synchronous replication;</li>
 *   <li>otherwise the external cluster named by {@code spec.replica.source}: with {@code connectionParameters} the
 *       replica streams from it; with only an archive ({@code plugin} or {@code barmanObjectStore}) it restores
 *       WAL from the object store alone;</li>
 *   <li>{@code spec.postgresql.parameters.archive_timeout}: a PostgreSQL time setting (no unit means seconds);
 *       CloudNativePG's default when absent is 5 minutes.</li>
 * </ul>
 *
 * @param mode               how the standby region receives WAL
 * @param archiveTimeout     the longest a WAL segment waits before it is archived
 * @param synchronousMethod  {@code ANY} or {@code FIRST}, for {@link StandbyMode#SYNCHRONOUS}
 * @param synchronousNumber  how many standbys must confirm, for {@link StandbyMode#SYNCHRONOUS}
 */
public record ClusterSettings(StandbyMode mode, Duration archiveTimeout, String synchronousMethod, int synchronousNumber) {
    /** CloudNativePG's {@code archive_timeout} when the manifest sets none. */
    public static final Duration CNPG_DEFAULT_ARCHIVE_TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern TIME = Pattern.compile("\\s*(\\d+)\\s*(us|ms|s|min|h|d)?\\s*");

    public ClusterSettings {
        if (archiveTimeout.isNegative() || archiveTimeout.isZero()) {
            throw new IllegalArgumentException("archive_timeout must be positive for a WAL archive replica, got "
                    + archiveTimeout);
        }
    }

    /**
     * @param clusterYaml one CloudNativePG {@code Cluster} document
     * @return its replication settings
     * @throws IllegalArgumentException when it is not a {@code Cluster} or names a source it does not define
     */
    public static ClusterSettings read(String clusterYaml) {
        JsonNode cluster;
        try {
            cluster = YAML.readTree(clusterYaml);
        } catch (IOException e) {
            throw new UncheckedIOException("not YAML: " + e.getMessage(), e);
        }
        if (cluster == null || !"Cluster".equals(cluster.path("kind").asText())
                || !cluster.path("apiVersion").asText().startsWith("postgresql.cnpg.io/")) {
            throw new IllegalArgumentException("expected a postgresql.cnpg.io Cluster, got kind '"
                    + (cluster == null ? "" : cluster.path("kind").asText()) + "'");
        }
        JsonNode spec = cluster.path("spec");
        JsonNode postgresql = spec.path("postgresql");
        Duration timeout = Optional.ofNullable(postgresql.path("parameters").get("archive_timeout"))
                .map(JsonNode::asText).map(ClusterSettings::parseTime).orElse(CNPG_DEFAULT_ARCHIVE_TIMEOUT);
        JsonNode synchronous = postgresql.path("synchronous");
        if (synchronous.isObject()) {
            return new ClusterSettings(StandbyMode.SYNCHRONOUS, timeout,
                    synchronous.path("method").asText("any").toUpperCase(Locale.ROOT),
                    synchronous.path("number").asInt(1));
        }
        return new ClusterSettings(sourceMode(spec), timeout, "", 0);
    }

    /** @return {@code synchronous_standby_names} for a primary whose one standby is {@code standby} */
    public Optional<String> synchronousStandbyNames(String standby) {
        return mode == StandbyMode.SYNCHRONOUS
                ? Optional.of(synchronousMethod + " " + synchronousNumber + " (" + standby + ")")
                : Optional.empty();
    }

    private static StandbyMode sourceMode(JsonNode spec) {
        String source = spec.path("replica").path("source").asText("");
        if (source.isEmpty()) {
            throw new IllegalArgumentException("spec.replica.source is not set: the rehearsal needs the Cluster of a "
                    + "distributed topology, which names the cluster it replicates from");
        }
        for (JsonNode external : spec.path("externalClusters")) {
            if (source.equals(external.path("name").asText())) {
                return external.path("connectionParameters").isObject() ? StandbyMode.STREAMING : StandbyMode.ARCHIVE_ONLY;
            }
        }
        throw new IllegalArgumentException("spec.replica.source '" + source + "' is not in spec.externalClusters");
    }

    /** PostgreSQL's time units (runtime-config "Parameter Names and Values"); a bare number is in seconds. */
    public static Duration parseTime(String value) {
        Matcher m = TIME.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("archive_timeout '" + value + "' is not a PostgreSQL time "
                    + "(a number with us, ms, s, min, h or d)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "us" -> Duration.ofNanos(n * 1000);
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
