package dev.tandem.constructs.edge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Cloudflare pool: a region's origins.
 *
 * @param name              pool name, unique within the account, e.g. {@code tandem-primary}
 * @param origins           the region's HAProxy instances
 * @param minimumOrigins    healthy origins the pool needs to count as healthy; @default 1
 * @param checkRegions      Cloudflare regions that probe the pool, e.g. {@code WEU}; @default WEU, EEU
 * @param notificationEmail where Cloudflare mails health changes; none by default
 * @param originSteering    spreading inside the pool; @default RANDOM
 * @param regions           Cloudflare regions this pool serves under {@link SteeringPolicy#GEO}
 * @param countries         ISO country codes this pool serves under {@link SteeringPolicy#GEO}
 * @param location          latitude/longitude for {@link SteeringPolicy#PROXIMITY}
 */
public record OriginPool(
        String name,
        List<Origin> origins,
        int minimumOrigins,
        List<String> checkRegions,
        Optional<String> notificationEmail,
        OriginSteering originSteering,
        List<String> regions,
        List<String> countries,
        Optional<GeoLocation> location) {

    /** Copies the lists. */
    public OriginPool {
        Objects.requireNonNull(name, "name");
        origins = List.copyOf(origins);
        checkRegions = List.copyOf(checkRegions);
        regions = List.copyOf(regions);
        countries = List.copyOf(countries);
    }

    /** @return a builder for a pool called {@code name} */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds an {@link OriginPool}. */
    public static final class Builder {
        private final String name;
        private List<Origin> origins = List.of();
        private int minimumOrigins = 1;
        private List<String> checkRegions = List.of("WEU", "EEU");
        private String notificationEmail;
        private OriginSteering originSteering = OriginSteering.RANDOM;
        private List<String> regions = List.of();
        private List<String> countries = List.of();
        private GeoLocation location;

        private Builder(String name) {
            this.name = name;
        }

        /** @param value the pool's origins */
        public Builder origins(List<Origin> value) {
            this.origins = value;
            return this;
        }

        /** @param value healthy origins needed; @default 1 */
        public Builder minimumOrigins(int value) {
            this.minimumOrigins = value;
            return this;
        }

        /** @param value probing regions; @default WEU, EEU */
        public Builder checkRegions(List<String> value) {
            this.checkRegions = value;
            return this;
        }

        /** @param value health notification address */
        public Builder notificationEmail(String value) {
            this.notificationEmail = value;
            return this;
        }

        /** @param value spreading inside the pool; @default RANDOM */
        public Builder originSteering(OriginSteering value) {
            this.originSteering = value;
            return this;
        }

        /** @param value Cloudflare region codes served under geo steering */
        public Builder regions(List<String> value) {
            this.regions = value;
            return this;
        }

        /** @param value ISO 3166-1 alpha-2 country codes served under geo steering */
        public Builder countries(List<String> value) {
            this.countries = value;
            return this;
        }

        /** @param value where the pool's origins are, for proximity steering */
        public Builder location(GeoLocation value) {
            this.location = value;
            return this;
        }

        /** @return the pool */
        public OriginPool build() {
            return new OriginPool(name, origins, minimumOrigins, checkRegions, Optional.ofNullable(notificationEmail),
                    originSteering, regions, countries, Optional.ofNullable(location));
        }
    }
}
