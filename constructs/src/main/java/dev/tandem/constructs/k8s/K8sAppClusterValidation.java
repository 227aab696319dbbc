package dev.tandem.constructs.k8s;

import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.network.Ipv4;
import dev.tandem.constructs.network.Ipv4Cidr;
import dev.tandem.constructs.network.RegionNetwork;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.constructs.Construct;

/**
 * Checks {@link K8sAppClusterProps} against OVH's and Kubernetes' rules, and against the network and
 * the other clusters on it, before anything is synthesized.
 */
final class K8sAppClusterValidation {
    /** A relative folder of plain names: no {@code .}/{@code ..}, no absolute path, no empty part. */
    private static final Pattern FOLDER = Pattern.compile(
            "^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$");

    private K8sAppClusterValidation() {
    }

    /**
     * Records every problem of {@code props}; throws nothing.
     *
     * @param scope the cluster being built (it must share its network's stack)
     * @param props its description
     * @param p     where to record problems
     */
    static void validate(Construct scope, K8sAppClusterProps props, Problems p) {
        if (p.present(props, "props", "build the cluster with K8sAppCluster.Builder.create(scope, id)…build()")) {
            RegionNetwork network = props.network();
            boolean networkOk = p.present(network, "network", "pass the region's RegionNetwork")
                    && inStackOf(p, scope, network);
            checkVersion(p, props.kubernetesVersion());
            if (networkOk) {
                checkPlanAndNetwork(p, network, props.plan());
            }
            p.present(props.updatePolicy(), "updatePolicy", "omit it for MINIMAL_DOWNTIME");
            p.present(props.kubeProxyMode(), "kubeProxyMode", "omit it for IPTABLES");
            if (p.present(props.manifestFolder(), "manifestFolder", "omit it for k8s")) {
                p.require(FOLDER.matcher(props.manifestFolder()).matches(), "manifestFolder", props.manifestFolder(),
                        "must be a relative folder of plain names (letters, digits, '.', '_', '-')",
                        "use e.g. k8s/orders");
            }
            if (p.present(props.nodePool(), "nodePool", "omit it for NodePoolSpec.defaults()")
                    && props.nodePool().validate(p.nested("nodePool")) && networkOk && !network.multiZone()) {
                int max = props.nodePool().maxNodes();
                p.nested("nodePool").require(max <= NodePoolSpec.ANTI_AFFINITY_MAX_NODES, "maxNodes", max,
                        network.region() + " has one zone, so the cluster gets one anti-affinity pool, which OVH "
                                + "caps at " + NodePoolSpec.ANTI_AFFINITY_MAX_NODES + " nodes",
                        "lower maxNodes to " + NodePoolSpec.ANTI_AFFINITY_MAX_NODES + " or pick a bigger flavor");
            }
            if (p.present(props.app(), "app", "describe the app with AppSpec.builder()…build()")) {
                props.app().validate(p.nested("app"));
                if (networkOk) {
                    checkServiceIp(p.nested("app"), network, props.app());
                }
            }
        }
    }

    private static boolean inStackOf(Problems p, Construct scope, RegionNetwork network) {
        if (scope.getNode().getScopes().contains(network.stack())) {
            return true;
        }
        p.add("network", network.getNode().getPath(), "must be in the cluster's stack: the cluster reads the "
                + "network's ids, which Terraform cannot read across stacks", "create the cluster in the stack of its network");
        return false;
    }

    private static void checkVersion(Problems p, String version) {
        if (!p.present(version, "kubernetesVersion", "omit it for " + K8sAppClusterProps.DEFAULT_KUBERNETES_VERSION)) {
            return;
        }
        if (ManifestValues.isToken(version)) {
            p.add("kubernetesVersion", "an unresolved Terraform value", "must be known at synth time: the "
                    + "manifests are written for it", "write the minor, e.g. " + K8sAppClusterProps.DEFAULT_KUBERNETES_VERSION);
            return;
        }
        p.require(KubernetesVersions.isOffered(version), "kubernetesVersion", version,
                "must be a Kubernetes minor OVH Managed Kubernetes offers for new clusters, without a patch number ("
                        + String.join(", ", KubernetesVersions.OFFERED) + " as of 2026-04-09)",
                "use one of " + String.join(", ", KubernetesVersions.OFFERED));
    }

