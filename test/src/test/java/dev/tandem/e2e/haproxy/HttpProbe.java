package dev.tandem.e2e.haproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request per connection ({@code Connection: close}), as a fresh client would send it.
 * A new connection every time keeps HAProxy from reusing idle server connections, so each request
 * shows the routing decision of that moment.
 */
final class HttpProbe {
    private static final int TIMEOUT_MS = 10_000;

    private HttpProbe() {
    }

    /** An answer, or status 0 with the error when the request failed. */
    record Response(int status, String body, long millis) {
        boolean ok() {
            return status == 200;
        }
    }

    static Response get(int port, String path) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: tandem.test\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            return new Response(status, body.trim(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            return new Response(0, e.toString(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
