package dev.tandem.constructs.core;

import java.util.regex.Pattern;

/**
 * The one DNS-name rule every construct uses (RFC 1123 host names, in the lower case Cloudflare,
 * Kubernetes and HAProxy's Host checks all expect): labels of 1–63 letters, digits and {@code -},
 * alphanumeric at both ends, at most 253 characters in all, no trailing dot, not an IPv4 address.
 */
public final class DnsNames {
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    private static final Pattern DOTTED_QUAD = Pattern.compile("^[0-9]+(\\.[0-9]+){3}$");

    private DnsNames() {
    }

    /** @return true for one DNS label, e.g. {@code api} */
    public static boolean isLabel(String label) {
        return label != null && LABEL.matcher(label).matches();
    }

    /** @return true for a host name of one or more labels, e.g. {@code app.example.com} or {@code localhost} */
    public static boolean isHostname(String name) {
        if (name == null || name.isEmpty() || name.length() > 253 || DOTTED_QUAD.matcher(name).matches()) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!isLabel(label)) {
                return false;
            }
        }
        return true;
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
