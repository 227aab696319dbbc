package dev.tandem.rehearsal.region;

import dev.tandem.rehearsal.Deployment.Instance;
import dev.tandem.rehearsal.Scale;
import dev.tandem.rehearsal.loopback.LoopbackConfig;
import dev.tandem.rehearsal.loopback.StatsSocket;
import dev.tandem.rehearsal.loopback.TestPki;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One synthesized HAProxy instance on its own loopback address, laid out as its bootstrap lays it out: the
 * bootstrap release, the real HAProxy in master-worker mode running from the symlink {@code current}, and the
 * delivery put into service by the {@code tandem-haproxy-apply} the bootstrap installs (read from the synthesized
 * user data), with only its environment pointing at this folder and a {@code USR2} to this master instead of
 * {@code systemctl reload}. Binds and servers move onto loopback; everything else in haproxy.cfg is as synthesized,
 * with its timings scaled.
 */
public final class HaproxyInstance implements AutoCloseable {
    private final Instance spec;
    private final Path haproxy;
    private final Path dir;
    private final Path root;
    private final Map<String, String> binds;
    private Process master;
    private volatile String delivery = "not delivered";

    /**
     * @param binds every bind address of the synthesized configurations (e.g. {@code ":443"},
     *              {@code "127.0.0.1:8405"}) with the loopback address:port it takes here
     */
    public HaproxyInstance(Instance spec, Path haproxy, Path dir, Map<String, String> binds) throws IOException {
        this.spec = spec;
        this.haproxy = haproxy;
        this.dir = Files.createDirectories(dir);
        this.root = Files.createDirectories(dir.resolve("root/releases")).getParent();
        this.binds = binds;
    }

    /** Lays out the bootstrap release and starts the master on it, as cloud-init does. */
    public void bootstrap() throws IOException, InterruptedException {
        Path release = Files.createDirectories(root.resolve("releases/bootstrap"));
        Files.writeString(release.resolve("haproxy.cfg"), loopback(spec.bootstrap(), Map.of()));
        Files.createSymbolicLink(root.resolve("current"), release);
        Files.writeString(dir.resolve("tandem-haproxy-apply"), spec.apply());
        start();
    }

    /** Starts the master on {@code current}, as systemd does at boot. */
    public void start() throws IOException, InterruptedException {
        Files.deleteIfExists(masterSocket());
        Files.deleteIfExists(pidFile());
        master = new ProcessBuilder(List.of(haproxy.toString(), "-W", "-db", "-S", masterSocket().toString(), "-p",
                pidFile().toString(), "-C", root.resolve("current").toString(), "-f",
                root.resolve("current/haproxy.cfg").toString())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                if (Files.exists(pidFile()) && !new StatsSocket(masterSocket()).currentWorkers().isEmpty()) {
                    return;
                }
            } catch (IOException notYet) {
                // the socket file exists before the master accepts on it
            }
            if (!master.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(spec.name() + ": HAProxy's master did not start:\n" + Files.readString(log()));
    }

    /**
     * Delivers the synthesized configuration as the instance's provisioners do: staged with the origin certificate,
     * the edge's source ranges and the origin-pull CA, then put into service by tandem-haproxy-apply.
     *
     * @param servers loopback address:port of each server of the configuration, by name
     * @return the apply script's exit code
     */
    public int deliver(Scale scale, Map<String, String> servers, TestPki pki, String edgeRanges)
            throws IOException, InterruptedException {
        Path staging = Files.createTempDirectory(dir, "incoming-");
        Files.writeString(staging.resolve("haproxy.cfg"), loopback(scale.haproxy(spec.config()), servers));
        Files.writeString(staging.resolve("origin.pem"), pki.originPem());
        Files.writeString(staging.resolve("cloudflare-ipv4.lst"), edgeRanges);
        Files.copy(pki.pullCa(), staging.resolve("origin-pull-ca.pem"));
        ProcessBuilder pb = new ProcessBuilder("sh", dir.resolve("tandem-haproxy-apply").toString(), staging.toString())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("TANDEM_HAPROXY_ROOT", root.toString());
        env.put("TANDEM_HAPROXY", haproxy.toString());
        env.put("TANDEM_HAPROXY_RELOAD", "kill -USR2 " + master.pid());
        env.put("TANDEM_HAPROXY_PIDFILE", pidFile().toString());
        env.put("TANDEM_HAPROXY_HEALTH", localHealth());
        env.put("TANDEM_HAPROXY_SETTLE", String.valueOf(scale.downSeconds(spec.settle())));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(spec.name() + ": tandem-haproxy-apply did not finish in 120 s");
        }
        delivery = "tandem-haproxy-apply exit " + p.exitValue() + ": " + output.replace('\n', ' ');
        return p.exitValue();
    }

    /** @return the delivery's local health URL, on this instance's loopback address */
    public String localHealth() {
        URI url = URI.create(spec.localHealth());
        String bind = url.getHost() + ":" + url.getPort();
        String target = binds.get(bind);
        return target == null ? spec.localHealth() : "http://" + target + url.getRawPath();
    }

    /** Kills the master and its workers at once (SIGKILL), as a lost instance stops answering. */
    public void kill() throws InterruptedException {
        if (master != null) {
            Stream.concat(master.descendants(), Stream.of(master.toHandle())).forEach(ProcessHandle::destroyForcibly);
            master.waitFor(5, TimeUnit.SECONDS);
        }
    }

    public boolean alive() {
        return master != null && master.isAlive();
    }

    /** @return what HAProxy thinks of each server of {@code backend}, or empty when it does not answer */
    public Map<String, StatsSocket.ServerStat> servers(String backend) {
        try {
            return new StatsSocket(dir.resolve("admin.sock")).servers(backend);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    public String name() {
        return spec.name();
    }

    public String delivery() {
        return delivery;
    }

    public Path log() {
        return dir.resolve("haproxy.log");
    }

    private String loopback(String config, Map<String, String> servers) {
        Map<String, String> used = new LinkedHashMap<>();
        binds.forEach((address, target) -> {
            if (config.contains("bind " + address + " ") || config.contains("bind " + address + "\n")) {
                used.put(address, target);
            }
        });
        Map<String, String> named = new LinkedHashMap<>();
        servers.forEach((name, target) -> {
            if (config.contains("server " + name + " ")) {
                named.put(name, target);
            }
        });
        return LoopbackConfig.rewriteTo(config, used, named, dir.resolve("admin.sock"));
    }

    private Path masterSocket() {
        return dir.resolve("master.sock");
    }

    private Path pidFile() {
        return dir.resolve("haproxy.pid");
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
