package dev.tandem.rehearsal.loopback;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HAProxy's admin socket: what HAProxy itself thinks of each server ({@code show stat}); and, with the
 * same protocol, the master CLI of a master-worker HAProxy ({@code show proc}).
 */
public final class StatsSocket {
    private final Path path;

    public StatsSocket(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** One server's row of {@code show stat}. */
    public record ServerStat(String status, String lastCheck, long redispatches, int weight) {

        public boolean up() {
            return status.startsWith("UP");
        }

        /** @return true once a check has passed, not merely because servers start up */
        public boolean checkedUp() {
            return up() && lastCheck.equals("L7OK");
        }

        public boolean down() {
            return status.startsWith("DOWN");
        }
    }

    /** @return the servers of {@code backend} by name */
    public Map<String, ServerStat> servers(String backend) throws IOException {
        List<String> lines = command("show stat").lines().filter(l -> !l.isBlank()).toList();
        List<String> header = Arrays.asList(lines.get(0).substring(2).split(","));
        int px = header.indexOf("pxname");
        int sv = header.indexOf("svname");
        int status = header.indexOf("status");
        int check = header.indexOf("check_status");
        int wredis = header.indexOf("wredis");
        int weight = header.indexOf("weight");
        Map<String, ServerStat> servers = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[px].equals(backend) && !f[sv].equals("BACKEND")) {
                servers.put(f[sv], new ServerStat(f[status], f[check], number(f[wredis]), (int) number(f[weight])));
            }
        }
        return servers;
    }

    /**
     * @return the pids of the current workers of a master CLI socket ({@code show proc}: the master, then
     *         each worker with its number of reloads; workers of earlier reloads that still drain are
     *         listed as "old workers")
     */
    public List<Long> currentWorkers() throws IOException {
        return command("show proc").lines()
                .takeWhile(l -> !l.startsWith("# old workers"))
                .filter(l -> l.matches("^\\d+\\s+worker\\s.*"))
                .map(l -> Long.parseLong(l.split("\\s+")[0]))
                .toList();
    }

    private static long number(String field) {
        return field.isEmpty() ? 0 : Long.parseLong(field);
    }

    /** @return the answer to one command */
    public String command(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(path));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            // The master CLI keeps a connection open until the client has nothing more to say.
            channel.shutdownOutput();
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
