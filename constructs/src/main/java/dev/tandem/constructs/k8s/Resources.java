package dev.tandem.constructs.k8s;

import dev.tandem.constructs.core.Problems;

/**
 * CPU and memory the app container requests (what the scheduler reserves) and may use at most.
 *
 * <pre>{@code
 * Resources.builder().cpuRequestMillis(500).cpuLimitMillis(2000).memoryRequestMebibytes(512).memoryLimitMebibytes(1024).build()
 * }</pre>
 *
 * @param cpuRequestMillis       CPU request in millicores
 * @param cpuLimitMillis         CPU limit in millicores, at least the request
 * @param memoryRequestMebibytes memory request in MiB
 * @param memoryLimitMebibytes   memory limit in MiB, at least the request (the container is OOM-killed above it)
 */
public record Resources(int cpuRequestMillis, int cpuLimitMillis, int memoryRequestMebibytes,
        int memoryLimitMebibytes) {

    /** @return 250m/1 CPU and 256Mi/512Mi memory: a small service with room for bursts */
    public static Resources defaults() {
        return builder().build();
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values, to change some of them */
    public Builder toBuilder() {
        return builder().cpuRequestMillis(cpuRequestMillis).cpuLimitMillis(cpuLimitMillis)
                .memoryRequestMebibytes(memoryRequestMebibytes).memoryLimitMebibytes(memoryLimitMebibytes);
    }

    /**
     * Records what Kubernetes would refuse: requests that are not positive, limits below requests.
     *
     * @param p where to record, e.g. {@code problems.nested("app.resources")}
     */
    public void validate(Problems p) {
        p.require(cpuRequestMillis > 0, "cpuRequestMillis", cpuRequestMillis, "must be positive",
                "request what the app needs at rest, e.g. 250 (a quarter CPU)");
        p.require(memoryRequestMebibytes > 0, "memoryRequestMebibytes", memoryRequestMebibytes,
                "must be positive", "request what the app needs at rest, e.g. 256");
        p.require(cpuLimitMillis >= cpuRequestMillis, "cpuLimitMillis", cpuLimitMillis,
                "must not be below the request (" + cpuRequestMillis + "m); Kubernetes rejects it",
                "raise the limit or lower the request");
        p.require(memoryLimitMebibytes >= memoryRequestMebibytes, "memoryLimitMebibytes", memoryLimitMebibytes,
                "must not be below the request (" + memoryRequestMebibytes + "Mi); Kubernetes rejects it",
                "raise the limit or lower the request");
    }

    /** Builds {@link Resources}; every value starts at its default. */
    public static final class Builder {
        private int cpuRequestMillis = 250;
        private int cpuLimitMillis = 1000;
        private int memoryRequestMebibytes = 256;
        private int memoryLimitMebibytes = 512;

        private Builder() {
        }

        /**
         * CPU the scheduler reserves for the container.
         *
         * @default 250 (a quarter CPU)
         * @param value millicores
         * @return this builder
         */
        public Builder cpuRequestMillis(int value) {
            this.cpuRequestMillis = value;
            return this;
        }

        /**
         * CPU the container may use at most, at least the request.
         *
         * @default 1000 (one CPU)
         * @param value millicores
         * @return this builder
         */
        public Builder cpuLimitMillis(int value) {
            this.cpuLimitMillis = value;
            return this;
        }

        /**
         * Memory the scheduler reserves for the container.
         *
         * @default 256
         * @param value MiB
         * @return this builder
         */
        public Builder memoryRequestMebibytes(int value) {
            this.memoryRequestMebibytes = value;
            return this;
        }

        /**
         * Memory the container may use at most (it is OOM-killed above it), at least the request.
         *
         * @default 512
         * @param value MiB
         * @return this builder
         */
        public Builder memoryLimitMebibytes(int value) {
            this.memoryLimitMebibytes = value;
            return this;
        }

        /** @return the resources; checked when the cluster is built */
        public Resources build() {
            return new Resources(cpuRequestMillis, cpuLimitMillis, memoryRequestMebibytes, memoryLimitMebibytes);
        }
    }
}
