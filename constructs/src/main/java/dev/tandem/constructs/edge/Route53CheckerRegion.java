package dev.tandem.constructs.edge;

/**
 * Where Route 53's health checkers probe from: the values of a health check's {@code regions} (Route 53 API
 * reference, {@code HealthCheckConfig} → {@code Regions}, type {@code HealthCheckRegion}). Name at least three, or
 * none for Route 53's default set.
 */
public enum Route53CheckerRegion {
    /** US East (N. Virginia). */
    US_EAST_1("us-east-1"),
    /** US West (N. California). */
    US_WEST_1("us-west-1"),
    /** US West (Oregon). */
    US_WEST_2("us-west-2"),
    /** Europe (Ireland). */
    EU_WEST_1("eu-west-1"),
    /** Asia Pacific (Singapore). */
    AP_SOUTHEAST_1("ap-southeast-1"),
    /** Asia Pacific (Sydney). */
    AP_SOUTHEAST_2("ap-southeast-2"),
    /** Asia Pacific (Tokyo). */
    AP_NORTHEAST_1("ap-northeast-1"),
    /** South America (São Paulo). */
    SA_EAST_1("sa-east-1");

    private final String code;

    Route53CheckerRegion(String code) {
        this.code = code;
    }

    /** @return the value Route 53 takes, e.g. {@code eu-west-1} */
    public String code() {
        return code;
    }
}
