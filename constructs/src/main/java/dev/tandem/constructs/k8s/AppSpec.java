package dev.tandem.constructs.k8s;

import dev.tandem.constructs.health.HealthContract;
import java.util.Objects;
import java.util.Optional;

/**
 * The application the cluster runs: one container image as a Deployment, published through a
 * private load balancer Service and an Ingress.
 *
 * @param name               DNS-1123 label starting with a letter; names the Deployment, Service,
 *                           Ingress, PDB and HPA, and is the {@code app.kubernetes.io/name} label
 * @param namespace          namespace the app lives in
 * @param image              container image pinned by tag or digest, e.g. {@code registry/app:1.4.2}
 *                           or {@code registry/app@sha256:…}
 * @param containerPort      TCP port the container serves on
 * @param replicas           pods to run when no autoscaling is set
 * @param allowSingleReplica explicit opt-out of the two-replica minimum
 * @param resources          CPU and memory requests and limits
 * @param health             the shared health contract the probes follow
 * @param ingress            how the Ingress routes
 * @param autoscaling        a HorizontalPodAutoscaler, if any
 * @param pdbMinAvailable    pods the PodDisruptionBudget keeps up; empty means one less than the replicas
 * @param serviceIp          fixed private address of the Service's load balancer; empty means the
 *                           highest address of the region's subnet
 */
public record AppSpec(String name, String namespace, String image, int containerPort, int replicas,
        boolean allowSingleReplica, Resources resources, HealthContract health, IngressSpec ingress,
        Optional<Autoscaling> autoscaling, Optional<Integer> pdbMinAvailable, Optional<String> serviceIp) {

    /** Rejects missing parts; their values are checked by {@link K8sAppCluster}. */
    public AppSpec {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(ingress, "ingress");
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the replica count the PodDisruptionBudget is measured against: the autoscaler's minimum if any */
    public int baselineReplicas() {
        return autoscaling.map(Autoscaling::minReplicas).orElse(replicas);
    }

    /** Builds an {@link AppSpec}. */
    public static final class Builder {
        private String name;
        private String namespace;
        private String image;
        private Integer containerPort;
        private int replicas = 3;
        private boolean allowSingleReplica;
        private Resources resources = Resources.defaults();
        private HealthContract health;
        private IngressSpec ingress = IngressSpec.catchAll();
        private Autoscaling autoscaling;
        private Integer pdbMinAvailable;
        private String serviceIp;

        private Builder() {
        }

        /** @param value the app's name (required) */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** @param value namespace; @default the app's name */
        public Builder namespace(String value) {
            this.namespace = value;
            return this;
        }

        /** @param value image by tag or digest (required) */
        public Builder image(String value) {
            this.image = value;
            return this;
        }

        /** @param value container port; @default the health contract's port */
        public Builder containerPort(int value) {
            this.containerPort = value;
            return this;
        }

        /** @param value replicas; @default 3 */
        public Builder replicas(int value) {
            this.replicas = value;
            return this;
        }

        /** Allows fewer than two replicas (development only: one pod means downtime on every rollout or drain). */
        public Builder allowSingleReplica() {
            this.allowSingleReplica = true;
            return this;
        }

        /** @param value requests and limits; @default {@link Resources#defaults()} */
        public Builder resources(Resources value) {
            this.resources = value;
            return this;
        }

        /** @param value the deployment's health contract (required) */
        public Builder health(HealthContract value) {
            this.health = value;
            return this;
        }

        /** @param value Ingress routing; @default {@link IngressSpec#catchAll()} */
        public Builder ingress(IngressSpec value) {
            this.ingress = value;
            return this;
        }

        /** @param value CPU autoscaling; @default none */
        public Builder autoscaling(Autoscaling value) {
            this.autoscaling = value;
            return this;
        }

        /** @param value PDB minAvailable; @default replicas − 1 */
        public Builder pdbMinAvailable(int value) {
            this.pdbMinAvailable = value;
            return this;
        }

        /** @param value fixed load balancer address in the region's subnet; @default its highest address */
        public Builder serviceIp(String value) {
            this.serviceIp = value;
            return this;
        }

        /** @return the spec; checked when the cluster is built */
        public AppSpec build() {
            Objects.requireNonNull(health, "health: pass the deployment's HealthContract");
            return new AppSpec(name, namespace == null ? name : namespace, image,
                    containerPort == null ? health.port() : containerPort, replicas, allowSingleReplica, resources,
                    health, ingress, Optional.ofNullable(autoscaling), Optional.ofNullable(pdbMinAvailable),
                    Optional.ofNullable(serviceIp));
        }
    }
}
