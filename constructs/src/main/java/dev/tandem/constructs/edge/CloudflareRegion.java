package dev.tandem.constructs.edge;

/**
 * Cloudflare's load-balancing regions: where a pool is probed from ({@link OriginPool#checkRegions()})
 * and which visitors a pool serves under {@link SteeringPolicy#GEO} ({@link OriginPool#regions()}).
 *
 * <p>The thirteen region codes are those of Cloudflare's Regions API
 * (developers.cloudflare.com/load-balancing/reference/region-mapping-api/); {@link #ALL_REGIONS} is the
 * extra value the pool's {@code check_regions} accepts (Cloudflare API schema
 * {@code load-balancing_check_regions}: "all regions (ENTERPRISE customers only)").
 */
public enum CloudflareRegion {
    /** Western North America. */
    WNAM,
    /** Eastern North America. */
    ENAM,
    /** Western Europe. */
    WEU,
    /** Eastern Europe. */
    EEU,
    /** Northern South America. */
    NSAM,
    /** Southern South America. */
    SSAM,
    /** Oceania. */
    OC,
    /** Middle East. */
    ME,
    /** Northern Africa. */
    NAF,
    /** Southern Africa. */
    SAF,
    /** Southern Asia. */
    SAS,
    /** Southeast Asia. */
    SEAS,
    /** Northeast Asia. */
    NEAS,
    /**
     * Every region: a health-check region only (Enterprise plans), never a geo-steering region and
     * never listed beside other regions.
     */
    ALL_REGIONS;

    /** @return the code Cloudflare's API and Terraform provider take, e.g. {@code WEU} */
    public String code() {
        return name();
    }
}
