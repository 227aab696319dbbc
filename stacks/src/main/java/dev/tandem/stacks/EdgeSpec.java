package dev.tandem.stacks;

import dev.tandem.constructs.core.DnsNames;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.edge.CloudflarePlan;
import java.util.Optional;

/**
 * The edge: the Cloudflare zone and name that fail over between the regions, and the zone's plan.
 * Building one checks the names, because the host name reaches every region (HAProxy's Host header)
 * before the edge's load balancer; the load balancer checks the ids' form.
 *
 * <pre>{@code
 * EdgeSpec.builder()
 *     .accountId("<32-hex account id>").zoneId("<32-hex zone id>")
 *     .zoneName("example.com").hostname("app.example.com")
 *     .plan(CloudflarePlan.BUSINESS)
 *     .build();
 * }</pre>
 *
 * @param stackName the cdktf stack name
 * @param accountId Cloudflare account id (monitors and pools live there)
 * @param zoneId    Cloudflare zone id
 * @param zoneName  the zone, e.g. {@code example.com}
 * @param hostname  the balanced name, e.g. {@code app.example.com}; also the Host header every
 *                  layer's health check sends
 * @param plan      the zone's Cloudflare plan, which bounds the load balancer's monitor and check regions
 * @param originPullsStackName the cdktf stack holding the zone's origin-pull client CA, applied first
 * @param route53   Route 53 failover instead of Cloudflare, when set (then {@code accountId}, {@code zoneId},
 *                  {@code plan} and {@code originPullsStackName} are Cloudflare's and unused)
 */
