package dev.tandem.constructs.edge;

/**
 * Where a pool's origins are, for proximity steering.
 *
 * @param latitude  -90 to 90
 * @param longitude -180 to 180
 */
public record GeoLocation(double latitude, double longitude) {
}
