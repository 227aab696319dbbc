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

/** Valid clusters to start tests from, here and in the end-to-end module, and their manifests read back as trees. */
public final class K8sFixtures {
    /** A syntactically valid OVH project id. */
    public static final String PROJECT = "0123456789abcdef0123456789abcdef";
    /** The three zones of OVH's Paris region. */
    public static final List<String> PARIS_ZONES = List.of("eu-west-par-a", "eu-west-par-b", "eu-west-par-c");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private K8sFixtures() {
    }

    /** @return network {@code network}: {@code 10.10.0.0/16} on VLAN 10 in EU-WEST-PAR, all three zones */
    public static RegionNetwork network(Construct stack) {
        return RegionNetwork.Builder.create(stack, "network").cloudProject(PROJECT).region("EU-WEST-PAR")
                .vlanId(10).cidr("10.10.0.0/16").build();
    }

    /** @return network {@code network}: {@code 10.20.0.0/16} on VLAN 20 in the one-zone region DE1 */
    public static RegionNetwork oneZoneNetwork(Construct stack) {
        return RegionNetwork.Builder.create(stack, "network").cloudProject(PROJECT).region("DE1")
                .vlanId(20).cidr("10.20.0.0/16").build();
    }

    /** @return a valid app named {@code orders} following the default health contract */
    public static AppSpec.Builder app() {
        return AppSpec.builder().name("orders").image("registry.example.com/team/orders:1.4.2")
                .health(HealthContract.defaults());
    }

    /** @return a builder for a valid cluster {@code app} on {@link #network(Construct)} (three zones) */
    public static K8sAppCluster.Builder cluster(Construct stack) {
        return K8sAppCluster.Builder.create(stack, "app").network(network(stack)).app(app().build());
    }

    /** @return a builder for a valid cluster {@code app} on {@link #oneZoneNetwork(Construct)} */
    public static K8sAppCluster.Builder oneZoneCluster(Construct stack) {
        return K8sAppCluster.Builder.create(stack, "app").network(oneZoneNetwork(stack)).app(app().build());
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
