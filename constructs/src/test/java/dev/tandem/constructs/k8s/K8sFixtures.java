package dev.tandem.constructs.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tandem.constructs.core.SideFile;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.network.RegionNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import software.constructs.Construct;

/** A valid cluster to start tests from, and its manifests read back as trees. */
public final class K8sFixtures {
    /** The three zones of OVH's Paris region. */
    public static final List<String> PARIS_ZONES = List.of("eu-west-par-a", "eu-west-par-b", "eu-west-par-c");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private K8sFixtures() {
    }

    /** @return the region network {@code 10.10.0.0/16} in EU-WEST-PAR */
    public static RegionNetwork network(Construct stack) {
        return new RegionNetwork(stack, "network", "0123456789abcdef0123456789abcdef", "EU-WEST-PAR", 10,
                "10.10.0.0/16");
    }

    /** @return a valid app named {@code orders} following the default health contract */
    public static AppSpec.Builder app() {
        return AppSpec.builder().name("orders").image("registry.example.com/team/orders:1.4.2")
                .health(HealthContract.defaults());
    }

    /** @return a builder for a valid three-zone cluster with id {@code app} */
    public static K8sAppCluster.Builder cluster(Construct stack) {
        return K8sAppCluster.Builder.create(stack, "app").network(network(stack)).zones(PARIS_ZONES)
                .app(app().build());
    }

    /** @return the text of side file {@code k8s/<fileName>} of {@code cluster} */
    public static String file(K8sAppCluster cluster, String fileName) {
        return cluster.getNode().findAll().stream()
                .filter(SideFile.class::isInstance).map(SideFile.class::cast)
                .filter(f -> f.relativePath().equals("k8s/" + fileName))
                .findFirst().orElseThrow(() -> new AssertionError("no k8s/" + fileName)).content();
    }

    /** @return side file {@code k8s/<fileName>} parsed */
    public static JsonNode yaml(K8sAppCluster cluster, String fileName) {
        try {
            return YAML.readTree(file(cluster, fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
