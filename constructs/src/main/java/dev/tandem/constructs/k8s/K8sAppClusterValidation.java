package dev.tandem.constructs.k8s;

import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.network.Ipv4;
import dev.tandem.constructs.network.Ipv4Cidr;
import java.util.HashSet;
import java.util.Set;

/** Checks {@link K8sAppClusterProps} against OVH's and Kubernetes' rules before anything is synthesized. */
final class K8sAppClusterValidation {
    private K8sAppClusterValidation() {
    }

    static void validate(String path, K8sAppClusterProps props) {
        Problems p = new Problems(path);
        p.require(props.kubernetesVersion() != null && props.kubernetesVersion().matches("^1\\.[0-9]{2}$"),
                "kubernetesVersion", props.kubernetesVersion(), "must be a Kubernetes minor version such as 1.33",
                "use one of the minors OVH MKS offers, without a patch number");
        checkZones(p, props);
        checkNodePool(p, props);
        checkApp(p, props);
        p.throwIfAny();
    }

    private static void checkZones(Problems p, K8sAppClusterProps props) {
        Set<String> seen = new HashSet<>();
        for (String zone : props.zones()) {
            p.require(KubernetesNames.isLabel(zone), "zones[" + zone + "]", zone,
                    "must be an OVH availability zone name", "use e.g. eu-west-par-a");
            p.require(seen.add(zone), "zones[" + zone + "]", zone, "appears more than once", "list each zone once");
        }
    }

    private static void checkNodePool(Problems p, K8sAppClusterProps props) {
        NodePoolSpec n = props.nodePool();
        p.require(n.flavor() != null && n.flavor().matches("^[a-z0-9][a-z0-9.-]*$"), "nodePool.flavor", n.flavor(),
                "must be an OVH instance flavor name", "use e.g. b3-8");
        boolean counted = p.require(n.minNodes() >= 0 && n.minNodes() <= n.desiredNodes()
                        && n.desiredNodes() <= n.maxNodes(), "nodePool.nodes",
                n.desiredNodes() + " (" + n.minNodes() + "–" + n.maxNodes() + ")",
                "must satisfy 0 ≤ min ≤ desired ≤ max", "adjust nodes(desired, min, max)");
        if (counted && !props.multiZone()) {
            p.require(n.maxNodes() <= NodePoolSpec.ANTI_AFFINITY_MAX_NODES, "nodePool.nodes.max", n.maxNodes(),
                    "a single-zone region gets one anti-affinity pool, which OVH caps at "
                            + NodePoolSpec.ANTI_AFFINITY_MAX_NODES + " nodes",
                    "lower max to " + NodePoolSpec.ANTI_AFFINITY_MAX_NODES + " or pick a bigger flavor");
        }
        n.labels().forEach((k, v) -> p.require(KubernetesNames.isLabelKey(k) && KubernetesNames.isLabelValue(v),
                "nodePool.labels[" + k + "]", v, "must be a valid Kubernetes label key and value",
                "use e.g. tandem.dev/role=app"));
        for (Taint t : n.taints()) {
            p.require(KubernetesNames.isLabelKey(t.key()) && KubernetesNames.isLabelValue(t.value()),
                    "nodePool.taints[" + t.key() + "]", t.value(), "must have a label-style key and value",
                    "use e.g. new Taint(\"dedicated\", \"app\", Taint.Effect.NoSchedule)");
        }
    }

    private static void checkApp(Problems p, K8sAppClusterProps props) {
        AppSpec a = props.app();
        p.require(KubernetesNames.isServiceName(a.name()), "app.name", a.name(),
                "must be a DNS-1123 label starting with a letter (it also names the Service)",
                "use lower-case letters, digits and '-', e.g. orders-api");
        p.require(KubernetesNames.isLabel(a.namespace()), "app.namespace", a.namespace(),
                "must be a DNS-1123 label", "use lower-case letters, digits and '-', at most 63");
        ImageReference.parse(a.image()).ifPresentOrElse(
                image -> p.require(image.isPinned(), "app.image", a.image(), "must name a tag or a digest",
                        "append :<version> or @sha256:<digest>"),
                () -> p.add("app.image", a.image(), "must be a container image reference",
                        "use e.g. registry.example.com/team/app:1.4.2"));
        p.require(a.containerPort() >= 1 && a.containerPort() <= 65535, "app.containerPort", a.containerPort(),
                "must be between 1 and 65535", "use the TCP port the app listens on");
        checkReplicas(p, a);
        checkResources(p, a.resources());
        checkIngress(p, a.ingress());
        checkServiceIp(p, props);
    }

