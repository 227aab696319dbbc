package dev.tandem.constructs.network;

/**
 * One region's share of a {@link SharedPrivateNetwork}: the addresses its DHCP hands out and the address
 * of its subnet's gateway. The regions' pools must be disjoint: all regions are one broadcast domain over
 * the same range, so two DHCP servers handing out one address would give it to two ports.
 *
 * @param region  OVH region code, e.g. {@code EU-WEST-PAR}
 * @param start   first address of the region's DHCP allocation pool
 * @param end     last address of the region's DHCP allocation pool
 * @param gateway the region subnet's gateway address: inside the range, outside every pool
 */
public record RegionPool(String region, String start, String end, String gateway) {

    /**
     * @param region  OVH region code
     * @param start   first address of the pool
     * @param end     last address of the pool
     * @param gateway the region's gateway address
     * @return the pool
     */
    public static RegionPool of(String region, String start, String end, String gateway) {
        return new RegionPool(region, start, end, gateway);
    }
}
