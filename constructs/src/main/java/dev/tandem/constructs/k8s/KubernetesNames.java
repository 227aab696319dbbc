package dev.tandem.constructs.k8s;

import dev.tandem.constructs.network.Ipv4;
import java.util.regex.Pattern;

/** The name rules of the Kubernetes API (apimachinery's validation), checked before the API server does. */
final class KubernetesNames {
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    private static final Pattern LABEL_VALUE = Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");

    private KubernetesNames() {
    }

    /** @return true for a DNS-1123 label: at most 63 of a-z, 0-9 and '-', alphanumeric at both ends */
    static boolean isLabel(String name) {
        return name != null && name.length() <= 63 && LABEL.matcher(name).matches();
    }

    /** @return true for a DNS-1123 label that starts with a letter, as Service names must (DNS-1035) */
    static boolean isServiceName(String name) {
        return isLabel(name) && Character.isLetter(name.charAt(0));
    }

    /** @return true for a DNS-1123 subdomain: dot-separated labels, at most 253 characters */
    static boolean isSubdomain(String name) {
        if (name == null || name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String part : name.split("\\.", -1)) {
            if (!isLabel(part)) {
                return false;
            }
        }
        return true;
    }

    /** @return true for an Ingress host: a DNS-1123 subdomain, optionally with a leading {@code *.}, not an IP */
    static boolean isIngressHost(String host) {
        if (host == null || Ipv4.parse(host).isPresent()) {
            return false;
        }
        return isSubdomain(host.startsWith("*.") ? host.substring(2) : host);
    }

    /** @return true for a label key: optional DNS subdomain prefix and '/', then a qualified name of at most 63 */
    static boolean isLabelKey(String key) {
        if (key == null) {
            return false;
        }
        int slash = key.lastIndexOf('/');
        String name = key.substring(slash + 1);
        return (slash < 0 || isSubdomain(key.substring(0, slash)))
                && name.length() <= 63 && QUALIFIED_NAME.matcher(name).matches();
    }

    /** @return true for a label value: empty, or at most 63 alphanumerics, '-', '_' and '.' */
    static boolean isLabelValue(String value) {
        return value != null && value.length() <= 63 && LABEL_VALUE.matcher(value).matches();
    }
}
