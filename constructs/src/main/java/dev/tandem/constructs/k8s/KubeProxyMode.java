package dev.tandem.constructs.k8s;

import java.util.Locale;

/** How kube-proxy programs Service routing on the nodes ({@code kube_proxy_mode}); fixed at creation. */
public enum KubeProxyMode {
    /** iptables rules: OVH's default. */
    IPTABLES,
    /** IPVS tables: scales better with many Services. */
    IPVS;

    /** @return the value the OVH API expects */
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
