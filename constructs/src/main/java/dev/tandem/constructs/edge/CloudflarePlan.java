package dev.tandem.constructs.edge;

import java.time.Duration;

/**
 * The Cloudflare plan of the zone the load balancer serves: it bounds how often the monitor may probe
 * and where the pools may be probed from. Load Balancing itself is a paid add-on that every plan can buy
 * (developers.cloudflare.com/load-balancing/get-started/quickstart/).
 *
 * <p>Sources, read 2026-11:
 * <ul>
 * <li>Minimum monitor interval: "60 (Pro), 15 (Business), and 10 (Enterprise)" seconds
 *     (cloudflare/cloudflare-docs {@code src/content/partials/load-balancing/monitor-settings-advanced.mdx},
 *     rendered in developers.cloudflare.com/load-balancing/monitors/create-monitor/). Free is not listed:
 *     Tandem assumes Pro's 60 s, which is also the provider's default interval
 *     (terraform-provider-cloudflare v5.22.0 {@code internal/services/load_balancer_monitor/schema.go}).
 *     That assumption is unverified.</li>
 * <li>Probing from every data centre (a pool's {@code check_regions} left null): "All Data Centers
 *     (Enterprise only)" ({@code monitor-health-check-regions-options.mdx}; the v5.22.0 pool schema:
 *     "Null means every Cloudflare data center").</li>
 * <li>{@code ALL_REGIONS}: "all regions (ENTERPRISE customers only)" in the API schema of a pool's check
 *     regions ({@code load-balancing_check_regions}). The dashboard's docs list "All Regions" without a
 *     plan; Tandem follows the API's rule.</li>
 * </ul>
 */
public enum CloudflarePlan {
    /** Free: its load-balancing limits are not documented; Tandem applies Pro's. */
    FREE(Duration.ofSeconds(60)),
    /** Pro: a probe every 60 s at most. */
    PRO(Duration.ofSeconds(60)),
    /** Business: a probe every 15 s at most. */
    BUSINESS(Duration.ofSeconds(15)),
    /** Enterprise: a probe every 10 s at most, probes from all regions or every data centre. */
    ENTERPRISE(Duration.ofSeconds(10));

    /** The interval Tandem prefers where the plan allows it: a dead region is out in under a minute. */
    private static final Duration PREFERRED_INTERVAL = Duration.ofSeconds(20);

    private final Duration minimumMonitorInterval;

    CloudflarePlan(Duration minimumMonitorInterval) {
        this.minimumMonitorInterval = minimumMonitorInterval;
    }

    /** @return the shortest monitor interval the plan accepts */
    public Duration minimumMonitorInterval() {
        return minimumMonitorInterval;
    }

    /**
     * @return the monitor interval when none is set: 20 s, or the plan's minimum where that is longer
     *         (60 s on Free and Pro, 20 s on Business and Enterprise)
     */
    public Duration defaultMonitorInterval() {
        return minimumMonitorInterval.compareTo(PREFERRED_INTERVAL) > 0 ? minimumMonitorInterval : PREFERRED_INTERVAL;
    }

    /** @return whether a pool may be probed from every data centre (an empty list of check regions) */
    public boolean probesFromEveryDataCentre() {
        return this == ENTERPRISE;
    }

    /** @return whether a pool may be probed from {@link CloudflareRegion#ALL_REGIONS} */
    public boolean probesFromAllRegions() {
        return this == ENTERPRISE;
    }

    /** @return whether Cloudflare documents this plan's load-balancing limits (Free: not) */
    public boolean limitsDocumented() {
        return this != FREE;
    }
}
