package dev.tandem.rehearsal.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tandem.rehearsal.Deployment.Edge;
import dev.tandem.rehearsal.Deployment.Monitor;
import dev.tandem.rehearsal.Deployment.Origin;
import dev.tandem.rehearsal.Deployment.Pool;
import dev.tandem.rehearsal.Scale;
import dev.tandem.rehearsal.loopback.HttpProbe;
import dev.tandem.rehearsal.loopback.HttpsProbe;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Cloudflare's proxied load balancer for the edge's host name, on loopback: clients send plain HTTP to
 * {@link #LISTEN}; each request goes to the pool and origin {@link PoolSteering} picks, over HTTPS from
 * {@link #EDGE_SOURCE} (the only address in the tiers' Cloudflare allow-list here), with SNI and Host the edge's
 * host name, presenting the zone's client certificate when zone-level authenticated origin pulls are on and none
 * otherwise. Rules, each from Cloudflare's documentation:
 * <ul>
 * <li>Origin failures become Cloudflare's codes: refused 521, TCP connect timeout 522, TLS handshake failure 525,
 * no answer in time 524, anything else without an HTTP answer 520 ("Cloudflare 5xx errors",
 * developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/). The connect budget
 * (19 s) and the answer budget (100 s, the default Proxy Read Timeout) are scaled like every timing; both are
 * unverified figures here and matter only for an origin that hangs.</li>
 * <li>Zero-downtime failover "will trigger a single retry only if there is another healthy endpoint in the pool
 * and a 521, 522, 523, 525 or 526 error code is occurring"; with {@code failover_across_pools} the retry may go to
 * a healthy endpoint of the next pool in failover order ("Adaptive routing",
 * developers.cloudflare.com/load-balancing/understand-basics/adaptive-routing/). A 503 from the origin is passed
 * to the client as is.</li>
 * </ul>
 */
public final class EdgeEmulator implements AutoCloseable {
    /** Where clients reach the edge. */
    public static final InetSocketAddress LISTEN = new InetSocketAddress(loopback("127.0.0.2"), 80);
    /** Where the edge connects to origins from: Cloudflare's ranges, on this machine. */
    public static final String EDGE_SOURCE = "127.0.0.2";
    private static final List<Integer> RETRIED = List.of(521, 522, 523, 525, 526);

    private final Edge edge;
    private final String hostname;
    private final Map<String, InetAddress> addresses;
    private final HttpsProbe traffic;
    private final Map<String, OriginMonitor> monitors = new LinkedHashMap<>();
    private final PoolSteering steering;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "edge-monitor");
        t.setDaemon(true);
        return t;
    });
    private final int connectMs;
    private final int answerMs;
    private final HttpServer server;

    /**
     * @param addresses the loopback address of every origin, by origin name
     * @param traffic   the proxy's TLS client: trusts the origin CA, presents the zone's certificate if any
     * @param monitorTls the monitors' TLS client: trusts the origin CA, presents no certificate
     */
    public EdgeEmulator(Edge edge, String hostname, Map<String, InetAddress> addresses, HttpsProbe traffic,
            HttpsProbe monitorTls, Scale scale) throws IOException {
        this.edge = edge;
        this.hostname = hostname;
        this.addresses = addresses;
        this.traffic = traffic;
        String host = edge.monitor().hostHeader().orElse(null);
        for (Pool pool : edge.pools().values()) {
            for (Origin o : pool.origins()) {
                InetAddress address = addresses.get(o.name());
                monitors.put(o.name(), new OriginMonitor(o.name(), address, scaled(edge, scale),
                        host != null ? host : address.getHostAddress(), monitorTls));
            }
        }
        this.steering = new PoolSteering(edge, monitors);
        this.connectMs = (int) scale.down(Duration.ofSeconds(19)).toMillis();
        this.answerMs = (int) scale.down(Duration.ofSeconds(100)).toMillis();
        monitors.values().forEach(m -> m.start(timer));
        server = HttpServer.create(LISTEN, 256);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    private static Monitor scaled(Edge edge, Scale scale) {
        Monitor m = edge.monitor();
        return new Monitor(m.type(), m.method(), m.path(), m.port(), m.hostHeader(),
                m.expectedCodes(), scale.down(m.interval()), scale.down(m.timeout()), m.retries(), m.consecutiveUp(),
                m.consecutiveDown());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String client = exchange.getRemoteAddress().getAddress().getHostAddress();
        String path = exchange.getRequestURI().getRawPath();
        Answer answer = route(path, client);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("X-Rehearsal-Origin", answer.origin());
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Answer route(String path, String client) {
        List<Pool> healthy = steering.order();
        boolean fallback = healthy.isEmpty();
        Pool pool = fallback ? edge.pools().get(edge.fallbackPool()) : healthy.get(0);
        List<String> tried = new ArrayList<>();
        Optional<Origin> origin = steering.origin(pool, client, tried, fallback);
        if (origin.isEmpty()) {
            return new Answer(530, "no origin available in pool " + pool.name(), "none");
        }
        Answer first = forward(origin.get(), path);
        if (!RETRIED.contains(first.status())) {
            return first;
        }
        tried.add(origin.get().name());
        Optional<Origin> retry = steering.origin(pool, client, tried, false);
        if (retry.isEmpty() && edge.failoverAcrossPools()) {
            retry = healthy.stream().filter(p -> p != pool)
                    .map(p -> steering.origin(p, client, tried, false)).flatMap(Optional::stream).findFirst();
        }
        return retry.map(o -> forward(o, path)).orElse(first);
    }

    private Answer forward(Origin origin, String path) {
        HttpProbe.Response r = traffic.get(addresses.get(origin.name()), 443, path, hostname, hostname, connectMs,
                answerMs);
        if (r.status() != 0) {
            return new Answer(r.status(), r.body(), origin.name());
        }
        String error = r.body();
        int code = error.contains("ConnectException") ? 521
                : error.contains("connect timed out") || error.contains("Connect timed out") ? 522
                : error.contains("SSLHandshakeException") || error.contains("SSLException") ? 525
                : error.contains("Read timed out") ? 524 : 520;
        return new Answer(code, code + " from the edge: " + error, origin.name());
    }

    /** @return each origin's health and last probe, by origin name */
    public Map<String, OriginMonitor> monitors() {
        return monitors;
    }

    public PoolSteering steering() {
        return steering;
    }

    private record Answer(int status, String body, String origin) {
    }

    private static InetAddress loopback(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
    }
}
