package dev.tandem.constructs.core;

import java.util.List;
import java.util.Optional;
import software.constructs.IConstruct;

/**
 * Something that publishes servers for a load balancer: how {@code K8sAppCluster} hands its app to
 * {@code HaproxyTier} as typed values instead of strings.
 */
public interface BackendTarget {

    /** @return the servers to balance over, at least one */
    List<BackendServer> backendServers();

    /**
     * The host name the servers are reached by, i.e. the {@code Host} header real requests carry, when
     * the target knows it. A load balancer's health checks send it, so they ask the app what clients
     * ask.
     *
     * @return the host name; empty by default
     */
    default Optional<String> hostname() {
        return Optional.empty();
    }

    /**
     * The private network the servers' addresses belong to, when the target knows it: a load balancer
     * on another network (another region's) cannot reach them.
     *
     * @return the network construct; empty by default
     */
    default Optional<IConstruct> network() {
        return Optional.empty();
    }
}
