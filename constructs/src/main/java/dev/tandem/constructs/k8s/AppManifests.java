package dev.tandem.constructs.k8s;

import dev.tandem.constructs.health.HealthContract;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an {@link AppSpec} into its Kubernetes objects, in the order {@code kubectl apply -k} should
 * create them. Every object after the Deployment derives its selector and ports from the Deployment,
 * so they are written once. Package-private: used by {@link K8sAppCluster}.
 */
final class AppManifests {
    /** How long a fresh pod may take to answer its health path before it is restarted. */
    private static final Duration STARTUP_BUDGET = Duration.ofMinutes(2);
    /** The unprivileged user and group the container runs as when the image does not say. */
    private static final long RUN_AS = 10001;
    /** Keeps OVH's load balancer off the public network. */
    static final String INTERNAL_LB_ANNOTATION = "service.beta.kubernetes.io/openstack-internal-load-balancer";
    private static final String NAME_LABEL = "app.kubernetes.io/name";
    private static final String HTTP = "http";

    private AppManifests() {
    }

    /**
     * @param app       the application
     * @param multiZone whether the nodes span several zones (then pods must spread over them)
     * @param serviceIp the private address the Service's load balancer takes
     * @return Namespace, Deployment, Service, the Ingress if asked for, PodDisruptionBudget and, with
     *         autoscaling, the HPA
     */
    static List<Manifest> render(AppSpec app, boolean multiZone, String serviceIp) {
        Deployment deployment = deployment(app, multiZone);
        LabelSelector selector = deployment.getSpec().getSelector();
        Service service = service(app, deployment, serviceIp);
        List<Manifest> out = new ArrayList<>(List.of(
                new Manifest("namespace.yaml", namespace(app)),
                new Manifest("deployment.yaml", deployment),
                new Manifest("service.yaml", service)));
        app.ingress().ifPresent(spec -> out.add(new Manifest("ingress.yaml", ingress(app, spec, service))));
        out.add(new Manifest("pdb.yaml", podDisruptionBudget(app, selector)));
        app.autoscaling().ifPresent(h -> out.add(new Manifest("hpa.yaml", new HorizontalPodAutoscalerBuilder()
                .withMetadata(meta(app, app.name()))
                .withNewSpec()
                .withNewScaleTargetRef().withApiVersion(deployment.getApiVersion()).withKind(deployment.getKind())
                .withName(deployment.getMetadata().getName()).endScaleTargetRef()
                .withMinReplicas(h.minReplicas())
                .withMaxReplicas(h.maxReplicas())
                .addNewMetric().withType("Resource").withNewResource().withName("cpu")
                .withNewTarget().withType("Utilization").withAverageUtilization(h.targetCpuPercent()).endTarget()
                .endResource().endMetric()
                .endSpec()
                .build())));
        return out;
    }

    private static Map<String, String> selectorLabels(AppSpec app) {
        return Map.of(NAME_LABEL, app.name());
    }

    private static ObjectMeta meta(AppSpec app, String name) {
        Map<String, String> labels = new TreeMap<>(selectorLabels(app));
        labels.put("app.kubernetes.io/managed-by", "tandem");
        return new ObjectMetaBuilder().withName(name).withNamespace(app.effectiveNamespace()).withLabels(labels).build();
    }

    private static Namespace namespace(AppSpec app) {
        // Pod Security Admission enforces the "restricted" profile, which the pod below satisfies:
        // anything weaker deployed here by hand is refused.
        return new NamespaceBuilder()
                .withNewMetadata().withName(app.effectiveNamespace())
                .withLabels(new TreeMap<>(Map.of("app.kubernetes.io/managed-by", "tandem",
                        "pod-security.kubernetes.io/enforce", "restricted")))
                .endMetadata()
                .build();
    }

