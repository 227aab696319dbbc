package dev.tandem.constructs.network;

import java.util.Optional;

/** Dotted-quad IPv4 addresses as unsigned 32-bit values. */
public final class Ipv4 {
    private Ipv4() {
    }

    /** @return the address, or empty when {@code text} is not a dotted-quad IPv4 address */
    public static Optional<Long> parse(String text) {
        if (text == null || !text.matches("^\\d{1,3}(\\.\\d{1,3}){3}$")) {
            return Optional.empty();
        }
        long value = 0;
        for (String octet : text.split("\\.")) {
            int n = Integer.parseInt(octet);
            if (n > 255) {
                return Optional.empty();
            }
            value = (value << 8) | n;
        }
        return Optional.of(value);
    }

    /** @return {@code value} in dotted-quad form */
    public static String format(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }
}
