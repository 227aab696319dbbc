package dev.tandem.constructs.network;

import inet.ipaddr.ipv4.IPv4Address;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Ranges no workstation's traffic comes from on the internet, with what they are (IANA IPv4 Special-Purpose
     * Address Registry): a firewall rule for one of them admits nobody.
     */
    private static final Map<IPv4Address, String> UNROUTABLE = unroutable();

    private static Map<IPv4Address, String> unroutable() {
        Map<IPv4Address, String> ranges = new LinkedHashMap<>();
        ranges.put(block("0.0.0.0/8"), "\"this network\" (RFC 1122)");
        ranges.put(block("127.0.0.0/8"), "loopback (RFC 1122)");
        ranges.put(block("169.254.0.0/16"), "link-local (RFC 3927)");
        ranges.put(block("192.0.2.0/24"), "documentation, TEST-NET-1 (RFC 5737)");
        ranges.put(block("198.51.100.0/24"), "documentation, TEST-NET-2 (RFC 5737)");
        ranges.put(block("203.0.113.0/24"), "documentation, TEST-NET-3 (RFC 5737)");
        ranges.put(block("198.18.0.0/15"), "benchmarking (RFC 2544)");
        ranges.put(block("224.0.0.0/4"), "multicast (RFC 5771)");
        ranges.put(block("240.0.0.0/4"), "reserved (RFC 1112)");
        return Collections.unmodifiableMap(ranges);
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

    /**
     * @return the special range this network lies in that no internet traffic comes from (a documentation range,
     *         loopback, link-local, "this network", benchmarking, multicast or reserved space), if anything
     */
    public Optional<String> unroutableRange() {
        IPv4Address block = asBlock();
        return UNROUTABLE.entrySet().stream()
                .filter(e -> e.getKey().contains(block))
                .map(e -> e.getKey().toPrefixBlock().toCanonicalString() + ", " + e.getValue())
                .findFirst();
    }

    @Override
    public String toString() {
        return Ipv4.format(network()) + "/" + prefix;
    }
}