    private static Deployment deployment(AppSpec app, boolean multiZone) {
        LabelSelector selector = new LabelSelectorBuilder().withMatchLabels(selectorLabels(app)).build();
        return new DeploymentBuilder()
                .withMetadata(meta(app, app.name()))
                .withNewSpec()
                // With an autoscaler the count is its to set; a fixed count here would reset it on every apply.
                .withReplicas(app.autoscaling().isPresent() ? null : app.replicas())
                .withSelector(selector)
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxUnavailable(new IntOrString(0)).withMaxSurge(new IntOrString(1))
                .endRollingUpdate().endStrategy()
                .withNewTemplate()
                .withNewMetadata().withLabels(meta(app, app.name()).getLabels()).endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(RUN_AS).withRunAsGroup(RUN_AS)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .withTopologySpreadConstraints(spread(selector, multiZone))
                .withContainers(container(app))
                // The root filesystem is read-only; /tmp is the one writable place.
                .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static List<TopologySpreadConstraint> spread(LabelSelector selector, boolean multiZone) {
        // Across zones strictly where there are several, so losing one zone never takes every pod;
        // across nodes best-effort, so a short node count delays nothing.
        return List.of(
                new TopologySpreadConstraintBuilder().withTopologyKey("topology.kubernetes.io/zone").withMaxSkew(1)
                        .withWhenUnsatisfiable(multiZone ? "DoNotSchedule" : "ScheduleAnyway")
                        .withLabelSelector(selector).build(),
                new TopologySpreadConstraintBuilder().withTopologyKey("kubernetes.io/hostname").withMaxSkew(1)
                        .withWhenUnsatisfiable("ScheduleAnyway").withLabelSelector(selector).build());
    }

    private static Container container(AppSpec app) {
        HealthContract health = app.health();
        Resources r = app.resources();
        return new ContainerBuilder()
                .withName(app.name())
                .withImage(app.image())
                .addNewPort().withName(HTTP).withContainerPort(app.effectiveContainerPort()).withProtocol("TCP").endPort()
                .withEnv(DataEnvironment.of(app))
                // Startup gates the other two, so a slow start is not mistaken for a hang.
                .withStartupProbe(processProbe(health, health.interval(),
                        (int) Math.ceil((double) STARTUP_BUDGET.toMillis() / health.interval().toMillis())))
                // Readiness drains the pod after two failed checks; liveness restarts it only after six
                // intervals, so a slow dependency makes pods unready, not restarted.
                .withReadinessProbe(probe(health, health.interval(), 2))
                .withLivenessProbe(processProbe(health, health.interval().multipliedBy(2), 3))
                .withNewResources()
                .withRequests(new TreeMap<>(Map.of("cpu", new Quantity(r.cpuRequestMillis() + "m"),
                        "memory", new Quantity(r.memoryRequestMebibytes() + "Mi"))))
                .withLimits(new TreeMap<>(Map.of("cpu", new Quantity(r.cpuLimitMillis() + "m"),
                        "memory", new Quantity(r.memoryLimitMebibytes() + "Mi"))))
                .endResources()
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withReadOnlyRootFilesystem(true)
                .withAllowPrivilegeEscalation(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                .build();
    }

    /**
     * Startup and liveness: the contract's path when it answers for the app alone; a TCP connection
     * to its port when it also answers for the data, so an outage of the data drains the pods through
     * readiness without restarting them (see {@code HealthScope.APP_AND_DATA}).
     */
    private static Probe processProbe(HealthContract health, Duration period, int failureThreshold) {
        if (!health.includesData()) {
            return probe(health, period, failureThreshold);
        }
        return new ProbeBuilder()
                .withNewTcpSocket().withPort(new IntOrString(health.port())).endTcpSocket()
                .withPeriodSeconds(seconds(period))
                .withTimeoutSeconds(seconds(health.timeout()))
                .withFailureThreshold(failureThreshold)
                .withSuccessThreshold(1)
                .build();
    }

    /** Kubernetes counts any 2xx or 3xx as healthy; the contract's exact status is HAProxy's and the edge's to check. */
    private static Probe probe(HealthContract health, Duration period, int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet().withPath(health.path()).withPort(new IntOrString(health.port()))
                .withScheme("HTTP").endHttpGet()
                .withPeriodSeconds(seconds(period))
                .withTimeoutSeconds(seconds(health.timeout()))
                .withFailureThreshold(failureThreshold)
                .withSuccessThreshold(1)
                .build();
    }

    private static int seconds(Duration d) {
        return (int) Math.max(1, (d.toMillis() + 999) / 1000);
    }

    private static Service service(AppSpec app, Deployment deployment, String serviceIp) {
        List<ServicePort> ports = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> c.getPorts().stream())
                .map((ContainerPort p) -> new ServicePortBuilder().withName(p.getName()).withProtocol(p.getProtocol())
                        .withPort(p.getContainerPort()).withTargetPort(new IntOrString(p.getName())).build())
                .toList();
        ObjectMeta meta = meta(app, app.name());
        // Internal: the load balancer gets only an address on the private network, where HAProxy reaches
        // it ("the loadbalancer will only have an IP on the private network", OVH guide "Expose your
        // applications using OVHcloud Public Cloud Load Balancer", github.com/ovh/ovhcloud-docs
        // docs/en/guides/public-cloud/containers-orchestration/managed-kubernetes/
        // expose-applications-using-load-balancer.mdx, updated 2025-10-29). No class annotation: OVH's
        // Octavia load balancer is the default from Kubernetes 1.31 ("you do not need to specify any
        // annotation", same page), and KubernetesVersions offers nothing older.
        meta.setAnnotations(new TreeMap<>(Map.of(INTERNAL_LB_ANNOTATION, "true")));
        return new ServiceBuilder()
                .withMetadata(meta)
                .withNewSpec()
                .withType("LoadBalancer")
                // The fixed private address. OVH documents two ways. (1) The annotation
                // loadbalancer.openstack.org/port-id naming an OpenStack port pre-created with that address
                // ("Use a fixed Virtual-IP (VIP)", same page): the ovh/ovh provider has no port resource,
                // so it needs the OpenStack provider or CLI and OpenStack credentials, and the port's id is
                // known only after an apply, so these static manifests could not carry it. (2)
                // spec.loadBalancerIP, which the cloud controller OVH's is based on (cloud-provider-openstack
                // 1.29, per OVH's "plugins and software versions" guide) makes the VIP of an internal
                // load balancer: "if loadBalancerIP != "" && svcConf.internal { createOpts.VipAddress =
                // loadBalancerIP }" (kubernetes/cloud-provider-openstack v1.29.0
                // pkg/openstack/loadbalancer.go, createOctaviaLoadBalancer; same in v1.36.0). OVH itself
                // documents loadBalancerIP only for reusing a floating IP, and Kubernetes deprecates the
                // field (still served). Tandem uses (2): the address is known at synth time. Whether OVH's
                // controller honours it for an internal service cannot be checked without an account; if
                // it does not, HAProxy's checks of the address fail and the region stays out of rotation.
                .withLoadBalancerIP(serviceIp)
                .withSelector(deployment.getSpec().getSelector().getMatchLabels())
                .withPorts(ports)
                .endSpec()
                .build();
    }

    private static Ingress ingress(AppSpec app, IngressSpec spec, Service service) {
        ServicePort port = service.getSpec().getPorts().get(0);
        IngressBuilder b = new IngressBuilder()
                .withMetadata(meta(app, app.name()))
                .withNewSpec()
                .withIngressClassName(spec.className())
                .addNewRule().withHost(spec.host().orElse(null))
                .withNewHttp().addNewPath().withPath("/").withPathType("Prefix")
                .withNewBackend().withNewService().withName(service.getMetadata().getName())
                .withNewPort().withName(port.getName()).endPort()
                .endService().endBackend()
                .endPath().endHttp().endRule()
                .endSpec();
        spec.tlsSecretName().ifPresent(secret -> b.editSpec().addToTls(new IngressTLSBuilder()
                .withHosts(spec.host().orElseThrow()).withSecretName(secret).build()).endSpec());
        return b.build();
    }

    private static PodDisruptionBudget podDisruptionBudget(AppSpec app, LabelSelector selector) {
        int minAvailable = app.pdbMinAvailable().orElse(Math.max(0, app.baselineReplicas() - 1));
        return new PodDisruptionBudgetBuilder()
                .withMetadata(meta(app, app.name()))
                .withNewSpec()
                .withMinAvailable(new IntOrString(minAvailable))
                .withSelector(selector)
                // Pods that are not ready anyway may always be evicted, so a crash-looping release can
                // never block a node drain.
                .withUnhealthyPodEvictionPolicy("AlwaysAllow")
                .endSpec()
                .build();
    }
}
