package dev.tandem.constructs.edge;

import dev.tandem.constructs.core.Problems;

/**
 * Where a pool's origins are, for {@link SteeringPolicy#PROXIMITY}. Built with named steps, so the two
 * numbers cannot be swapped: {@code GeoLocation.latitude(48.86).longitude(2.35)}.
 *
 * @param latitude  degrees north, −90 to 90
 * @param longitude degrees east, −180 to 180
 */
public record GeoLocation(double latitude, double longitude) {

    /**
     * @param degrees degrees north (negative: south), −90 to 90
     * @return the step that takes the longitude
     */
    public static LatitudeStep latitude(double degrees) {
        return new LatitudeStep(degrees);
    }

    /** The latitude given; the longitude completes the location. */
    public static final class LatitudeStep {
        private final double latitude;

        private LatitudeStep(double latitude) {
            this.latitude = latitude;
        }

        /**
         * @param degrees degrees east (negative: west), −180 to 180
         * @return the location; checked when the load balancer is built
         */
        public GeoLocation longitude(double degrees) {
            return new GeoLocation(latitude, degrees);
        }
    }

    /**
     * Checks the ranges of decimal degrees ({@code latitude}/{@code longitude} of
     * {@code cloudflare_load_balancer_pool}: v4.22.0's
     * {@code internal/sdkv2provider/schema_cloudflare_load_balancer_pool.go} validated them; v5.22.0's
     * {@code internal/services/load_balancer_pool/schema.go} leaves them to the API).
     *
     * @param p where problems go, nested under the pool's {@code location}
     */
    public void validate(Problems p) {
        p.require(Double.isFinite(latitude) && latitude >= -90 && latitude <= 90, "latitude", latitude,
                "must be a number of degrees from -90 to 90", "use the latitude of the region's data centre, "
                        + "e.g. GeoLocation.latitude(48.86).longitude(2.35) for Paris");
        p.require(Double.isFinite(longitude) && longitude >= -180 && longitude <= 180, "longitude", longitude,
                "must be a number of degrees from -180 to 180", "use the longitude of the region's data centre, "
                        + "e.g. GeoLocation.latitude(48.86).longitude(2.35) for Paris");
    }
}
