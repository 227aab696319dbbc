package dev.tandem.constructs.access;

import dev.tandem.constructs.core.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one region's app is told about its PostgreSQL database, as environment variables of its pods:
 * libpq's own variables ({@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGTARGETSESSIONATTRS},
 * and {@code PGUSER}/{@code PGPASSWORD} from the owner's Secret), which libpq-based clients read with no code
 * (PostgreSQL documentation, libpq "Environment Variables"), and {@code TANDEM_POSTGRES_URL}, the same
 * target as a connection URI without credentials, for drivers that take a URL (JDBC needs
 * {@code jdbc:} in front and the user and password as properties). Made by
 * {@code PostgresDatabaseProps.wiring(region, namespace)}; the app cluster writes it into the Deployment
 * and the region's {@code PostgresCluster} checks it is its own.
 *
 * <p>{@code PGHOST} lists this region's read-write service first and, where the regions reach each other,
 * the peer's fixed address; with {@code target_session_attrs=read-write} libpq tries them in turn and keeps
 * the one that accepts writes, i.e. whichever region is primary.
 *
 * @param url        the connection URI, without credentials
 * @param hosts      the hosts in the order tried
 * @param port       the port of every host
 * @param database   the database name
 * @param secretName the basic-auth Secret ({@code username}, {@code password}) in the app's namespace
 * @param cluster    the CloudNativePG cluster of the app's region
 */
public record PostgresWiring(String url, List<String> hosts, int port, String database, String secretName,
        String cluster) {
    /** The variable holding {@link #url()}. */
    public static final String URL_VARIABLE = "TANDEM_POSTGRES_URL";
    /** Variables read from the Secret: variable → key of a {@code kubernetes.io/basic-auth} Secret. */
    public static final Map<String, String> SECRET_VARIABLES = secretVariables();

    /** Copies the host list. */
    public PostgresWiring {
        hosts = hosts == null ? null : List.copyOf(hosts);
    }

    private static Map<String, String> secretVariables() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("PGUSER", "username");
        vars.put("PGPASSWORD", "password");
        return java.util.Collections.unmodifiableMap(vars);
    }

    /** @return the plain variables, in the order the Deployment lists them */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(URL_VARIABLE, url);
        env.put("PGHOST", String.join(",", hosts));
        env.put("PGPORT", String.valueOf(port));
        env.put("PGDATABASE", database);
        env.put("PGTARGETSESSIONATTRS", "read-write");
        return env;
    }

    /**
     * Records what a hand-made wiring could get wrong; one from {@code PostgresDatabaseProps.wiring} passes.
     *
     * @param p where to record, e.g. {@code problems.nested("app.postgres")}
     */
    public void validate(Problems p) {
        String fix = "take the wiring from PostgresDatabaseProps.wiring(region, namespace)";
        p.require(url != null && url.startsWith("postgresql://"), "url", url, "must be a postgresql:// URI", fix);
        p.require(hosts != null && !hosts.isEmpty() && hosts.stream().allMatch(h -> h != null && !h.isBlank()
                && !h.contains(",")), "hosts", hosts, "must list at least one host", fix);
        p.require(port >= 1 && port <= 65535, "port", port, "must be a TCP port", fix);
        p.require(database != null && !database.isBlank(), "database", database, "is required", fix);
        p.require(secretName != null && !secretName.isBlank(), "secretName", secretName, "is required", fix);
    }
}
