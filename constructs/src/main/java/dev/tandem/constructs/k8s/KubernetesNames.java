package dev.tandem.constructs.k8s;

import dev.tandem.constructs.core.DnsNames;
import java.util.regex.Pattern;

/**
 * The name rules of the Kubernetes API (apimachinery's validation), checked before the API server
 * does. DNS labels and subdomains use the library's one DNS rule ({@link DnsNames}); only what is
 * Kubernetes' own (label keys and values, Service names) is here.
 */
final class KubernetesNames {
    private static final Pattern LABEL_VALUE = Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");

    private KubernetesNames() {
    }

    /** @return true for a DNS-1123 label: at most 63 of a-z, 0-9 and '-', alphanumeric at both ends */
    static boolean isLabel(String name) {
        return DnsNames.isLabel(name);
    }

    /** @return true for a DNS-1123 label that starts with a letter, as Service names must (DNS-1035) */
    static boolean isServiceName(String name) {
        return isLabel(name) && Character.isLetter(name.charAt(0));
    }

    /**
     * @return true for a DNS-1123 subdomain: dot-separated labels, at most 253 characters. The shared
     *         rule also refuses a dotted quad, which Kubernetes would take but no Secret, IngressClass or
     *         label prefix needs.
     */
    static boolean isSubdomain(String name) {
        return DnsNames.isHostname(name);
    }

    /** @return true for an Ingress host: a DNS-1123 subdomain, optionally with a leading {@code *.}, not an IP */
    static boolean isIngressHost(String host) {
        return host != null && DnsNames.isHostname(host.startsWith("*.") ? host.substring(2) : host);
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
