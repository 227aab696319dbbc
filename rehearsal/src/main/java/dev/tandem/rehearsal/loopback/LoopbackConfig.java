package dev.tandem.rehearsal.loopback;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A generated configuration moved onto loopback for a drill or the rehearsal: each bind named in
 * {@code binds} moves to a loopback address and port (the rest of its line — TLS, client CA — stays), every
 * server points at a loopback address, the admin socket moves into the test's folder, and the privilege drop
 * ({@code chroot}, {@code user}, {@code group} with their one argument; a userlist's users stay) goes, because a
 * test need not run as root. Every other line — checks,
 * timing, retries, monitor, the source allow-list — stays exactly as generated; file names stay relative
 * to the release directory HAProxy runs from.
 */
public final class LoopbackConfig {
    private static final Pattern BIND = Pattern.compile("^(\\s+bind )(\\S+)(.*)$");
    private static final Pattern SERVER = Pattern.compile("^(\\s+server )(\\S+) \\S+:\\d+( .*)$");
    private static final Pattern SOCKET = Pattern.compile("^(\\s+stats socket )\\S+( .*)$");
    private static final Pattern PRIVILEGE = Pattern.compile("^\\s+(chroot|user|group) \\S+$");

    private LoopbackConfig() {
    }

    /**
     * @param config      the generated text
     * @param binds       loopback port of every bind address, e.g. {@code ":443"} or {@code "127.0.0.1:8405"}
     * @param serverPorts loopback port of every server, by server name
     * @param socket      path of the admin socket
     * @return the rewritten text, everything on 127.0.0.1; fails when a bind or server is not found, or one is
     *         left unmapped
     */
    public static String rewrite(String config, Map<String, Integer> binds, Map<String, Integer> serverPorts,
            Path socket) {
        return rewriteTo(config, onLocalhost(binds), onLocalhost(serverPorts), socket);
    }

    /**
     * @param binds   loopback {@code address:port} of every bind address, e.g. {@code ":443" -> "127.1.2.1:443"}
     * @param servers loopback {@code address:port} of every server, by server name
     * @return the rewritten text; fails when a bind or server is not found, or one is left unmapped
     */
    public static String rewriteTo(String config, Map<String, String> binds, Map<String, String> servers,
            Path socket) {
        Set<String> rewritten = new HashSet<>();
        String text = config.lines().filter(l -> !PRIVILEGE.matcher(l).matches()).map(line -> {
            Matcher bind = BIND.matcher(line);
            if (bind.matches()) {
                String target = binds.get(bind.group(2));
                if (target == null) {
                    throw new IllegalArgumentException("no loopback address for bind " + bind.group(2));
                }
                rewritten.add(bind.group(2));
                return bind.group(1) + target + bind.group(3);
            }
            Matcher server = SERVER.matcher(line);
            if (server.matches()) {
                String target = servers.get(server.group(2));
                if (target == null) {
                    throw new IllegalArgumentException("no loopback address for server " + server.group(2));
                }
                rewritten.add(server.group(2));
                return server.group(1) + server.group(2) + " " + target + server.group(3);
            }
            Matcher stats = SOCKET.matcher(line);
            return stats.matches() ? stats.group(1) + socket + stats.group(2) : line;
        }).collect(Collectors.joining("\n", "", "\n"));
        Set<String> expected = new HashSet<>(servers.keySet());
        expected.addAll(binds.keySet());
        if (!rewritten.equals(expected)) {
            throw new IllegalArgumentException("rewrote " + rewritten + ", expected " + expected + " in:\n" + config);
        }
        return text;
    }

    private static Map<String, String> onLocalhost(Map<String, Integer> ports) {
        Map<String, String> targets = new LinkedHashMap<>();
        ports.forEach((name, port) -> targets.put(name, "127.0.0.1:" + port));
        return targets;
    }
}
