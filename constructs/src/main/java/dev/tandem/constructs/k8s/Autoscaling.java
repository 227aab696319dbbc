package dev.tandem.constructs.k8s;

/**
 * A HorizontalPodAutoscaler ({@code autoscaling/v2}) on CPU utilization. With it, the autoscaler owns
 * the replica count: the Deployment leaves {@code replicas} out so that re-applying the manifests
 * does not reset what the autoscaler chose.
 *
 * @param minReplicas       lower bound, at least 2 unless single replicas are allowed
 * @param maxReplicas       upper bound, at least {@code minReplicas}
 * @param targetCpuPercent  average CPU utilization (of the request) to keep, 1–100
 */
public record Autoscaling(int minReplicas, int maxReplicas, int targetCpuPercent) {

    /** @return autoscaling between {@code min} and {@code max} replicas at 70 % CPU */
    public static Autoscaling between(int min, int max) {
        return new Autoscaling(min, max, 70);
    }
}
