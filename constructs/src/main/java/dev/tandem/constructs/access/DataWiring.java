package dev.tandem.constructs.access;

import dev.tandem.constructs.core.AwsRegions;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What one region's app is told about its data, as environment variables of its pods: the AWS region
 * of the copy it must use, each table's name, and the Kubernetes Secret its credentials come from.
 * Made by {@link AppDataAccess#wiring()} from the region's tables; the app cluster writes it into the
 * Deployment, and the DR readiness pass reads it to tell which AWS region each region depends on.
 *
 * <p>The region goes into {@code AWS_REGION}, the variable every AWS SDK reads for its default region
 * (AWS SDKs and Tools Reference Guide, "AWS Region"), and {@code AWS_DEFAULT_REGION}, which the AWS CLI
 * and boto3 read: a client built with the SDK's defaults therefore talks to this region's replica,
 * with no code, and cannot reach the other region's by accident. The credentials go into
 * {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}, the first source of every SDK's default
 * credential chain (same guide, "Static credentials"). Tables get {@code TANDEM_TABLE_<LOGICAL>}. Plain
 * variables rather than a ConfigMap: they sit in {@code deployment.yaml} for review, and a change to
 * them changes the pod template, so the pods roll over to it by themselves.
 *
 * @param awsRegion the AWS region of the table copies the app uses
 * @param tables    the table variables: {@code TANDEM_TABLE_<LOGICAL>} → table name
 * @param identity  the construct path of the {@link AppDataAccess} whose credentials the app uses
 */
public record DataWiring(String awsRegion, Map<String, String> tables, String identity) {
    /** Prefix of every table variable. */
    public static final String TABLE_PREFIX = "TANDEM_TABLE_";
    /** The variables that carry the AWS region. */
    public static final List<String> REGION_VARIABLES = List.of("AWS_REGION", "AWS_DEFAULT_REGION");
    /** The credential variables, read from the Secret's keys of the same names. */
    public static final List<String> CREDENTIAL_VARIABLES = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    private static final Pattern VARIABLE = Pattern.compile(Pattern.quote(TABLE_PREFIX) + "[A-Z][A-Z0-9_]*");

    /** Copies the map, sorted by variable (nulls are kept for validation to report). */
    public DataWiring {
        tables = Values.sortedMap(tables);
    }

    /** @return the plain variables, in the order the Deployment lists them: region first, then tables */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        REGION_VARIABLES.forEach(v -> env.put(v, awsRegion));
        env.putAll(tables);
        return env;
    }

    /** @return the table names the app uses, sorted */
    public List<String> tableNames() {
        return new ArrayList<>(new TreeSet<>(tables.values()));
    }

    /**
     * Records what Kubernetes or the AWS SDK would refuse: used for a wiring set by hand on an app.
     *
     * @param p where to record, e.g. {@code problems.nested("app.data")}
     */
    public void validate(Problems p) {
        p.require(AwsRegions.isValid(awsRegion), "awsRegion", awsRegion,
                "must be an AWS region hashicorp/aws 5.100.0 knows", "take the wiring from AppDataAccess.wiring()");
        if (p.present(tables, "tables", "take the wiring from AppDataAccess.wiring()")) {
            tables.forEach((variable, table) -> {
                p.require(variable != null && VARIABLE.matcher(variable).matches(), "tables", variable,
                        "must be a variable named " + TABLE_PREFIX + "<LOGICAL> (upper case, digits, _)",
                        "take the wiring from AppDataAccess.wiring()");
                p.require(table != null && !table.isBlank(), "tables[" + variable + "]", table, "needs a table name",
                        "take the wiring from AppDataAccess.wiring()");
            });
        }
    }
}
