package dev.tandem.constructs.k8s;

import static dev.tandem.constructs.k8s.K8sFixtures.app;
import static dev.tandem.constructs.k8s.K8sFixtures.cluster;
import static dev.tandem.constructs.k8s.K8sFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.constructs.testing.TestStacks;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppManifestsTest {

    private static K8sAppCluster defaults() {
        return cluster(TestStacks.emptyStack()).build();
    }

    @Test
    void theDeploymentRunsThreeReplicasAndRollsWithoutLosingOne() {
        JsonNode spec = yaml(defaults(), "deployment.yaml").path("spec");

        assertThat(spec.path("replicas").asInt()).isEqualTo(3);
        assertThat(spec.at("/strategy/type").asText()).isEqualTo("RollingUpdate");
        assertThat(spec.at("/strategy/rollingUpdate/maxUnavailable").asInt(-1)).isZero();
        assertThat(spec.at("/selector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("orders");
    }

    @Test
    void probesFollowTheHealthContractAndLivenessIsSlowerThanReadiness() {
        JsonNode container = yaml(defaults(), "deployment.yaml").at("/spec/template/spec/containers/0");

        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/path").asText()).isEqualTo("/healthz");
            assertThat(container.at("/" + probe + "/httpGet/port").asInt()).isEqualTo(8080);
            assertThat(container.at("/" + probe + "/timeoutSeconds").asInt()).isEqualTo(2);
        }
        JsonNode readiness = container.path("readinessProbe");
        JsonNode liveness = container.path("livenessProbe");
        assertThat(readiness.path("periodSeconds").asInt()).isEqualTo(5);
        assertThat(liveness.path("periodSeconds").asInt() * liveness.path("failureThreshold").asInt())
                .isGreaterThan(readiness.path("periodSeconds").asInt() * readiness.path("failureThreshold").asInt());
        assertThat(container.at("/startupProbe/periodSeconds").asInt()
                * container.at("/startupProbe/failureThreshold").asInt()).isEqualTo(120);
    }

    @Test
    void theContainerIsLockedDown() {
        JsonNode pod = yaml(defaults(), "deployment.yaml").at("/spec/template/spec");
        JsonNode container = pod.path("containers").get(0);

        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        JsonNode sc = container.path("securityContext");
        assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(sc.at("/capabilities/drop/0").asText()).isEqualTo("ALL");
        assertThat(container.at("/resources/requests/cpu").asText()).isEqualTo("250m");
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("512Mi");
        assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/tmp");
    }

    @Test
    void podsSpreadStrictlyOverZonesAndLooselyOverNodes() {
        JsonNode multi = yaml(defaults(), "deployment.yaml").at("/spec/template/spec/topologySpreadConstraints");
        JsonNode single = yaml(K8sFixtures.oneZoneCluster(TestStacks.emptyStack()).build(), "deployment.yaml")
                .at("/spec/template/spec/topologySpreadConstraints");

        assertThat(multi.at("/0/topologyKey").asText()).isEqualTo("topology.kubernetes.io/zone");
        assertThat(multi.at("/0/whenUnsatisfiable").asText()).isEqualTo("DoNotSchedule");
        assertThat(multi.at("/1/topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
        assertThat(multi.at("/1/whenUnsatisfiable").asText()).isEqualTo("ScheduleAnyway");
        assertThat(single.at("/0/whenUnsatisfiable").asText()).isEqualTo("ScheduleAnyway");
    }

    @Test
    void theServiceTakesSelectorAndPortsFromTheDeployment() {
        K8sAppCluster cluster = cluster(TestStacks.emptyStack()).app(app().containerPort(9000).build()).build();
        JsonNode deployment = yaml(cluster, "deployment.yaml");
        JsonNode service = yaml(cluster, "service.yaml");

        assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(9000);
        assertThat(service.at("/spec/ports/0/targetPort").asText())
                .isEqualTo(deployment.at("/spec/template/spec/containers/0/ports/0/name").asText());
        assertThat(service.at("/spec/type").asText()).isEqualTo("LoadBalancer");
        // internal only, and no load-balancer class: Octavia is the default from Kubernetes 1.31
        JsonNode annotations = service.at("/metadata/annotations");
        assertThat(annotations.fieldNames()).toIterable().containsExactly(AppManifests.INTERNAL_LB_ANNOTATION);
        assertThat(annotations.path(AppManifests.INTERNAL_LB_ANNOTATION).asText()).isEqualTo("true");
    }

    @Test
    void theIngressIsAnOptInThatNamesItsClassAndRoutesToTheServiceWithOptionalHostAndTls() {
        K8sAppCluster none = defaults();
        K8sAppCluster plain = cluster(TestStacks.emptyStack())
                .app(app().ingress(IngressSpec.builder().className("traefik").build()).build()).build();
        K8sAppCluster full = cluster(TestStacks.emptyStack()).app(app()
                .ingress(IngressSpec.builder().host("orders.example.com").className("nginx").tlsSecretName("orders-tls")
                        .build())
                .build()).build();

        assertThat(none.manifests()).extracting(Manifest::fileName).doesNotContain("ingress.yaml");
        assertThat(K8sFixtures.file(none, "kustomization.yaml")).doesNotContain("ingress");
        assertThat(none.hostname()).isEmpty();
        assertThat(yaml(plain, "ingress.yaml").at("/spec/ingressClassName").asText()).isEqualTo("traefik");
        assertThat(full.hostname()).contains("orders.example.com");

        JsonNode rule = yaml(plain, "ingress.yaml").at("/spec/rules/0");
        assertThat(rule.has("host")).isFalse();
        assertThat(rule.at("/http/paths/0/backend/service/name").asText()).isEqualTo("orders");
        assertThat(rule.at("/http/paths/0/backend/service/port/name").asText()).isEqualTo("http");
        JsonNode spec = yaml(full, "ingress.yaml").path("spec");
        assertThat(spec.path("ingressClassName").asText()).isEqualTo("nginx");
        assertThat(spec.at("/rules/0/host").asText()).isEqualTo("orders.example.com");
        assertThat(spec.at("/tls/0/secretName").asText()).isEqualTo("orders-tls");
        assertThat(spec.at("/tls/0/hosts/0").asText()).isEqualTo("orders.example.com");
    }

    @Test
    void everyOfferedKubernetesMinorUsesOctaviaWithoutTheClassAnnotation() {
        // the Service omits loadbalancer.ovhcloud.com/class, which only minors before 1.31 need
        assertThat(KubernetesVersions.OFFERED).allSatisfy(minor ->
                assertThat(Integer.parseInt(minor.substring(minor.indexOf('.') + 1))).isGreaterThanOrEqualTo(31));
    }

    @Test
    void theDisruptionBudgetKeepsOneLessThanTheReplicas() {
        JsonNode pdb = yaml(defaults(), "pdb.yaml").path("spec");
        JsonNode scaled = yaml(cluster(TestStacks.emptyStack()).app(app().autoscaling(Autoscaling.builder().minReplicas(4).maxReplicas(8).build())
                .build()).build(), "pdb.yaml").path("spec");

        assertThat(pdb.path("minAvailable").asInt()).isEqualTo(2);
        assertThat(pdb.path("unhealthyPodEvictionPolicy").asText()).isEqualTo("AlwaysAllow");
        assertThat(scaled.path("minAvailable").asInt()).isEqualTo(3);
    }

    @Test
    void withAutoscalingTheHpaOwnsTheReplicaCount() {
        K8sAppCluster cluster = cluster(TestStacks.emptyStack())
                .app(app().autoscaling(Autoscaling.builder().minReplicas(3).maxReplicas(10).build()).build()).build();
        JsonNode hpa = yaml(cluster, "hpa.yaml");

        assertThat(yaml(cluster, "deployment.yaml").at("/spec").has("replicas")).isFalse();
        assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo("orders");
        assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(3);
        assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(70);
        assertThat(defaults().manifests()).extracting(Manifest::fileName).doesNotContain("hpa.yaml");
    }

    @Test
    void theNamespaceEnforcesTheRestrictedPodSecurityProfile() {
        JsonNode ns = yaml(defaults(), "namespace.yaml");

        assertThat(ns.at("/metadata/name").asText()).isEqualTo("orders");
        assertThat(ns.at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText()).isEqualTo("restricted");
    }

    @Test
    void theYamlIsByteForByteStable() {
        K8sAppCluster first = defaults();
        K8sAppCluster second = defaults();

        for (Manifest m : first.manifests()) {
            assertThat(K8sFixtures.file(second, m.fileName())).isEqualTo(K8sFixtures.file(first, m.fileName()));
        }
        assertThat(K8sFixtures.file(first, "service.yaml")).contains("service.beta.kubernetes.io/"
                + "openstack-internal-load-balancer: \"true\"");
    }
}
