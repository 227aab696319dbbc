package dev.tandem.constructs.k8s;

import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Scopes;
import com.hashicorp.cdktf.Annotations;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.core.BackendTarget;
import dev.tandem.constructs.core.SideFile;
import dev.tandem.constructs.core.TerraformStrings;
import dev.tandem.constructs.network.Ipv4;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.providers.ovh.cloud_project_kube.CloudProjectKube;
import dev.tandem.providers.ovh.cloud_project_kube.CloudProjectKubeTimeouts;
import dev.tandem.providers.ovh.cloud_project_kube.CloudProjectKubePrivateNetworkConfiguration;
import dev.tandem.providers.ovh.cloud_project_kube_nodepool.CloudProjectKubeNodepool;
import dev.tandem.providers.ovh.cloud_project_kube_nodepool.CloudProjectKubeNodepoolTemplate;
import dev.tandem.providers.ovh.cloud_project_kube_nodepool.CloudProjectKubeNodepoolTemplateMetadata;
import dev.tandem.providers.ovh.cloud_project_kube_nodepool.CloudProjectKubeNodepoolTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * An OVH Managed Kubernetes cluster on the region's private network, its node pools, and the app it
 * runs as Kubernetes manifests written to {@code cdktf.out/stacks/<stack>/k8s/} (apply them with
 * {@code kubectl apply -k}).
 *
 * <pre>{@code
 * K8sAppCluster app = K8sAppCluster.Builder.create(stack, "app")
 *     .network(network)                          // cloud project, region and zones come from it
 *     .app(AppSpec.builder().name("orders").image("registry.example.com/orders:1.4.2").health(health).build())
 *     .build();
 * }</pre>
 *
 * <p>In a multi-zone region the cluster gets one node pool per zone of the network; in a one-zone
 * region one pool with anti-affinity.
 *
 * <p>HAProxy reaches the app through its Service, an internal {@code LoadBalancer} with a fixed private address
 * from the region's subnet: {@link #backendServers()} hands that address and the app's port to a
 * {@link dev.tandem.constructs.haproxy.HaproxyTier}. Until the manifests are applied HAProxy's checks of it fail,
 * so the region stays out of rotation.
 *
 * <p>No Ingress is written unless {@link AppSpec.Builder#ingress(IngressSpec)} asks for one: HAProxy
 * sends traffic to the Service directly, and OVH Managed Kubernetes installs no ingress controller.
 *
 * <p>Attributes: {@link #plan()}, {@link #clusterId()}, {@link #kubeconfigOutput()}, {@link #nodePools()},
 * {@link #serviceIp()}, {@link #manifests()}. Escape hatch: {@link #resource()}.
 *
 * <p>What OVH needs at apply time, why the Service and not NodePort, and the sources: the
 * {@link dev.tandem.constructs.k8s package documentation}.
 */
public class K8sAppCluster extends Construct implements BackendTarget {
    /**
     * How long the cluster's create waits for {@code READY}. The provider's default is 15 minutes
     * ({@code Timeouts.Create} in {@code ovh/resource_cloud_project_kube.go}), and its create sets the
     * resource id only once the cluster is {@code READY} ({@code resourceCloudProjectKubeCreate}): a create
     * that times out leaves a cluster OVH keeps building and billing but that Terraform's state does not
     * hold, so the next apply creates a second one. A 3-AZ Standard cluster (control plane across three
     * zones, gateway, load-balancer subnet) may take longer than 15 minutes; how long is not published
     * (unverified). An hour costs nothing when the create is quick and only delays the error when it fails.
     */
    static final String CREATE_TIMEOUT = "60m";

    private final K8sAppClusterProps props;
    private final ClusterPlan plan;
    private final CloudProjectKube kube;
    private final List<CloudProjectKubeNodepool> nodePools = new ArrayList<>();
    private final TerraformOutput kubeconfig;
    private final String serviceIp;
    private final List<Manifest> manifests;

    /**
     * Creates the cluster; invalid props throw {@link dev.tandem.constructs.core.ValidationException}
     * listing every problem. Prefer {@link Builder}.
     *
     * @param scope the region's stack (or a construct in it), the stack of the props' network
     * @param id    construct id
     * @param props the cluster's description
     */
    public K8sAppCluster(@NotNull Construct scope, @NotNull String id, K8sAppClusterProps props) {
        super(Scopes.checked(scope, id, "K8sAppCluster"), id);
        Problems p = Problems.at(this);
        K8sAppClusterValidation.validate(this, props, p);
        p.throwIfAny();
        this.props = props;
        RegionNetwork network = props.network();
        AppSpec app = props.app();
        ImageReference.parse(app.image()).filter(ImageReference::isFloatingLatest).ifPresent(i ->
                Annotations.of(this).addWarning("app.image " + app.image()
                        + " uses :latest, which can change under a running Deployment; pin a version or a digest"));
        this.plan = props.plan().or(() -> MksPlanRegions.onlyPlanIn(network.region())).orElseThrow();
        CloudProjectKube.Builder kubeBuilder = CloudProjectKube.Builder.create(this, "kube")
                .serviceName(network.cloudProject())
                .region(network.region())
                .name(TerraformStrings.literal(props.clusterName().orElse(getNode().getPath().replace('/', '-'))))
                .version(props.kubernetesVersion())
                .plan(plan.apiValue())
                .updatePolicy(props.updatePolicy().name())
                .kubeProxyMode(props.kubeProxyMode().apiValue())
                .privateNetworkId(network.openstackNetworkId())
                .nodesSubnetId(network.subnetId())
                .loadBalancersSubnetId(network.subnetId())
                .timeouts(CloudProjectKubeTimeouts.builder().create(CREATE_TIMEOUT).build());
        if (plan == ClusterPlan.FREE) {
            // Free nodes have public interfaces: they keep their own egress, and only cluster traffic
            // uses the vRack, as the provider's Free example on a subnet with a managed gateway does.
            // Standard does not take this block (see the class comment), so it is sent on Free only.
            kubeBuilder.privateNetworkConfiguration(CloudProjectKubePrivateNetworkConfiguration.builder()
                    .defaultVrackGateway("").privateNetworkRoutingAsDefault(false).build());
        }
        // The router must exist before the cluster: "Gateway is mandatory for multizones cluster".
        network.gateway().ifPresent(gateway -> kubeBuilder.dependsOn(List.of(gateway)));
        this.kube = kubeBuilder.build();
        getNode().setDefaultChild(this.kube);
        if (network.multiZone()) {
            network.zones().forEach(zone -> nodePools.add(nodePool("pool-" + zone, Optional.of(zone), false)));
        } else {
            nodePools.add(nodePool("pool", Optional.empty(), true));
        }
        this.kubeconfig = TerraformOutput.Builder.create(this, "kubeconfig")
                .value(kube.getKubeconfig())
                .sensitive(true)
                .description("kubeconfig of " + getNode().getPath() + " (sensitive: read with terraform output -raw)")
                .build();
        this.serviceIp = app.serviceIp().orElse(defaultServiceIp(network));
        LoadBalancerAddresses.on(network).take(serviceIp, this);
        this.manifests = AppManifests.render(app, network.multiZone(), serviceIp);
        for (Manifest m : manifests) {
            new SideFile(this, "k8s-" + m.fileName(), props.manifestFolder() + "/" + m.fileName(),
                    ManifestYaml.write(m.object()));
        }
        new SideFile(this, "k8s-kustomization.yaml", props.manifestFolder() + "/kustomization.yaml",
                ManifestYaml.kustomization(manifests));
    }

    /**
     * @return the load balancer address a cluster takes on {@code network} unless told otherwise: the highest of
     *         the region's fixed addresses (its subnet's highest usable one, on a network of its own)
     */
    static String defaultServiceIp(RegionNetwork network) {
        return Ipv4.format(network.fixedAddresses().last());
    }

    private CloudProjectKubeNodepool nodePool(String name, Optional<String> zone, boolean antiAffinity) {
        NodePoolSpec spec = props.nodePool();
        CloudProjectKubeNodepool.Builder b = CloudProjectKubeNodepool.Builder.create(this, name)
                .serviceName(kube.getServiceName())
                .kubeId(kube.getId())
                .name(name)
                .flavorName(spec.flavor())
                .desiredNodes(spec.desiredNodes())
                .minNodes(spec.minNodes())
                .maxNodes(spec.maxNodes())
                .autoscale(spec.autoscale())
                .antiAffinity(antiAffinity)
                .template(CloudProjectKubeNodepoolTemplate.builder()
                        .metadata(CloudProjectKubeNodepoolTemplateMetadata.builder()
                                .labels(spec.labels()).annotations(Map.of()).finalizers(List.of()).build())
                        .spec(CloudProjectKubeNodepoolTemplateSpec.builder().unschedulable(false)
                                .taints(spec.taints().stream().map(Taint::toTemplateMap).toList()).build())
                        .build());
        zone.ifPresent(z -> b.availabilityZones(List.of(z)));
        if (spec.autoscale()) {
            // The provider reads the autoscaler's count into state and sends desired_nodes on every
            // update, so without this each apply would resize the pool back to the configured count.
            b.lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("desired_nodes")).build());
        }
        return b.build();
    }

    /** @return the load balancer's address and the app's port: one server, the Service spreads over the pods */
    @Override
    public List<BackendServer> backendServers() {
        return List.of(BackendServer.of(props.app().name(), serviceIp, props.app().effectiveContainerPort()));
    }

    /**
     * @return the Ingress's host, the name clients reach the app by; empty without an Ingress or when it
     *         matches every host (a HAProxy tier in front then needs its {@code checkHost})
     */
    @Override
    public Optional<String> hostname() {
        return props.app().ingress().flatMap(IngressSpec::host);
    }

    /** @return the region's network the Service's fixed address is on */
    @Override
    public Optional<IConstruct> network() {
        return Optional.of(props.network());
    }

    /** @return the props the cluster was built from */
    public K8sAppClusterProps props() {
        return props;
    }

    /** @return the cluster's Managed Kubernetes plan: the one set, else the one the region offers */
    public ClusterPlan plan() {
        return plan;
    }

    /** @return the cluster id (a Terraform reference) */
    public String clusterId() {
        return kube.getId();
    }

    /** @return the sensitive output holding the kubeconfig; it is never written anywhere else */
    public TerraformOutput kubeconfigOutput() {
        return kubeconfig;
    }

    /** @return the node pools: one per zone in a multi-zone region, else one */
    public List<CloudProjectKubeNodepool> nodePools() {
        return List.copyOf(nodePools);
    }

    /** @return the fixed private address of the app's load balancer */
    public String serviceIp() {
        return serviceIp;
    }

    /** @return the app's Kubernetes objects, in apply order */
    public List<Manifest> manifests() {
        return manifests;
    }

    /** @return the underlying {@code ovh_cloud_project_kube}, the node's default child (escape hatch) */
    public CloudProjectKube resource() {
        return kube;
    }

    /** Fluent creation in the style of the AWS CDK: {@code K8sAppCluster.Builder.create(scope, id)…build()}. */
    public static final class Builder extends K8sAppClusterProps.BuilderBase<Builder> {
        private final Construct scope;
        private final String id;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /**
         * @param scope the region's stack (or a construct in it), the stack of the network
         * @param id    construct id
         * @return a builder for a cluster under {@code scope}
         */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @return the cluster, validated (throws ValidationException listing every problem) */
        public K8sAppCluster build() {
            return new K8sAppCluster(scope, id, props());
        }
    }
}
