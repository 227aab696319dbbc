package dev.tandem.e2e.haproxy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The generated configuration moved onto loopback for a drill: the HTTP bind and every server point
 * at 127.0.0.1 ports, the admin socket moves into the test's folder, and the privilege drop
 * ({@code chroot}, {@code user}, {@code group}) goes, because a test need not run as root. Every
 * other line — checks, timing, retries, monitor — stays exactly as generated.
 */
final class LoopbackConfig {
    private static final Pattern HTTP_BIND = Pattern.compile("^(\\s+bind )(:80)$");
    private static final Pattern SERVER = Pattern.compile("^(\\s+server )(\\S+) \\S+:\\d+( .*)$");
    private static final Pattern SOCKET = Pattern.compile("^(\\s+stats socket )\\S+( .*)$");
    private static final Pattern PRIVILEGE = Pattern.compile("^\\s+(chroot|user|group) .*$");

    private LoopbackConfig() {
    }

    /**
     * @param config      the generated text
     * @param httpPort    loopback port of the HTTP frontend
     * @param serverPorts loopback port of every server, by server name
     * @param socket      path of the admin socket
     * @return the rewritten text; fails when a server or the bind is not found
     */
    static String rewrite(String config, int httpPort, Map<String, Integer> serverPorts, Path socket) {
        Set<String> rewritten = new HashSet<>();
        String text = config.lines().filter(l -> !PRIVILEGE.matcher(l).matches()).map(line -> {
            Matcher bind = HTTP_BIND.matcher(line);
            if (bind.matches()) {
                rewritten.add(":80");
                return bind.group(1) + "127.0.0.1:" + httpPort;
            }
            Matcher server = SERVER.matcher(line);
            if (server.matches()) {
                Integer port = serverPorts.get(server.group(2));
                if (port == null) {
                    throw new IllegalArgumentException("no loopback port for server " + server.group(2));
                }
                rewritten.add(server.group(2));
                return server.group(1) + server.group(2) + " 127.0.0.1:" + port + server.group(3);
            }
            Matcher stats = SOCKET.matcher(line);
            return stats.matches() ? stats.group(1) + socket + stats.group(2) : line;
        }).collect(Collectors.joining("\n", "", "\n"));
        Set<String> expected = new HashSet<>(serverPorts.keySet());
        expected.add(":80");
        if (!rewritten.equals(expected)) {
            throw new IllegalArgumentException("rewrote " + rewritten + ", expected " + expected + " in:\n" + config);
        }
        return text;
    }
}
