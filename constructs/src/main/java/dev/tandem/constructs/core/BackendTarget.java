package dev.tandem.constructs.core;

import java.util.List;

/**
 * Something that publishes servers for a load balancer: how {@code K8sAppCluster} hands its app to
 * {@code HaproxyTier} as typed values instead of strings.
 */
public interface BackendTarget {

    /** @return the servers to balance over, at least one */
    List<BackendServer> backendServers();
}
