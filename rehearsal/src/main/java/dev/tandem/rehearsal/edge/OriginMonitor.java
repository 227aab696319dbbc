package dev.tandem.rehearsal.edge;

import dev.tandem.rehearsal.Deployment.Monitor;
import dev.tandem.rehearsal.loopback.HttpProbe;
import dev.tandem.rehearsal.loopback.HttpsProbe;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cloudflare's health monitor of one origin, driven by the synthesized {@code cloudflare_load_balancer_monitor}
 * (already scaled). Rules, each from Cloudflare's documentation:
 * <ul>
 * <li>A probe fails when the origin does not answer, does not answer within {@code timeout}, or answers with a code
 * outside {@code expected_codes} ("How endpoints and pools become unhealthy",
 * developers.cloudflare.com/load-balancing/understand-basics/health-details/).</li>
 * <li>{@code retries}: "The number of retries to attempt in case of a timeout before marking the origin as
 * unhealthy. Retries are attempted immediately." (API schema load-balancing_retries): only a timeout is retried,
 * at once.</li>
 * <li>{@code consecutive_down}/{@code consecutive_up}: "To be marked unhealthy/healthy the monitored origin must
 * fail/pass this healthcheck N consecutive times" (API schema); 0 is taken as 1.</li>
 * <li>{@code interval}: one probe per interval. Cloudflare probes from three data centres in each of the pool's
 * check regions and takes the majority ("Server and pool health", learning path); on one machine every vantage
 * point sees the same origin, so one probe per interval stands for all of them. Worst case: the probe schedule's
 * phase relative to the failure is whatever it happens to be, as in production.</li>
 * <li>The client certificate: no page says that a monitor presents the zone's authenticated-origin-pull
 * certificate, so the monitor here presents none (the worst case the docs allow); the origin must answer its
 * health path without one. SNI is the monitor's Host header (unverified: the docs name the Host header only).</li>
 * <li>{@code allow_insecure = false}: the origin's certificate is validated against the host name.</li>
 * </ul>
 */
public final class OriginMonitor {
    private static final Pattern TITLE = Pattern.compile("<h1>([^<]*)</h1>");
    private final String origin;
    private final InetAddress address;
    private final Monitor monitor;
    private final String host;
    private final HttpsProbe tls;
    private final Pattern expected;
    private volatile boolean healthy;
    private volatile String last = "not probed yet";
    private volatile long probes;
    private int passes;
    private int failures;

    /**
     * @param tls   the monitor's TLS client (trusting the origin CA, presenting no certificate), for https monitors
     * @param host  the Host header: the monitor's, else the origin's address
     */
    public OriginMonitor(String origin, InetAddress address, Monitor monitor, String host, HttpsProbe tls) {
        this.origin = origin;
        this.address = address;
        this.monitor = monitor;
        this.host = host;
        this.tls = tls;
        this.expected = Pattern.compile(monitor.expectedCodes().toLowerCase().replace("x", "\\d"));
    }

    /** Starts probing every interval on {@code timer}. */
    public void start(ScheduledExecutorService timer) {
        timer.scheduleAtFixedRate(this::probeOnce, 0, monitor.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probeOnce() {
        HttpProbe.Response r = attempt();
        for (int retry = 0; retry < monitor.retries() && timedOut(r); retry++) {
            r = attempt();
        }
        boolean pass = expected.matcher(String.valueOf(r.status())).matches();
        last = (pass ? "pass " : "fail ") + monitor.method() + " " + monitor.path() + " -> "
                + (r.status() == 0 ? r.body() : abbreviate(r.status(), r.body()));
        probes++;
        if (pass) {
            failures = 0;
            if (++passes >= Math.max(1, monitor.consecutiveUp())) {
                healthy = true;
            }
        } else {
            passes = 0;
            if (++failures >= Math.max(1, monitor.consecutiveDown())) {
                healthy = false;
            }
        }
    }

    private HttpProbe.Response attempt() {
        int timeout = (int) Math.max(1, monitor.timeout().toMillis());
        if (monitor.type().equals("https")) {
            return tls.get(address, monitor.port(), monitor.path(), host, host, timeout, timeout);
        }
        return HttpProbe.get(EdgeEmulator.EDGE_SOURCE, address, monitor.port(), monitor.path(), host, Map.of(),
                timeout);
    }

    private static boolean timedOut(HttpProbe.Response r) {
        return r.status() == 0 && r.body().contains("SocketTimeoutException");
    }

    /** @return an HTML error page's title, else the status and the answer's first line, shortened */
    private static String abbreviate(int status, String body) {
        Matcher title = TITLE.matcher(body);
        if (title.find()) {
            return title.group(1);
        }
        String line = status + " " + body.lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    public String origin() {
        return origin;
    }

    public boolean healthy() {
        return healthy;
    }

    /** @return how many probes have completed */
    public long probes() {
        return probes;
    }

    /** @return the last probe's outcome, for the report */
    public String last() {
        return last;
    }
}