public record EdgeSpec(String stackName, String accountId, String zoneId, String zoneName, String hostname,
        CloudflarePlan plan, String originPullsStackName, Optional<Route53EdgeSpec> route53) {

    /** Reads a null optional as the Cloudflare edge. */
    public EdgeSpec {
        route53 = route53 == null ? Optional.empty() : route53;
    }

    /** A Cloudflare edge, as before Route 53 was an option (prefer {@link #builder()}). */
    public EdgeSpec(String stackName, String accountId, String zoneId, String zoneName, String hostname,
            CloudflarePlan plan, String originPullsStackName) {
        this(stackName, accountId, zoneId, zoneName, hostname, plan, originPullsStackName, Optional.empty());
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this edge's values */
    public Builder toBuilder() {
        return new Builder().stackName(stackName).accountId(accountId).zoneId(zoneId).zoneName(zoneName)
                .hostname(hostname).plan(plan).originPullsStackName(originPullsStackName).route53(route53.orElse(null));
    }

    /**
     * Records what is wrong with the edge on its own.
     *
     * @param p where to record problems (the caller nests it under {@code edge})
     */
    void validate(Problems p) {
        p.require(DnsNames.isLabel(stackName), "stackName", stackName, "must be a DNS label", "use e.g. edge");
        p.require(DnsNames.isLabel(originPullsStackName) && !originPullsStackName.equals(stackName),
                "originPullsStackName", originPullsStackName, "must be a DNS label other than stackName",
                "use e.g. origin-pulls");
        if (route53.isPresent()) {
            route53.get().validate(p.nested("route53"));
            p.require(accountId == null, "accountId", accountId, "is Cloudflare's, unused with the Route 53 edge",
                    "remove accountId(…), or remove route53(…) to use Cloudflare");
            p.require(zoneId == null, "zoneId", zoneId, "is Cloudflare's, unused with the Route 53 edge (the hosted "
                    + "zone is found by zoneName)", "remove zoneId(…), or remove route53(…) to use Cloudflare");
        } else {
            p.require(accountId != null && !accountId.isBlank(), "accountId", accountId, "is required",
                    "copy it from the Cloudflare dashboard: Account Home → the account's menu → Copy account ID");
            p.require(zoneId != null && !zoneId.isBlank(), "zoneId", zoneId, "is required",
                    "copy it from the zone's Overview page (API → Zone ID)");
        }
        boolean zoneOk = p.present(zoneName, "zoneName", "give the zone's name, e.g. example.com")
                && p.require(DnsNames.isQualifiedHostname(zoneName), "zoneName", zoneName,
                        "must be a lower-case DNS zone name with at least two labels, the last not all digits",
                        "use the zone's apex as Cloudflare shows it, e.g. example.com");
        boolean hostOk = p.present(hostname, "hostname", "give the balanced name, e.g. app.example.com")
                && p.require(DnsNames.isQualifiedHostname(hostname), "hostname", hostname,
                        "must be a lower-case DNS host name with at least two labels, the last not all digits (it is "
                                + "the Host header of every layer's health check)",
                        "use e.g. app.example.com");
        p.present(plan, "plan", "name the zone's Cloudflare plan, e.g. CloudflarePlan.BUSINESS (the default is PRO)");
        if (zoneOk && hostOk) {
            p.require(DnsNames.isInZone(hostname, zoneName), "hostname", hostname, "is outside the zone " + zoneName,
                    "use " + zoneName + " or a name ending in ." + zoneName + ", or give the zone that holds " + hostname);
        }
    }

    /** Builds an {@link EdgeSpec}: named steps, so the account and zone ids cannot be swapped unnoticed. */
    public static final class Builder {
        private String stackName = "edge";
        private String accountId;
        private String zoneId;
        private String zoneName;
        private String hostname;
        private CloudflarePlan plan = CloudflarePlan.PRO;
        private String originPullsStackName = "origin-pulls";
        private Optional<Route53EdgeSpec> route53 = Optional.empty();

        private Builder() {
        }

        /**
         * Route 53 failover records instead of Cloudflare's load balancer: the hosted zone is {@code zoneName}'s, the
         * tiers serve clients directly with a certificate you supply (docs/edge.md, "Choosing the edge"). Leave
         * {@code accountId} and {@code zoneId} unset. @default unset: the Cloudflare edge
         *
         * @param value the Route 53 settings, e.g. {@code Route53EdgeSpec.builder().build()}
         * @return this builder
         */
        public Builder route53(Route53EdgeSpec value) {
            this.route53 = Optional.ofNullable(value);
            return this;
        }

        /**
         * @param value the cdktf stack name; @default {@code edge}
         * @return this builder
         */
        public Builder stackName(String value) {
            this.stackName = value;
            return this;
        }

        /**
         * @param value the Cloudflare account id, 32 hex characters (Account Home → account id) (required)
         * @return this builder
         */
        public Builder accountId(String value) {
            this.accountId = value;
            return this;
        }

        /**
         * @param value the Cloudflare zone id, 32 hex characters (the zone's Overview page) (required)
         * @return this builder
         */
        public Builder zoneId(String value) {
            this.zoneId = value;
            return this;
        }

        /**
         * @param value the zone's name, e.g. {@code example.com} (required)
         * @return this builder
         */
        public Builder zoneName(String value) {
            this.zoneName = value;
            return this;
        }

        /**
         * @param value the balanced host name inside the zone, e.g. {@code app.example.com} (required)
         * @return this builder
         */
        public Builder hostname(String value) {
            this.hostname = value;
            return this;
        }

        /**
         * The Cloudflare plan of the zone (Load Balancing is an add-on to any plan): it sets the shortest
         * monitor interval and the monitor's default one, and whether pools may be probed from all regions
         * or every data centre. @default {@link CloudflarePlan#PRO}, whose limits hold on every plan (the
         * monitor probes every 60 s, so a dead region is out within 130 s)
         *
         * @param value the zone's plan
         * @return this builder
         */
        public Builder plan(CloudflarePlan value) {
            this.plan = value;
            return this;
        }

        /**
         * The stack that holds the zone's origin-pull client CA and its upload ({@code OriginPullTrust}): applied
         * before the region stacks, which read its CA certificates. @default {@code origin-pulls}
         *
         * @param value a DNS label, not the edge's or a region's stack name
         * @return this builder
         */
        public Builder originPullsStackName(String value) {
            this.originPullsStackName = value;
            return this;
        }

        /**
         * @return the edge; the load balancer construct checks the ids' form
         * @throws dev.tandem.constructs.core.ValidationException listing every problem, under the path
         *         {@code EdgeSpec}
         */
        public EdgeSpec build() {
            EdgeSpec spec = new EdgeSpec(stackName, accountId, zoneId, zoneName, hostname, plan, originPullsStackName,
                    route53);
            Problems p = new Problems("EdgeSpec");
            spec.validate(p);
            p.throwIfAny();
            return spec;
        }
    }
}
