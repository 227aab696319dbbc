package dev.tandem.constructs.network;

import inet.ipaddr.ipv4.IPv4Address;
import java.util.List;
import java.util.Optional;

/**
 * An IPv4 network in CIDR notation, e.g. {@code 10.10.0.0/16}. Parsing and containment use the
 * IPAddress library, so a network counts as private only when every address in it is private.
 *
 * @param address network address as an unsigned 32-bit value
 * @param prefix  prefix length, 0–32
 */
public record Ipv4Cidr(long address, int prefix) {
    /** RFC 1918 private space. */
    private static final List<IPv4Address> PRIVATE = List.of(block("10.0.0.0/8"), block("172.16.0.0/12"),
            block("192.168.0.0/16"));

    /**
     * @return the parsed network, or empty when {@code text} is not an IPv4 network address in CIDR
     *         form (host bits set, as in {@code 10.10.0.1/16}, are refused)
     */
    public static Optional<Ipv4Cidr> parse(String text) {
        return Ipv4.address(text, true)
                .filter(a -> a.isPrefixBlock() || a.getNetworkPrefixLength() == 32)
                .map(a -> new Ipv4Cidr(a.getLower().longValue(), a.getNetworkPrefixLength()));
    }

    private static IPv4Address block(String cidr) {
        return Ipv4.address(cidr, true).orElseThrow();
    }

    private IPv4Address asBlock() {
        return new IPv4Address((int) address, prefix).toPrefixBlock();
    }

    /** @return the network address */
    public long network() {
        return asBlock().getLower().longValue();
    }

    /** @return the broadcast (highest) address */
    public long broadcast() {
        return asBlock().getUpper().longValue();
    }

    /** @return true when {@code ip} lies inside this network */
    public boolean contains(long ip) {
        return asBlock().contains(new IPv4Address((int) ip));
    }

    /** @return true when this network and {@code other} share at least one address */
    public boolean overlaps(Ipv4Cidr other) {
        return asBlock().contains(other.asBlock()) || other.asBlock().contains(asBlock());
    }

    /** @return true when the whole network lies in RFC 1918 private space */
    public boolean isPrivate() {
        IPv4Address block = asBlock();
        return PRIVATE.stream().anyMatch(p -> p.contains(block));
    }

    @Override
    public String toString() {
        return Ipv4.format(network()) + "/" + prefix;
    }
}
