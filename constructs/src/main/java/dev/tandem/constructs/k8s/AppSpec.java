package dev.tandem.constructs.k8s;

import dev.tandem.constructs.access.DataWiring;
import dev.tandem.constructs.access.PostgresWiring;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.network.Ipv4;
import java.util.Optional;

/**
 * The application the cluster runs: one container image as a Deployment, published through a
 * private load balancer Service (and, if asked for, an Ingress).
 *
 * <pre>{@code
 * AppSpec.builder().name("orders").image("registry.example.com/orders:1.4.2").health(health).build()
 * }</pre>
 *
 * @param name               DNS-1123 label starting with a letter; names the Deployment, Service,
 *                           Ingress, PDB and HPA, and is the {@code app.kubernetes.io/name} label
 * @param namespace          namespace the app lives in; empty means the app's name ({@link #effectiveNamespace()})
 * @param image              container image pinned by tag or digest, e.g. {@code registry/app:1.4.2}
 *                           or {@code registry/app@sha256:…}
 * @param containerPort      TCP port the container serves on; empty means the health contract's port
 *                           ({@link #effectiveContainerPort()})
 * @param replicas           pods to run when no autoscaling is set
 * @param allowSingleReplica explicit opt-out of the two-replica minimum
 * @param resources          CPU and memory requests and limits
 * @param health             the shared health contract the probes follow
 * @param ingress            an Ingress for an ingress controller in the cluster; empty writes none
 * @param autoscaling        a HorizontalPodAutoscaler, if any
 * @param pdbMinAvailable    pods the PodDisruptionBudget keeps up; empty means one less than the replicas
 * @param serviceIp          fixed private address of the Service's load balancer; empty means the
 *                           highest address of the region's subnet
 * @param data               the app's data: the AWS region and tables its pods are told, and its
 *                           credentials Secret; empty means the app uses no table
 * @param postgres           the app's PostgreSQL database: where its pods connect and the Secret they log
 *                           in with; empty means the app uses none
 */