    private static void checkReplicas(Problems p, AppSpec a) {
        int minimum = a.allowSingleReplica() ? 1 : 2;
        String optOut = a.allowSingleReplica() ? "" : ", or call allowSingleReplica() for a development cluster";
        if (a.autoscaling().isEmpty()) {
            p.require(a.replicas() >= minimum, "app.replicas", a.replicas(), "must be at least " + minimum
                    + ": one pod means downtime on every rollout and node drain", "run 3 replicas" + optOut);
        }
        a.autoscaling().ifPresent(h -> {
            p.require(h.minReplicas() >= minimum, "app.autoscaling.minReplicas", h.minReplicas(),
                    "must be at least " + minimum, "raise minReplicas" + optOut);
            p.require(h.maxReplicas() >= h.minReplicas(), "app.autoscaling.maxReplicas", h.maxReplicas(),
                    "must be at least minReplicas (" + h.minReplicas() + ")", "raise maxReplicas");
            p.require(h.targetCpuPercent() >= 1 && h.targetCpuPercent() <= 100, "app.autoscaling.targetCpuPercent",
                    h.targetCpuPercent(), "must be 1–100", "use 70");
        });
        a.pdbMinAvailable().ifPresent(min -> {
            p.require(min >= 0, "app.pdbMinAvailable", min, "must not be negative", "use replicas - 1");
            p.require(min < a.baselineReplicas(), "app.pdbMinAvailable", min,
                    "must be below the " + a.baselineReplicas() + " replicas: a budget that keeps every pod "
                            + "blocks all evictions, so nodes can never be drained for upgrades",
                    "use " + Math.max(0, a.baselineReplicas() - 1) + " or leave it unset");
        });
    }

    private static void checkResources(Problems p, Resources r) {
        p.require(r.cpuRequestMillis() > 0 && r.memoryRequestMebibytes() > 0, "app.resources",
                r, "requests must be positive", "request what the app needs at rest, e.g. 250m CPU and 256Mi");
        p.require(r.cpuLimitMillis() >= r.cpuRequestMillis(), "app.resources.cpuLimitMillis", r.cpuLimitMillis(),
                "must not be below the request (" + r.cpuRequestMillis() + "m); Kubernetes rejects it",
                "raise the limit or lower the request");
        p.require(r.memoryLimitMebibytes() >= r.memoryRequestMebibytes(), "app.resources.memoryLimitMebibytes",
                r.memoryLimitMebibytes(), "must not be below the request (" + r.memoryRequestMebibytes()
                        + "Mi); Kubernetes rejects it", "raise the limit or lower the request");
    }

    private static void checkIngress(Problems p, IngressSpec i) {
        i.host().ifPresent(h -> p.require(KubernetesNames.isIngressHost(h), "app.ingress.host", h,
                "must be a DNS host name (lower case, no IP address, no port), optionally starting with *.",
                "use e.g. app.example.com"));
        i.className().ifPresent(c -> p.require(KubernetesNames.isSubdomain(c), "app.ingress.className", c,
                "must be a DNS-1123 subdomain", "use the IngressClass's name, e.g. nginx"));
        i.tlsSecretName().ifPresent(s -> {
            p.require(KubernetesNames.isSubdomain(s), "app.ingress.tlsSecretName", s, "must be a DNS-1123 subdomain",
                    "use the Secret's name, e.g. app-tls");
            p.require(i.host().isPresent(), "app.ingress.tlsSecretName", s,
                    "needs a host: the certificate is served for the Ingress host", "set IngressSpec.forHost(...)");
        });
    }

    private static void checkServiceIp(Problems p, K8sAppClusterProps props) {
        props.app().serviceIp().ifPresent(ip -> {
            Ipv4Cidr cidr = props.network().cidr();
            long value = Ipv4.parse(ip).orElse(-1L);
            // outside DHCP, or a node could lease the load balancer's address first
            p.require(value >= 0 && props.network().isReservedForFixedAddresses(value), "app.serviceIp", ip,
                    "must lie in the top of the region's subnet " + cidr + " that DHCP does not hand out",
                    "omit it to use the subnet's highest address, or pick one just below it");
        });
    }
}
