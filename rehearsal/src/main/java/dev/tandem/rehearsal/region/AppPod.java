package dev.tandem.rehearsal.region;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app stand-in of one pod, honouring the health contract: the health path answers 200, or 503 while the
 * pod's data is unreachable when the health includes data; every other path reads the data and answers 200 with
 * the region and pod that served it (503 when the data does not answer). It can crash (stop listening) and be
 * made to answer its health path slowly. With a write path (PostgreSQL), {@code /write/N} writes row N and answers
 * 200 once it is committed, 503 {@code data unreachable for writes} when no host took it.
 */
public final class AppPod implements AutoCloseable {
    static {
        // Without it the JDK server's separate header and body writes can wait on a delayed ACK (up to 200 ms on
        // Linux) and fail a check that has nothing to do with the rehearsal.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** The write path of a pod with a write function: {@code /write/N} writes row N. */
    public static final String WRITE_PATH = "/write/";
    private static final Pattern WRITE_ID = Pattern.compile("/write/(\\d+)");

    private final String region;
    private final String name;
    private final InetSocketAddress address;
    private final String healthPath;
    private final BooleanSupplier healthData;
    private final BooleanSupplier requestData;
    private final boolean healthIncludesData;
    private final Optional<LongPredicate> write;
    private volatile Duration healthDelay = Duration.ZERO;
    private HttpServer server;
    private ExecutorService threads;

    /**
     * @param healthData         one read of the pod's data within the health answer's budget, true when it answered
     * @param requestData        the same within a client request's budget
     * @param healthIncludesData whether the health answer depends on {@code healthData}
     */
    public AppPod(String region, String name, InetSocketAddress address, String healthPath, BooleanSupplier healthData,
            BooleanSupplier requestData, boolean healthIncludesData) {
        this(region, name, address, healthPath, healthData, requestData, healthIncludesData, Optional.empty());
    }

    /** @param write writes row N, true once committed */
    public AppPod(String region, String name, InetSocketAddress address, String healthPath, BooleanSupplier healthData,
            BooleanSupplier requestData, boolean healthIncludesData, Optional<LongPredicate> write) {
        this.write = write;
        this.region = region;
        this.name = name;
        this.address = address;
        this.healthPath = healthPath;
        this.healthData = healthData;
        this.requestData = requestData;
        this.healthIncludesData = healthIncludesData;
    }

    /** Starts (or restarts after a crash) listening. */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        threads = Executors.newFixedThreadPool(8);
        server = HttpServer.create(address, 64);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Stops listening at once, as a crashed container would. */
    public synchronized void crash() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
            server = null;
        }
    }

    /** Makes the health path answer after {@code delay} (zero: at once). */
    public void healthDelay(Duration delay) {
        healthDelay = delay;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        int status;
        if (exchange.getRequestURI().getPath().equals(healthPath)) {
            sleep(healthDelay);
            boolean ok = !healthIncludesData || healthData.getAsBoolean();
            status = ok ? 200 : 503;
            body = ok ? "ok" : "data unreachable";
        } else if (write.isPresent() && exchange.getRequestURI().getPath().startsWith(WRITE_PATH)) {
            Matcher id = WRITE_ID.matcher(exchange.getRequestURI().getPath());
            boolean ok = id.matches() && write.get().test(Long.parseLong(id.group(1)));
            status = ok ? 200 : 503;
            body = (ok ? "written" : "data unreachable for writes") + " region=" + region + " pod=" + name;
        } else {
            boolean ok = requestData.getAsBoolean();
            status = ok ? 200 : 503;
            body = (ok ? "served" : "data unreachable") + " region=" + region + " pod=" + name;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration delay) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public String name() {
        return name;
    }

    public InetAddress address() {
        return address.getAddress();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        crash();
    }
}
