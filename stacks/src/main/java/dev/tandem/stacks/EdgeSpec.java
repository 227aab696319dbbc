package dev.tandem.stacks;

/**
 * The edge: the Cloudflare zone and name that fail over between the regions.
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

        /** @return the edge; the load balancer construct checks the values */
        public EdgeSpec build() {
            return new EdgeSpec(stackName, accountId, zoneId, zoneName, hostname);
        }
    }
}
