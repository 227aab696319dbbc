package dev.tandem.constructs.core;

import java.util.regex.Pattern;

/**
 * The one DNS-name rule every construct uses (RFC 1123 host names, in the lower case Cloudflare,
 * Kubernetes and HAProxy's Host checks all expect): labels of 1–63 letters, digits and {@code -},
 * alphanumeric at both ends, at most 253 characters in all, no trailing dot, and a last label that is
 * not all digits. RFC 3696 §2 rules out all-numeric top-level labels because resolvers and libc's
 * {@code inet_aton} read such a name as an IPv4 address ({@code 10.1} is 10.0.0.1, {@code 1.2.3.4}
 * an address), so a dotted quad is refused by the same rule.
 */
public final class DnsNames {
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    private static final Pattern ALL_DIGITS = Pattern.compile("^[0-9]+$");

    private DnsNames() {
    }

    /** @return true for one DNS label, e.g. {@code api} */
    public static boolean isLabel(String label) {
        return label != null && LABEL.matcher(label).matches();
    }

    /**
     * @return true for a host name of one or more labels, e.g. {@code app.example.com} or
     *         {@code localhost}; false when the last label is all digits ({@code 10.1},
     *         {@code app.example.123}, {@code 8080})
     */
    public static boolean isHostname(String name) {
        if (name == null || name.isEmpty() || name.length() > 253) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!isLabel(label)) {
                return false;
            }
        }
        return !ALL_DIGITS.matcher(labels[labels.length - 1]).matches();
    }

    /** @return true for a host name with at least two labels, as a public DNS zone or record needs */
    public static boolean isQualifiedHostname(String name) {
        return isHostname(name) && name.contains(".");
    }

    /** @return true when {@code name} is {@code zone} itself or a name inside it */
    public static boolean isInZone(String name, String zone) {
        return name != null && zone != null && (name.equals(zone) || name.endsWith("." + zone));
    }
}
