package dev.tandem.constructs.k8s;

import dev.tandem.constructs.core.Problems;

/**
 * A HorizontalPodAutoscaler ({@code autoscaling/v2}) on CPU utilization. With it, the autoscaler owns
 * the replica count: the Deployment leaves {@code replicas} out so that re-applying the manifests
 * does not reset what the autoscaler chose.
 *
 * <pre>{@code
 * Autoscaling.builder().minReplicas(3).maxReplicas(12).build()                          // 70 % CPU
 * Autoscaling.builder().minReplicas(3).maxReplicas(12).targetCpuPercent(60).build()
 * }</pre>
 * The builder asks for the two bounds in order, so neither can be forgotten or swapped.
 *
 * @param minReplicas      lower bound, at least 2 unless single replicas are allowed
 * @param maxReplicas      upper bound, at least {@code minReplicas}
 * @param targetCpuPercent average CPU utilization (of the request) to keep, 1–100
 */
public record Autoscaling(int minReplicas, int maxReplicas, int targetCpuPercent) {

    /** The CPU utilization an autoscaler keeps unless told otherwise. */
    public static final int DEFAULT_TARGET_CPU_PERCENT = 70;

    /** @return the first step of the builder: the lower bound */
    public static MinReplicasStep builder() {
        return min -> max -> new Builder(min, max);
    }

    /** @return a builder holding these values, to change the target */
    public Builder toBuilder() {
        return new Builder(minReplicas, maxReplicas).targetCpuPercent(targetCpuPercent);
    }

    /**
     * Records bounds out of order and targets outside 1–100.
     *
     * @param p       where to record, e.g. {@code problems.nested("app.autoscaling")}
     * @param minimum the fewest replicas the app may run (2, or 1 when single replicas are allowed)
     * @param optOut  how to allow fewer, for the fix; empty when already allowed
     */
    void validate(Problems p, int minimum, String optOut) {
        p.require(minReplicas >= minimum, "minReplicas", minReplicas, "must be at least " + minimum,
                "raise minReplicas" + optOut);
        p.require(maxReplicas >= minReplicas, "maxReplicas", maxReplicas,
                "must be at least minReplicas (" + minReplicas + ")", "raise maxReplicas or lower minReplicas");
        p.require(targetCpuPercent >= 1 && targetCpuPercent <= 100, "targetCpuPercent", targetCpuPercent,
                "must be 1–100", "use " + DEFAULT_TARGET_CPU_PERCENT);
    }

    /** First step: the lower bound. */
    @FunctionalInterface
    public interface MinReplicasStep {
        /**
         * @param value the fewest pods the autoscaler keeps; at least 2 unless single replicas are allowed
         * @return the next step
         */
        MaxReplicasStep minReplicas(int value);
    }

    /** Second step: the upper bound. */
    @FunctionalInterface
    public interface MaxReplicasStep {
        /**
         * @param value the most pods the autoscaler starts; at least the lower bound
         * @return the builder, for the optional target
         */
        Builder maxReplicas(int value);
    }

    /** The last step: the optional target, then {@link #build()}. */
    public static final class Builder {
        private final int minReplicas;
        private final int maxReplicas;
        private int targetCpuPercent = DEFAULT_TARGET_CPU_PERCENT;

        private Builder(int minReplicas, int maxReplicas) {
            this.minReplicas = minReplicas;
            this.maxReplicas = maxReplicas;
        }

        /**
         * The average CPU utilization, in percent of the request, the autoscaler keeps.
         *
         * @default {@value Autoscaling#DEFAULT_TARGET_CPU_PERCENT}
         * @param value 1–100
         * @return this builder
         */
        public Builder targetCpuPercent(int value) {
            this.targetCpuPercent = value;
            return this;
        }

        /** @return the autoscaling; checked when the cluster is built */
        public Autoscaling build() {
            return new Autoscaling(minReplicas, maxReplicas, targetCpuPercent);
        }
    }
}
