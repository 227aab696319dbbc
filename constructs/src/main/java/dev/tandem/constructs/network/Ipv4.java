package dev.tandem.constructs.network;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IPv4 addresses as unsigned 32-bit values, parsed with the IPAddress library in its strict form:
 * four decimal parts only, so inet_aton forms such as {@code 10.1} or {@code 0x0a.0.0.1} are refused
 * instead of being read as some other address.
 */
public final class Ipv4 {
    /** Decimal parts without leading zeros and an optional prefix: the only spelling accepted. */
    private static final Pattern SHAPE = Pattern.compile(
            "^(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}(/(0|[1-9][0-9]?))?$");
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowSingleSegment(false)
            .allowIPv6(false)
            .allowMask(false)
            .allowWildcardedSeparator(false)
            .getIPv4AddressParametersBuilder()
            .allow_inet_aton(false)
            .allowLeadingZeros(false)
            .allowWildcardedSeparator(false)
            .allowBinary(false)
            .getParentBuilder()
            .toParams();

    private Ipv4() {
    }

    /** @return the address, or empty when {@code text} is not a dotted-quad IPv4 address */
    public static Optional<Long> parse(String text) {
        return address(text, false).map(a -> a.longValue());
    }

    /** @return the parsed address or network, or empty when {@code text} is not IPv4 in strict form */
    static Optional<IPv4Address> address(String text, boolean withPrefix) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            IPAddress parsed = new IPAddressString(text, STRICT).toAddress();
            boolean prefixed = parsed.getNetworkPrefixLength() != null;
            if (!parsed.isIPv4() || prefixed != withPrefix || parsed.isMultiple() && !prefixed) {
                return Optional.empty();
            }
            return Optional.of(parsed.toIPv4());
        } catch (AddressStringException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** @return {@code value} in dotted-quad form */
    public static String format(long value) {
        return new IPv4Address((int) value).toNormalizedString();
    }
}
