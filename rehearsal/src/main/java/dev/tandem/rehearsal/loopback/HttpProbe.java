package dev.tandem.rehearsal.loopback;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One plain HTTP/1.1 request per connection ({@code Connection: close}), as a fresh client would send it.
 * A new connection every time keeps HAProxy from reusing idle server connections, so each request
 * shows the routing decision of that moment.
 */
public final class HttpProbe {
    private static final int TIMEOUT_MS = 10_000;

    private HttpProbe() {
    }

    /** An answer, or status 0 with the error when the request failed. */
    public record Response(int status, String body, long millis) {
        public boolean ok() {
            return status == 200;
        }
    }

    /** @return the answer to {@code GET path} from 127.0.0.1 */
    public static Response get(int port, String path) {
        return get("127.0.0.1", port, path, Map.of());
    }

    /**
     * @param source  the loopback address the client connects from, e.g. {@code 127.0.0.2}
     * @param headers extra request headers, e.g. {@code Authorization}
     * @return the answer to {@code GET path}
     */
    public static Response get(String source, int port, String path, Map<String, String> headers) {
        return get(source, InetAddress.getLoopbackAddress(), port, path, "tandem.test", headers, TIMEOUT_MS);
    }

    /**
     * @param source    the loopback address the client connects from
     * @param address   where the server listens
     * @param host      the {@code Host} header
     * @param timeoutMs how long to wait for the connection, and then for each read of the answer
     * @return the answer to {@code GET path}
     */
    public static Response get(String source, InetAddress address, int port, String path, String host,
            Map<String, String> headers, int timeoutMs) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(address, port), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!answer.startsWith("HTTP/") || answer.length() < 12) {
                throw new EOFException("no HTTP answer before the connection closed");
            }
            int status = Integer.parseInt(answer.substring(9, 12));
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            return new Response(status, body.trim(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            return new Response(0, e.toString(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
