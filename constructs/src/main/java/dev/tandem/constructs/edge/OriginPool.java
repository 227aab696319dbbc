package dev.tandem.constructs.edge;

import dev.tandem.constructs.core.TerraformReferences;

import dev.tandem.constructs.core.DnsNames;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One Cloudflare pool: a region's origins, and how Cloudflare checks and uses them.
 *
 * <pre>{@code
 * OriginPool.builder().name("tandem-primary")
 *     .origins(List.of(Origin.builder().name("primary-haproxy-1").address(ip1).build(), …))
 *     .build()
 * }</pre>
 *
 * @param name              pool name, unique within the account
 * @param origins           the region's HAProxy instances
 * @param minimumOrigins    healthy origins the pool needs to count as healthy
 * @param checkRegions      Cloudflare regions that probe the pool
 * @param notificationEmail where Cloudflare mails health changes
 * @param originSteering    spreading inside the pool
 * @param regions           Cloudflare regions this pool serves under {@link SteeringPolicy#GEO}
 * @param countries         ISO 3166-1 alpha-2 country codes this pool serves under {@link SteeringPolicy#GEO}
 * @param location          where the origins are, for {@link SteeringPolicy#PROXIMITY}
 */
public record OriginPool(
        String name,
        List<Origin> origins,
        int minimumOrigins,
        List<CloudflareRegion> checkRegions,
        Optional<String> notificationEmail,
        OriginSteering originSteering,
        List<CloudflareRegion> regions,
        List<String> countries,
        Optional<GeoLocation> location) {

    /** Cloudflare's pool name rule (API reference: "Only alphanumeric characters, hyphens, and underscores"). */
    private static final Pattern NAME = Pattern.compile("^[-_a-zA-Z0-9]+$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** RFC 5322 dot-atom text of a mailbox's local part. */
    private static final Pattern MAILBOX = Pattern.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$");

    /** Copies the lists as given (nulls stay, for validation to report) and reads a null optional as absent. */
    public OriginPool {
        origins = Values.list(origins);
        checkRegions = Values.list(checkRegions);
        regions = Values.list(regions);
        countries = Values.list(countries);
        notificationEmail = notificationEmail == null ? Optional.empty() : notificationEmail;
        location = location == null ? Optional.empty() : location;
    }

    /** @return a builder for a pool */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this pool's settings, to copy and change */
    public Builder toBuilder() {
        Builder b = new Builder().name(name).origins(origins).minimumOrigins(minimumOrigins).checkRegions(checkRegions)
                .originSteering(originSteering).regions(regions).countries(countries);
        notificationEmail.ifPresent(b::notificationEmail);
        location.ifPresent(b::location);
        return b;
    }

    /** Builds an {@link OriginPool}. */
    public static final class Builder {
        private String name;
        private List<Origin> origins;
        private int minimumOrigins = 1;
        private List<CloudflareRegion> checkRegions = List.of(CloudflareRegion.WEU, CloudflareRegion.EEU);
        private String notificationEmail;
        private OriginSteering originSteering = OriginSteering.RANDOM;
        private List<CloudflareRegion> regions = List.of();
        private List<String> countries = List.of();
        private GeoLocation location;

        private Builder() {
        }

        /**
         * The pool's name, unique within the Cloudflare account and the load balancer; required.
         *
         * @param value letters, digits, {@code -} and {@code _}, e.g. {@code tandem-primary}
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * The region's origins, e.g. one per HAProxy instance; required, at least one enabled.
         *
         * @param value the origins
         * @return this builder
         */
        public Builder origins(List<Origin> value) {
            this.origins = value;
            return this;
        }

        /**
         * How many origins must be healthy for the pool to count as healthy; below it the load balancer
         * fails over to the next pool. @default 1
         *
         * @param value from 1 to the number of enabled origins
         * @return this builder
         */
        public Builder minimumOrigins(int value) {
            this.minimumOrigins = value;
            return this;
        }

        /**
         * The Cloudflare regions whose data centres probe the pool (three data centres in each). On
         * Enterprise plans, {@link CloudflareRegion#ALL_REGIONS} alone probes from all thirteen regions and
         * an empty list from every data centre. @default WEU, EEU
         *
         * @param value regions, each once; at least one unless the plan is Enterprise
         * @return this builder
         */
        public Builder checkRegions(List<CloudflareRegion> value) {
            this.checkRegions = value;
            return this;
        }

        /**
         * One address Cloudflare mails when the pool's health changes (a mailing list for several
         * people). @default none
         *
         * @param value e.g. {@code ops@example.com}
         * @return this builder
         */
        public Builder notificationEmail(String value) {
            this.notificationEmail = value;
            return this;
        }

        /**
         * How the pool spreads traffic over its origins. @default {@link OriginSteering#RANDOM}
         *
         * @param value the policy
         * @return this builder
         */
        public Builder originSteering(OriginSteering value) {
            this.originSteering = value;
            return this;
        }

        /**
         * The Cloudflare regions whose visitors this pool serves first; only with
         * {@link SteeringPolicy#GEO}. Pools listing the same region serve it in failover order. @default none
         *
         * @param value regions other than {@link CloudflareRegion#ALL_REGIONS}, each once
         * @return this builder
         */
        public Builder regions(List<CloudflareRegion> value) {
            this.regions = value;
            return this;
        }

        /**
         * The countries whose visitors this pool serves first; only with {@link SteeringPolicy#GEO}. A
         * country mapping wins over its region's. @default none
         *
         * @param value ISO 3166-1 alpha-2 codes in upper case, e.g. {@code FR}, each once
         * @return this builder
         */
        public Builder countries(List<String> value) {
            this.countries = value;
            return this;
        }

        /**
         * Where the pool's origins are; required for every pool under {@link SteeringPolicy#PROXIMITY}.
         * @default none
         *
         * @param value e.g. {@code GeoLocation.latitude(48.86).longitude(2.35)}
         * @return this builder
         */
        public Builder location(GeoLocation value) {
            this.location = value;
            return this;
        }

        /** @return the pool; checked when the load balancer is built */
        public OriginPool build() {
            return new OriginPool(name, origins, minimumOrigins, checkRegions, Optional.ofNullable(notificationEmail),
                    originSteering, regions, countries, Optional.ofNullable(location));
        }
    }

    /**
     * Checks what one pool can tell on its own and what the zone's plan allows; the load balancer checks
     * names and addresses across pools and what the steering policy needs.
     *
     * @param p    where problems go, nested under the pool, e.g. {@code pools[primary]}
     * @param plan the load balancer's plan; when null (reported by the load balancer) the plan's rules are
     *             not checked
     */
    public void validate(Problems p, CloudflarePlan plan) {
        if (p.present(name, "name", "name the pool, e.g. OriginPool.builder().name(\"tandem-primary\")")) {
            p.require(NAME.matcher(name).matches(), "name", TerraformReferences.shown(name, "pool name"),
                    "must be letters, digits, '-' or '_' (Cloudflare's rule for pool names)", "use e.g. tandem-primary");
        }
        checkOrigins(p);
        if (p.presentElements(checkRegions, "checkRegions", "list the probing regions, e.g. List.of(WEU, EEU)")) {
            checkRegionsAllowed(p, plan);
            p.require(!checkRegions.contains(CloudflareRegion.ALL_REGIONS) || checkRegions.size() == 1, "checkRegions",
                    checkRegions, "lists ALL_REGIONS beside other regions", "use ALL_REGIONS alone, or list regions");
            unique(p, "checkRegions", checkRegions);
        }
        notificationEmail.ifPresent(email -> p.require(isEmailAddress(email), "notificationEmail", email,
                "must be one e-mail address: local@domain, the domain a DNS name with a dot",
                "use e.g. ops@example.com; for several people use a mailing list"));
        p.present(originSteering, "originSteering", "omit originSteering for RANDOM, or pass an OriginSteering");
        if (p.presentElements(regions, "regions", "omit regions, or list CloudflareRegion values")) {
            p.require(!regions.contains(CloudflareRegion.ALL_REGIONS), "regions", regions,
                    "cannot contain ALL_REGIONS: it is a health-check region, not a geo-steering one",
                    "list the regions this pool serves, e.g. List.of(WEU), or use default pools for the rest");
            unique(p, "regions", regions);
        }
        if (p.presentElements(countries, "countries", "omit countries, or list ISO 3166-1 alpha-2 codes")) {
            for (String country : countries) {
                p.require(COUNTRIES.contains(country), "countries", TerraformReferences.shown(country, "country"),
                        "must be an ISO 3166-1 alpha-2 country code in upper case", "UK".equals(country)
                                ? "use GB, ISO's code for the United Kingdom"
                                : "use e.g. FR, DE or US (java.util.Locale.getISOCountries() lists them)");
            }
            unique(p, "countries", countries);
        }
        location.ifPresent(l -> l.validate(p.nested("location")));
    }

    /** Every data centre (an empty list) and ALL_REGIONS are Enterprise's; see {@link CloudflarePlan}. */
    private void checkRegionsAllowed(Problems p, CloudflarePlan plan) {
        if (plan == null) {
            return;
        }
        p.require(!checkRegions.isEmpty() || plan.probesFromEveryDataCentre(), "checkRegions", checkRegions,
                "is empty, which probes from every Cloudflare data centre: only Enterprise plans may (plan is " + plan + ")",
                "list the regions near the origins, e.g. List.of(WEU, EEU), or set plan(CloudflarePlan.ENTERPRISE) "
                        + "if the account has it");
        p.require(!checkRegions.contains(CloudflareRegion.ALL_REGIONS) || plan.probesFromAllRegions(), "checkRegions",
                checkRegions, "probes from ALL_REGIONS, which only Enterprise plans may (plan is " + plan + ")",
                "list the regions near the origins, e.g. List.of(WEU, EEU), or set plan(CloudflarePlan.ENTERPRISE) "
                        + "if the account has it");
    }

    private void checkOrigins(Problems p) {
        if (!p.presentElements(origins, "origins", "list the region's origins, e.g. one per HAProxy instance")) {
            return;
        }
        for (int i = 0; i < origins.size(); i++) {
            origins.get(i).validate(p.nested("origins[" + originKey(i) + "]"));
        }
        if (!p.require(!origins.isEmpty(), "origins", "[]", "a pool needs at least one origin",
                "list the region's origins, e.g. one per HAProxy instance")) {
            return;
        }
        long enabled = origins.stream().filter(Origin::enabled).count();
        if (p.require(enabled >= 1, "origins", "none of " + origins.size() + " enabled",
                "a pool needs an enabled origin to ever be healthy", "enable at least one origin")) {
            p.require(minimumOrigins >= 1 && minimumOrigins <= enabled, "minimumOrigins", minimumOrigins,
                    "must be between 1 and the number of enabled origins (" + enabled + ")", "use 1");
        }
    }

    /** @return the origin's name where it is a plain name, else its index: how messages point at it */
    String originKey(int index) {
        String n = origins.get(index).name();
        return n == null || n.isBlank() || TerraformReferences.isReference(n) ? String.valueOf(index) : n;
    }

    private static void unique(Problems p, String property, List<?> values) {
        Set<Object> seen = new HashSet<>();
        for (Object v : values) {
            p.require(seen.add(v), property, v, "appears more than once", "list each value once");
        }
    }

    private static boolean isEmailAddress(String email) {
        int at = email.indexOf('@');
        if (at < 1 || at != email.lastIndexOf('@') || email.length() > 254) {
            return false;
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        return local.length() <= 64 && MAILBOX.matcher(local).matches() && DnsNames.isQualifiedHostname(domain);
    }
}
