package dev.tandem.constructs.network;

/**
 * An inclusive run of IPv4 addresses, as unsigned 32-bit values: the addresses a region keeps out of DHCP
 * for fixed use (load balancers, the database's read-write service).
 *
 * @param first the lowest address of the run
 * @param last  the highest address of the run, not below {@code first}
 */
public record Ipv4Range(long first, long last) {

    /** Refuses an empty run: a range always holds at least one address. */
    public Ipv4Range {
        if (last < first) {
            throw new IllegalArgumentException("empty range " + Ipv4.format(first) + "–" + Ipv4.format(last));
        }
    }

    /** @return whether {@code address} lies in the run */
    public boolean contains(long address) {
        return address >= first && address <= last;
    }

    /** @return the number of addresses in the run */
    public long size() {
        return last - first + 1;
    }

    /** @return the run in the form {@code 10.30.0.2–10.30.0.17} */
    @Override
    public String toString() {
        return Ipv4.format(first) + "–" + Ipv4.format(last);
    }
}
