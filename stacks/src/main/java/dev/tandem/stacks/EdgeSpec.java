package dev.tandem.stacks;

import dev.tandem.constructs.core.DnsNames;
import dev.tandem.constructs.core.Problems;

/**
 * The edge: the Cloudflare zone and name that fail over between the regions. Building one checks the
 * names, because the host name reaches every region (the Ingress host, HAProxy's Host header) before
 * the edge's load balancer; the load balancer checks the ids' form.
 *
 * <pre>{@code
 * EdgeSpec.builder()
 *     .accountId("<32-hex account id>").zoneId("<32-hex zone id>")
 *     .zoneName("example.com").hostname("app.example.com")
 *     .build();
 * }</pre>
 *
 * @param stackName the cdktf stack name
 * @param accountId Cloudflare account id (monitors and pools live there)
 * @param zoneId    Cloudflare zone id
 * @param zoneName  the zone, e.g. {@code example.com}
 * @param hostname  the balanced name, e.g. {@code app.example.com}; also the Host header every
 *                  layer's health check sends
 */
public record EdgeSpec(String stackName, String accountId, String zoneId, String zoneName, String hostname) {

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this edge's values */
    public Builder toBuilder() {
        return new Builder().stackName(stackName).accountId(accountId).zoneId(zoneId).zoneName(zoneName)
                .hostname(hostname);
    }

    /**
     * Records what is wrong with the edge on its own.
     *
     * @param p where to record problems (the caller nests it under {@code edge})
     */
    void validate(Problems p) {
        p.require(DnsNames.isLabel(stackName), "stackName", stackName, "must be a DNS label", "use e.g. edge");
        p.require(accountId != null && !accountId.isBlank(), "accountId", accountId, "is required",
                "copy it from the Cloudflare dashboard: Account Home → the account's menu → Copy account ID");
        p.require(zoneId != null && !zoneId.isBlank(), "zoneId", zoneId, "is required",
                "copy it from the zone's Overview page (API → Zone ID)");
        boolean zoneOk = p.present(zoneName, "zoneName", "give the zone's name, e.g. example.com")
                && p.require(DnsNames.isQualifiedHostname(zoneName), "zoneName", zoneName,
                        "must be a lower-case DNS zone name with at least two labels, the last not all digits",
                        "use the zone's apex as Cloudflare shows it, e.g. example.com");
        boolean hostOk = p.present(hostname, "hostname", "give the balanced name, e.g. app.example.com")
                && p.require(DnsNames.isQualifiedHostname(hostname), "hostname", hostname,
                        "must be a lower-case DNS host name with at least two labels, the last not all digits (it is "
                                + "the Ingress host, and the Host header of every layer's health check)",
                        "use e.g. app.example.com");
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

        private Builder() {
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
         * @return the edge; the load balancer construct checks the ids' form
         * @throws dev.tandem.constructs.core.ValidationException listing every problem, under the path
         *         {@code EdgeSpec}
         */
        public EdgeSpec build() {
            EdgeSpec spec = new EdgeSpec(stackName, accountId, zoneId, zoneName, hostname);
            Problems p = new Problems("EdgeSpec");
            spec.validate(p);
            p.throwIfAny();
            return spec;
        }
    }
}
