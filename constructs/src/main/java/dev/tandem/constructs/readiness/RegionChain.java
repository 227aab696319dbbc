package dev.tandem.constructs.readiness;

import dev.tandem.constructs.edge.OriginPool;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.constructs.k8s.K8sAppCluster;

/**
 * One region as the failover chain passes through it: the edge's pool, the HAProxy tier whose
 * instances are the pool's origins, and the app cluster the tier balances over.
 *
 * @param pool    the Cloudflare pool
 * @param haproxy the region's HAProxy tier
 * @param app     the region's app cluster
 */
public record RegionChain(OriginPool pool, HaproxyTier haproxy, K8sAppCluster app) {

    /** @return the HAProxy tier's construct path, e.g. {@code primary/haproxy} */
    public String haproxyPath() {
        return haproxy.getNode().getPath();
    }

    /** @return the app cluster's construct path, e.g. {@code primary/app} */
    public String appPath() {
        return app.getNode().getPath();
    }
}
