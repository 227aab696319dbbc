package dev.tandem.constructs.k8s;

/**
 * CPU and memory the app container requests (what the scheduler reserves) and may use at most.
 *
 * @param cpuRequestMillis    CPU request in millicores
 * @param cpuLimitMillis      CPU limit in millicores, at least the request
 * @param memoryRequestMebibytes memory request in MiB
 * @param memoryLimitMebibytes   memory limit in MiB, at least the request (the container is OOM-killed above it)
 */
public record Resources(int cpuRequestMillis, int cpuLimitMillis, int memoryRequestMebibytes, int memoryLimitMebibytes) {

    /** @return 250m/1 CPU and 256Mi/512Mi memory: a small service with room for bursts */
    public static Resources defaults() {
        return new Resources(250, 1000, 256, 512);
    }
}
