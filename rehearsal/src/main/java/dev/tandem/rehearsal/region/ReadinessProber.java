package dev.tandem.rehearsal.region;

import dev.tandem.rehearsal.Deployment.Probe;
import dev.tandem.rehearsal.loopback.HttpProbe;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The kubelet's readiness probe of one pod, as the Deployment declares it (scaled): an HTTP GET every period,
 * failed on a non-2xx/3xx answer, no answer within the timeout, or no connection; the pod turns unready after
 * {@code failureThreshold} consecutive failures and ready after {@code successThreshold} consecutive successes.
 * A pod starts unready, as a new pod does until its first success. Kubernetes docs, "Configure Liveness,
 * Readiness and Startup Probes" (probe fields and HTTP success range 200-399).
 */
public final class ReadinessProber implements AutoCloseable {
    private final AppPod pod;
    private final Probe probe;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "readiness");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean ready;
    private int failures;
    private int successes;

    /** @param probe the readiness probe, already scaled */
    public ReadinessProber(AppPod pod, Probe probe) {
        this.pod = pod;
        this.probe = probe;
        timer.scheduleAtFixedRate(this::probeOnce, 0, probe.period().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probeOnce() {
        HttpProbe.Response r = HttpProbe.get("127.0.0.1", pod.address(), probe.port(), probe.path(), "kubelet",
                Map.of(), (int) Math.max(1, probe.timeout().toMillis()));
        if (r.status() >= 200 && r.status() < 400) {
            failures = 0;
            if (++successes >= probe.successThreshold()) {
                ready = true;
            }
        } else {
            successes = 0;
            if (++failures >= probe.failureThreshold()) {
                ready = false;
            }
        }
    }

    public boolean ready() {
        return ready;
    }

    public AppPod pod() {
        return pod;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
