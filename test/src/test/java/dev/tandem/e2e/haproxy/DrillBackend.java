package dev.tandem.e2e.haproxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stand-in app server on loopback: {@code /healthz} answers 200, or 503 while its readiness flag is
 * off (the seed's {@code /tmp/app_ready.flag}); every other path answers 200 with the server's name,
 * so the client sees who served it.
 */
final class DrillBackend implements AutoCloseable {
    static {
        // Without it the JDK server's separate header and body writes can wait on a delayed ACK
        // (up to 200 ms on Linux) and fail a health check that has nothing to do with the drill.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final String name;
    private final HttpServer server;
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final AtomicBoolean running = new AtomicBoolean(true);

    DrillBackend(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        boolean health = exchange.getRequestURI().getPath().equals("/healthz");
        int status = health && !ready.get() ? 503 : 200;
        byte[] body = (health ? (status == 200 ? "ok" : "not ready") : name).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void ready(boolean value) {
        ready.set(value);
    }

    /** Stops listening at once, as a crashed process would. */
    void kill() {
        if (running.getAndSet(false)) {
            server.stop(0);
        }
    }

    @Override
    public void close() {
        kill();
    }
}
