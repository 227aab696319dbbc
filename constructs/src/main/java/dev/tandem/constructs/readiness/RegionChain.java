package dev.tandem.constructs.readiness;

import dev.tandem.constructs.edge.OriginPool;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.constructs.k8s.K8sAppCluster;

/**
 * One region as the failover chain passes through it: the edge's pool, the HAProxy tier whose
 * instances are the pool's origins, and the app cluster the tier balances over. The two construct paths
 * are read from the tree once, here: the readiness rules name them in every check of the region.
 *
 * @param pool        the Cloudflare pool
 * @param haproxy     the region's HAProxy tier
 * @param app         the region's app cluster
 * @param haproxyPath the HAProxy tier's construct path, e.g. {@code primary/haproxy}
 * @param appPath     the app cluster's construct path, e.g. {@code primary/app}
 */
public record RegionChain(OriginPool pool, HaproxyTier haproxy, K8sAppCluster app, String haproxyPath,
        String appPath) {

    /**
     * @param pool    the Cloudflare pool
     * @param haproxy the region's HAProxy tier
     * @param app     the region's app cluster
     */
    public RegionChain(OriginPool pool, HaproxyTier haproxy, K8sAppCluster app) {
        this(pool, haproxy, app, haproxy.getNode().getPath(), app.getNode().getPath());
    }
}
