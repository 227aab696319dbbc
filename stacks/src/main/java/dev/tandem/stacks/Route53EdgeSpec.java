package dev.tandem.stacks;

import dev.tandem.constructs.core.Problems;
import java.time.Duration;

/**
 * Route 53 failover as the deployment's edge, instead of Cloudflare's load balancer: set on the {@link EdgeSpec}
 * ({@code EdgeSpec.builder().zoneName(…).hostname(…).route53(Route53EdgeSpec.builder().build())}). The edge stack then
 * holds a {@link dev.tandem.constructs.edge.Route53Failover} in the hosted zone of {@code zoneName}; the region stacks'
 * HAProxy tiers serve clients directly ({@code OriginExposure.PUBLIC}) with a certificate you supply
 * ({@code SuppliedCertificate}: {@code TF_VAR_tls_certificate_pem}, {@code TF_VAR_tls_private_key_pem}); there is no
 * origin-pulls stack and no Cloudflare provider anywhere.
 *
 * @param createZone       whether the edge stack creates the hosted zone (else it looks up the existing one)
 * @param ttl              the failover records' TTL
 * @param requestInterval  the health checks' request interval, 10 s or 30 s
 * @param failureThreshold failed requests before a checker considers an instance unhealthy
 */
public record Route53EdgeSpec(boolean createZone, Duration ttl, Duration requestInterval, int failureThreshold) {

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    void validate(Problems p) {
        p.present(ttl, "ttl", "omit it for 60 s");
        p.present(requestInterval, "requestInterval", "omit it for 10 s");
    }

    /** Builds a {@link Route53EdgeSpec}; the values are checked by {@code Route53Failover} when the edge is built. */
    public static final class Builder {
        private boolean createZone;
        private Duration ttl = Duration.ofSeconds(60);
        private Duration requestInterval = Duration.ofSeconds(10);
        private int failureThreshold = 3;

        private Builder() {
        }

        /**
         * @param value true to create the hosted zone in the edge stack (then delegate to its name servers);
         *              @default false: the public zone named {@code zoneName} exists and is looked up
         * @return this builder
         */
        public Builder createZone(boolean value) {
            this.createZone = value;
            return this;
        }

        /**
         * @param value the records' TTL, whole seconds; @default 60 s (AWS's recommended most with health checks)
         * @return this builder
         */
        public Builder ttl(Duration value) {
            this.ttl = value;
            return this;
        }

        /**
         * @param value 10 s or 30 s; @default 10 s
         * @return this builder
         */
        public Builder requestInterval(Duration value) {
            this.requestInterval = value;
            return this;
        }

        /**
         * @param value 1–10; @default 3
         * @return this builder
         */
        public Builder failureThreshold(int value) {
            this.failureThreshold = value;
            return this;
        }

        /** @return the settings */
        public Route53EdgeSpec build() {
            return new Route53EdgeSpec(createZone, ttl, requestInterval, failureThreshold);
        }
    }
}
