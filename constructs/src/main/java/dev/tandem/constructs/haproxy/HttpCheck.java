package dev.tandem.constructs.haproxy;

/**
 * The active HTTP health check of a backend's servers: {@code GET path} with a {@code Host} header,
 * passed when the answer has status {@code expectedStatus}.
 *
 * @param path           request path, e.g. {@code /healthz}
 * @param host           value of the {@code Host} header (HTTP/1.1 requires one)
 * @param expectedStatus the status of a healthy server
 */
public record HttpCheck(String path, String host, int expectedStatus) {
}
