package dev.tandem.constructs.k8s;

import dev.tandem.constructs.network.RegionNetwork;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * The load balancer addresses the clusters on one network took, held by a node under the network
 * (the construct library's singleton pattern), so a second cluster that would take the same address
 * is refused at construction instead of failing when its load balancer is created.
 */
final class LoadBalancerAddresses extends Construct {
    private static final String ID = "tandem-load-balancer-addresses";
    private final Map<String, K8sAppCluster> taken = new LinkedHashMap<>();

    private LoadBalancerAddresses(RegionNetwork network) {
        super(network, ID);
    }

    /** @return the addresses taken on {@code network}, created on first use */
    static LoadBalancerAddresses on(RegionNetwork network) {
        return network.getNode().tryFindChild(ID) instanceof LoadBalancerAddresses found ? found
                : new LoadBalancerAddresses(network);
    }

    /** @return the cluster that took {@code address}, if any */
    Optional<K8sAppCluster> takenBy(String address) {
        return Optional.ofNullable(taken.get(address));
    }

    /** Records that {@code cluster} took {@code address}. */
    void take(String address, K8sAppCluster cluster) {
        taken.put(address, cluster);
    }
}