public record AppSpec(String name, Optional<String> namespace, String image, Optional<Integer> containerPort,
        int replicas, boolean allowSingleReplica, Resources resources, HealthContract health,
        Optional<IngressSpec> ingress, Optional<Autoscaling> autoscaling, Optional<Integer> pdbMinAvailable,
        Optional<String> serviceIp, Optional<DataWiring> data, Optional<PostgresWiring> postgres) {

    /** Replicas without autoscaling, unless set. */
    public static final int DEFAULT_REPLICAS = 3;

    /** Treats a null Optional as empty; values are checked by {@link K8sAppCluster}. */
    public AppSpec {
        namespace = namespace == null ? Optional.empty() : namespace;
        containerPort = containerPort == null ? Optional.empty() : containerPort;
        ingress = ingress == null ? Optional.empty() : ingress;
        autoscaling = autoscaling == null ? Optional.empty() : autoscaling;
        pdbMinAvailable = pdbMinAvailable == null ? Optional.empty() : pdbMinAvailable;
        serviceIp = serviceIp == null ? Optional.empty() : serviceIp;
        data = data == null ? Optional.empty() : data;
        postgres = postgres == null ? Optional.empty() : postgres;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values, to change some of them (unset defaults stay derived) */
    public Builder toBuilder() {
        Builder b = builder().name(name).image(image).replicas(replicas).allowSingleReplica(allowSingleReplica)
                .resources(resources).health(health);
        ingress.ifPresent(b::ingress);
        namespace.ifPresent(b::namespace);
        containerPort.ifPresent(b::containerPort);
        autoscaling.ifPresent(b::autoscaling);
        pdbMinAvailable.ifPresent(b::pdbMinAvailable);
        serviceIp.ifPresent(b::serviceIp);
        data.ifPresent(b::data);
        postgres.ifPresent(b::postgres);
        return b;
    }

    /** @return the namespace the app lives in: {@link #namespace()}, or else the app's name */
    public String effectiveNamespace() {
        return namespace.orElse(name);
    }

    /** @return the TCP port the container serves on: {@link #containerPort()}, or else the health contract's port */
    public int effectiveContainerPort() {
        return containerPort.orElseGet(() -> health.port());
    }

    /**
     * @return the Secret, in the app's namespace, the pods read {@code AWS_ACCESS_KEY_ID} and
     *         {@code AWS_SECRET_ACCESS_KEY} from when the app has {@link #data()}: {@code <name>-aws}
     */
    public String awsCredentialsSecret() {
        return name + "-aws";
    }

    /** @return the replica count the PodDisruptionBudget is measured against: the autoscaler's minimum if any */
    public int baselineReplicas() {
        return autoscaling.map(Autoscaling::minReplicas).orElse(replicas);
    }

    /**
     * Records everything Kubernetes would refuse and the availability rules: names, image, port,
     * replicas, resources, Ingress, autoscaling and disruption budget. Whether {@link #serviceIp()}
     * lies in the region's reserved range depends on the network, so the cluster checks it.
     *
     * @param p where to record, e.g. {@code problems.nested("app")}
     */
    public void validate(Problems p) {
        if (p.present(name, "name", "name the app, e.g. orders") && ManifestValues.known(p, name, "name")) {
            p.require(KubernetesNames.isServiceName(name), "name", name,
                    "must be a DNS-1123 label starting with a letter (it also names the Service)",
                    "use lower-case letters, digits and '-', e.g. orders-api");
        }
        namespace.filter(n -> ManifestValues.known(p, n, "namespace")).ifPresent(n -> p.require(
                KubernetesNames.isLabel(n), "namespace", n, "must be a DNS-1123 label",
                "use lower-case letters, digits and '-', at most 63"));
        checkImage(p);
        containerPort.ifPresent(port -> p.require(port >= 1 && port <= 65535, "containerPort", port,
                "must be between 1 and 65535", "use the TCP port the app listens on"));
        p.present(health, "health", "pass the deployment's HealthContract: every layer checks the same path");
        checkReplicas(p);
        if (p.present(resources, "resources", "omit it for Resources.defaults()")) {
            resources.validate(p.nested("resources"));
        }
        ingress.ifPresent(i -> i.validate(p.nested("ingress")));
        serviceIp.filter(ip -> ManifestValues.known(p, ip, "serviceIp")).ifPresent(ip -> p.require(
                Ipv4.parse(ip).isPresent(), "serviceIp", ip, "must be an IPv4 address",
                "omit it to use the subnet's highest address, or pick one just below it"));
        data.ifPresent(d -> d.validate(p.nested("data")));
        postgres.ifPresent(w -> w.validate(p.nested("postgres")));
    }

    private void checkImage(Problems p) {
        if (!p.present(image, "image", "name the image with a tag or digest, e.g. registry.example.com/app:1.4.2")
                || !ManifestValues.known(p, image, "image")) {
            return;
        }
        ImageReference.parse(image).ifPresentOrElse(
                ref -> p.require(ref.isPinned(), "image", image, "must name a tag or a digest",
                        "append :<version> or @sha256:<digest>"),
                () -> p.add("image", image, "must be a container image reference ([registry[:port]/]path[:tag]"
                        + "[@sha256:digest], path in lower case)", "use e.g. registry.example.com/team/app:1.4.2"));
    }

    private void checkReplicas(Problems p) {
        int minimum = allowSingleReplica ? 1 : 2;
        String optOut = allowSingleReplica ? "" : ", or set allowSingleReplica(true) for a development cluster";
        if (autoscaling.isEmpty()) {
            p.require(replicas >= minimum, "replicas", replicas, "must be at least " + minimum
                    + ": one pod means downtime on every rollout and node drain", "run 3 replicas" + optOut);
        }
        autoscaling.ifPresent(a -> a.validate(p.nested("autoscaling"), minimum, optOut));
        pdbMinAvailable.ifPresent(min -> {
            p.require(min >= 0, "pdbMinAvailable", min, "must not be negative", "use replicas - 1");
            p.require(min < baselineReplicas(), "pdbMinAvailable", min,
                    "must be below the " + baselineReplicas() + " replicas: a budget that keeps every pod "
                            + "blocks all evictions, so nodes can never be drained for upgrades",
                    "use " + Math.max(0, baselineReplicas() - 1) + " or leave it unset");
        });
    }

    /** Builds an {@link AppSpec}. */
    public static final class Builder {
        private String name;
        private String namespace;
        private String image;
        private Integer containerPort;
        private int replicas = DEFAULT_REPLICAS;
        private boolean allowSingleReplica;
        private Resources resources = Resources.defaults();
        private HealthContract health;
        private IngressSpec ingress;
        private Autoscaling autoscaling;
        private Integer pdbMinAvailable;
        private String serviceIp;
        private DataWiring data;
        private PostgresWiring postgres;

        private Builder() {
        }

        /**
         * The app's name: names its Deployment, Service, Ingress, budget and autoscaler. Required.
         *
         * @param value a DNS-1123 label starting with a letter, e.g. {@code orders}
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * The namespace the app lives in (created by the manifests, with the restricted Pod Security profile).
         *
         * @default the app's name
         * @param value a DNS-1123 label
         * @return this builder
         */
        public Builder namespace(String value) {
            this.namespace = value;
            return this;
        }

        /**
         * The container image, pinned by tag or digest. Required.
         *
         * @param value e.g. {@code registry.example.com/team/orders:1.4.2} or {@code …@sha256:<digest>}
         * @return this builder
         */
        public Builder image(String value) {
            this.image = value;
            return this;
        }

        /**
         * The TCP port the container serves on.
         *
         * @default the health contract's port
         * @param value 1–65535
         * @return this builder
         */
        public Builder containerPort(int value) {
            this.containerPort = value;
            return this;
        }

        /**
         * Pods to run when no autoscaling is set.
         *
         * @default {@value AppSpec#DEFAULT_REPLICAS}
         * @param value at least 2, or 1 with {@link #allowSingleReplica(boolean)}
         * @return this builder
         */
        public Builder replicas(int value) {
            this.replicas = value;
            return this;
        }

        /**
         * Allows fewer than two replicas: for development only, as one pod means downtime on every
         * rollout or node drain.
         *
         * @default false
         * @param value true to allow a single replica
         * @return this builder
         */
        public Builder allowSingleReplica(boolean value) {
            this.allowSingleReplica = value;
            return this;
        }

        /**
         * CPU and memory requests and limits of the container.
         *
         * @default {@link Resources#defaults()}: 250m/1 CPU, 256Mi/512Mi
         * @param value the resources
         * @return this builder
         */
        public Builder resources(Resources value) {
            this.resources = value;
            return this;
        }

        /**
         * The deployment's health contract: the probes follow its path, port and timing. Required.
         *
         * @param value the contract every layer of the deployment shares
         * @return this builder
         */
        public Builder health(HealthContract value) {
            this.health = value;
            return this;
        }

        /**
         * Writes an Ingress for the app, served by the ingress controller of {@link IngressSpec#className()},
         * which must be installed in the cluster (OVH Managed Kubernetes installs none). HAProxy does not
         * use it: it reaches the app through the Service's internal load balancer.
         *
         * @default none: no Ingress is written
         * @param value the Ingress settings
         * @return this builder
         */
        public Builder ingress(IngressSpec value) {
            this.ingress = value;
            return this;
        }

        /**
         * A HorizontalPodAutoscaler on CPU; it then owns the replica count.
         *
         * @default none: a fixed {@link #replicas(int)}
         * @param value the autoscaling bounds and target
         * @return this builder
         */
        public Builder autoscaling(Autoscaling value) {
            this.autoscaling = value;
            return this;
        }

        /**
         * Pods the PodDisruptionBudget keeps running during node drains.
         *
         * @default one less than the replicas (or the autoscaler's minimum)
         * @param value 0 or more, below the replicas
         * @return this builder
         */
        public Builder pdbMinAvailable(int value) {
            this.pdbMinAvailable = value;
            return this;
        }

        /**
         * The fixed private address of the app's load balancer, from the top of the region's subnet
         * that DHCP does not hand out; HAProxy sends traffic there.
         *
         * @default the subnet's highest usable address
         * @param value an IPv4 address
         * @return this builder
         */
        public Builder serviceIp(String value) {
            this.serviceIp = value;
            return this;
        }

        /**
         * The app's data, from its region's {@code AppDataAccess}: the pods get {@code AWS_REGION} (and
         * {@code AWS_DEFAULT_REGION}) set to the region of the table copies they must use, one
         * {@code TANDEM_TABLE_<LOGICAL>} per table, and {@code AWS_ACCESS_KEY_ID} /
         * {@code AWS_SECRET_ACCESS_KEY} from the Secret {@link AppSpec#awsCredentialsSecret()}, which is
         * created with {@code kubectl} from the region stack's sensitive outputs (README: "The app's
         * contract"), never written to a file.
         *
         * @default none: the app uses no table
         * @param value {@code appDataAccess.wiring()}
         * @return this builder
         */
        public Builder data(DataWiring value) {
            this.data = value;
            return this;
        }

        /**
         * The app's PostgreSQL database, from {@code PostgresDatabaseProps.wiring(region, namespace)}: the pods
         * get libpq's {@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGTARGETSESSIONATTRS} and
         * {@code TANDEM_POSTGRES_URL}, and {@code PGUSER}/{@code PGPASSWORD} from the owner's Secret, which is
         * created by hand (never in a manifest). With {@code HealthScope.APP_AND_DATA} the health path should
         * also answer for the database, so a region whose database is unreachable or read-only leaves rotation.
         *
         * @param value where the region's pods connect; @default none (the app uses no PostgreSQL database)
         * @return this builder
         */
        public Builder postgres(PostgresWiring value) {
            this.postgres = value;
            return this;
        }

        /** @return the spec; checked when the cluster is built */
        public AppSpec build() {
            return new AppSpec(name, Optional.ofNullable(namespace), image, Optional.ofNullable(containerPort),
                    replicas, allowSingleReplica, resources, health, Optional.ofNullable(ingress),
                    Optional.ofNullable(autoscaling), Optional.ofNullable(pdbMinAvailable),
                    Optional.ofNullable(serviceIp), Optional.ofNullable(data),
                    Optional.ofNullable(postgres));
        }
    }
}