    /**
     * The plan must be one the region offers (Standard wherever the cluster spans zones: "3-AZ …
     * Available exclusively on the Standard plan", OVH's table of plans per region), a multi-zone
     * cluster needs the network's gateway, and the network's range must stay clear of the ranges the
     * plan uses inside the cluster. Sources: {@link ClusterPlan}, {@link MksPlanRegions}.
     */
    private static void checkPlanAndNetwork(Problems p, RegionNetwork network, Optional<ClusterPlan> given) {
        String region = network.region();
        Optional<ClusterPlan> offered = MksPlanRegions.onlyPlanIn(region);
        if (network.multiZone() && !network.hasGateway()) {
            p.add("network", network.getNode().getPath() + " (no gateway)", "must have a gateway: OVH requires one "
                    + "for a multi-zone cluster (\"Gateway is mandatory for multizones cluster\", "
                    + "terraform-provider-ovh docs/resources/cloud_project_kube.md)",
                    "build " + network.gatewayOwner().getNode().getPath() + " without gateway(GatewaySpec.none())");
        }
        Optional<ClusterPlan> plan = given.or(() -> offered);
        if (plan.isEmpty()) {
            p.add("plan", null, "is required: OVH's table of plans per region (2026-02-03) does not list " + region,
                    "set plan(ClusterPlan.STANDARD) or plan(ClusterPlan.FREE), whichever OVH offers in " + region);
            return;
        }
        if (network.multiZone() && plan.get() != ClusterPlan.STANDARD) {
            p.add("plan", plan.get(), "must be STANDARD: " + region + " spreads the cluster over "
                    + network.zones().size() + " zones, which only the Standard plan does",
                    "use ClusterPlan.STANDARD, or leave plan unset");
        } else if (offered.isPresent() && offered.get() != plan.get()) {
            p.add("plan", plan.get(), "is not offered in " + region + ", which offers only " + offered.get()
                    + " (OVH's table of plans per region, 2026-02-03)", "use ClusterPlan." + offered.get()
                    + ", or leave plan unset");
        }
        for (Ipv4Cidr reserved : plan.get().reservedRanges()) {
            p.require(!network.cidr().overlaps(reserved), "network", network.getNode().getPath() + " ("
                    + network.cidr() + ")", "must not overlap " + reserved + ", which the " + plan.get()
                    + " plan uses for pods or services inside the cluster (OVH Managed Kubernetes known limits)",
                    "give the network a range clear of " + plan.get().reservedRanges().stream()
                            .map(Ipv4Cidr::toString).collect(Collectors.joining(", ")) + ", e.g. 10.10.0.0/16");
        }
    }

    /**
     * The load balancer's address must be out of DHCP's reach, or a node could lease it first, and
     * must not be another cluster's on the same network, or the second load balancer never comes up.
     */
    private static void checkServiceIp(Problems p, RegionNetwork network, AppSpec app) {
        Optional<String> given = app.serviceIp();
        Optional<Long> address = given.filter(ip -> !ManifestValues.isToken(ip)).flatMap(Ipv4::parse);
        if (given.isPresent() && address.isEmpty()) {
            return; // the app's own check reported the token or the shape
        }
        address.ifPresent(value -> p.require(network.isReservedForFixedAddresses(value), "serviceIp", given.get(),
                "must be one of the region's fixed addresses " + network.fixedAddresses() + " of " + network.cidr()
                        + ", which DHCP does not hand out", "omit it to use " + Ipv4.format(network.fixedAddresses().last())
                        + ", or pick one just below it"));
        String ip = given.orElse(K8sAppCluster.defaultServiceIp(network));
        LoadBalancerAddresses.on(network).takenBy(ip).ifPresent(other -> p.add("serviceIp",
                given.orElse(ip + " (the default)"), "is already the load balancer address of "
                        + other.getNode().getPath() + " on the same network", "give each cluster on "
                        + network.getNode().getPath() + " its own serviceIp from " + network.fixedAddresses()));
    }
}
