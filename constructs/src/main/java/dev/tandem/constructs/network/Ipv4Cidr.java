package dev.tandem.constructs.network;

import java.util.Optional;

/**
 * An IPv4 network in CIDR notation, e.g. {@code 10.10.0.0/16}.
 *
 * @param address network address as an unsigned 32-bit value
 * @param prefix  prefix length, 0–32
 */
public record Ipv4Cidr(long address, int prefix) {

    /** @return the parsed network, or empty when {@code text} is not a network address in CIDR form */
    public static Optional<Ipv4Cidr> parse(String text) {
        if (text == null || !text.matches("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$")) {
            return Optional.empty();
        }
        String[] parts = text.split("/");
        Optional<Long> address = Ipv4.parse(parts[0]);
        int prefix = Integer.parseInt(parts[1]);
        if (address.isEmpty() || prefix > 32) {
            return Optional.empty();
        }
        Ipv4Cidr cidr = new Ipv4Cidr(address.get(), prefix);
        return cidr.network() == address.get() ? Optional.of(cidr) : Optional.empty();
    }

    private long mask() {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    /** @return the network address */
    public long network() {
        return address & mask();
    }

    /** @return the broadcast address */
    public long broadcast() {
        return network() | (~mask() & 0xFFFFFFFFL);
    }

    /** @return true when {@code ip} lies inside this network */
    public boolean contains(long ip) {
        return (ip & mask()) == network();
    }

    /** @return true for RFC 1918 private space */
    public boolean isPrivate() {
        return new Ipv4Cidr(0x0A000000L, 8).contains(network())
                || new Ipv4Cidr(0xAC100000L, 12).contains(network())
                || new Ipv4Cidr(0xC0A80000L, 16).contains(network());
    }

    @Override
    public String toString() {
        return Ipv4.format(network()) + "/" + prefix;
    }
}
