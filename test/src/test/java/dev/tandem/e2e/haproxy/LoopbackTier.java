package dev.tandem.e2e.haproxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.rehearsal.loopback.LoopbackConfig;
import dev.tandem.rehearsal.loopback.StatsSocket;
import dev.tandem.rehearsal.loopback.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One tier instance on loopback, laid out as the bootstrap lays it out: releases under a root, HAProxy in
 * master-worker mode running from the symlink {@code current}, and configurations put into service by the
 * shipped {@code tandem-haproxy-apply}, unchanged, with only its environment pointing at this folder. The
 * release root, the health port and the reload (a {@code USR2} to this master instead of
 * {@code systemctl}) are what differs from an instance.
 */
final class LoopbackTier implements AutoCloseable {
    /** Cloudflare's ranges as this drill's allow-list: only 127.0.0.1 is Cloudflare here. */
    static final String CLOUDFLARE_ON_LOOPBACK = "127.0.0.1/32\n";
    private static final Pattern BCRYPT = Pattern.compile("bcrypt\\(var\\.[A-Za-z0-9_]+, (\\d+)\\)");
    private static final Pattern SETTLE = Pattern.compile("TANDEM_HAPROXY_SETTLE=(\\d+) ");

    private final HaproxyBinary binary;
    private final Path dir;
    private final Path root;
    private final TestPki pki;
    private final Map<String, Integer> binds = new HashMap<>();
    private Process master;

    private LoopbackTier(HaproxyBinary binary, Path dir, TestPki pki) throws IOException {
        this.binary = binary;
        this.dir = dir;
        this.root = Files.createDirectories(dir.resolve("root/releases")).getParent();
        this.pki = pki;
        for (String bind : List.of(":443", "127.0.0.1:8405", ":8404")) {
            binds.put(bind, freePort());
        }
    }

    /**
     * Lays out the root with the bootstrap's release, as cloud-init does, and starts the master on it.
     *
     * @return the running instance, serving nothing yet
     */
    static LoopbackTier bootstrap(HaproxyBinary binary, Path dir, TestPki pki) throws IOException, InterruptedException {
        LoopbackTier tier = new LoopbackTier(binary, dir, pki);
        Path release = Files.createDirectories(tier.root.resolve("releases/bootstrap"));
        Files.writeString(release.resolve("haproxy.cfg"), tier.loopback(shipped("bootstrap-haproxy.cfg"), Map.of()));
        Files.createSymbolicLink(tier.root.resolve("current"), release);
        tier.master = binary.startMasterWorker(tier.root.resolve("current"), tier.masterSocket(), tier.pidFile(),
                tier.log());
        tier.awaitMaster();
        return tier;
    }

    /** @return a file shipped beside {@link HaproxyTier}, as the bootstrap installs it */
    static String shipped(String name) {
        try (InputStream in = HaproxyTier.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name + " beside " + HaproxyTier.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code config} with its binds, servers and admin socket on loopback */
    String loopback(String config, Map<String, Integer> serverPorts) {
        Map<String, Integer> used = new HashMap<>();
        binds.forEach((address, port) -> {
            if (config.contains("bind " + address)) {
                used.put(address, port);
            }
        });
        return LoopbackConfig.rewrite(config, used, serverPorts, adminSocket());
    }

    /**
     * Writes what the delivery uploads — the configuration, the certificate with its key, Cloudflare's
     * ranges, the deployment's origin-pull CA — into a fresh staging folder.
     */
    Path stage(String config, String cloudflareRanges) throws IOException {
        Path staging = Files.createTempDirectory(dir, "staging-");
        Files.writeString(staging.resolve("haproxy.cfg"), config);
        Files.writeString(staging.resolve("origin.pem"), pki.originPem());
        Files.writeString(staging.resolve("cloudflare-ipv4.lst"), cloudflareRanges);
        Files.copy(pki.pullCa(), staging.resolve("origin-pull-ca.pem"));
        return staging;
    }

    /**
     * Runs the shipped apply script on {@code staging}, as the delivery's last provisioner does.
     *
     * @param settleSeconds the settle time the tier's delivery passes
     * @param environment   anything to override besides this folder's layout
     * @return its exit code, output and wall time
     */
    ApplyResult apply(Path staging, long settleSeconds, Map<String, String> environment)
            throws IOException, InterruptedException {
        return start(staging, settleSeconds, environment, List.of()).finish();
    }

    /**
     * Starts the shipped apply script on {@code staging} without waiting for it, so a drill can act on what it
     * says while it runs (its output is one pipe, read line by line).
     *
     * @param options e.g. {@code --detach}, before the staging folder
     */
    RunningApply start(Path staging, long settleSeconds, Map<String, String> environment, List<String> options)
            throws IOException {
        Path script = dir.resolve("tandem-haproxy-apply");
        if (!Files.exists(script)) {
            Files.writeString(script, shipped("tandem-haproxy-apply"));
        }
        // As sshd starts a session: HUP at its default. A shell that starts with a signal ignored cannot trap it
        // (POSIX, "trap"), so a drill run under nohup would otherwise test nothing.
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=HUP", "sh", script.toString()));
        command.addAll(options);
        command.add(staging.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("TANDEM_HAPROXY_ROOT", root.toString());
        env.put("TANDEM_HAPROXY", binary.path().toString());
        env.put("TANDEM_HAPROXY_RELOAD", "kill -USR2 " + master.pid());
        env.put("TANDEM_HAPROXY_PIDFILE", pidFile().toString());
        env.put("TANDEM_HAPROXY_HEALTH", "http://127.0.0.1:" + localHealthPort() + "/healthz");
        env.put("TANDEM_HAPROXY_SETTLE", String.valueOf(settleSeconds));
        env.put("TMPDIR", Files.createDirectories(dir.resolve("tmp")).toString());
        env.putAll(environment);
        return new RunningApply(pb.start(), staging, System.nanoTime());
    }

    /** @return where a detached apply keeps its output and status ({@code TMPDIR} of the runs) */
    Path runs() {
        return dir.resolve("tmp");
    }

    /** Master pid file, as the apply script reads it. */
    Path pidFile() {
        return dir.resolve("haproxy.pid");
    }

    /** The release root's lock, which one delivery at a time holds. */
    Path lockFile() {
        return root.resolve(".lock");
    }

    /**
     * What one run of the apply script did.
     *
     * @param stagingLeft whether the uploaded folder (with the private key) still exists afterwards
     */
    record ApplyResult(int exitCode, String output, long millis, boolean stagingLeft) {
        private static final Pattern RELOADED = Pattern.compile("after (\\d+) ms");

        /** @return the reload time the script measured (signal to new worker), when it applied */
        long reloadMillis() {
            Matcher m = RELOADED.matcher(output);
            if (!m.find()) {
                throw new AssertionError("no reload time in: " + output);
            }
            return Long.parseLong(m.group(1));
        }
    }

    /**
     * @return the settle time the tier's synthesized delivery passes to the apply script: the command the
     *         deployment runs, read back from its JSON
     */
    static long settleSeconds(HaproxyTier tier) {
        String json = Testing.synth((TerraformStack) TerraformStack.of(tier));
        try {
            JsonNode deliveries = new ObjectMapper().readTree(json).path("resource").path("terraform_data");
            List<String> commands = new ArrayList<>();
            deliveries.elements().forEachRemaining(d -> d.path("provisioner").elements().forEachRemaining(
                    step -> step.path("remote-exec").path("inline").elements()
                            .forEachRemaining(line -> commands.add(line.asText()))));
            return commands.stream().map(SETTLE::matcher).filter(Matcher::find).map(m -> Long.parseLong(m.group(1)))
                    .findFirst().orElseThrow(() -> new AssertionError("no TANDEM_HAPROXY_SETTLE in " + commands));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the bcrypt cost the tier's synthesized delivery gives the stats password's hash */
    static int statsBcryptCost(HaproxyTier tier) {
        String json = Testing.synth((TerraformStack) TerraformStack.of(tier));
        Matcher m = BCRYPT.matcher(json);
        if (!m.find()) {
            throw new AssertionError("no bcrypt(var…, cost) in the tier's delivery");
        }
        return Integer.parseInt(m.group(1));
    }

    /** @return the release {@code current} points at */
    Path currentRelease() throws IOException {
        return Files.readSymbolicLink(root.resolve("current"));
    }

    long masterPid() {
        return master.pid();
    }

    boolean masterAlive() {
        return master.isAlive();
    }

    int httpsPort() {
        return binds.get(":443");
    }

    int localHealthPort() {
        return binds.get("127.0.0.1:8405");
    }

    int statsPort() {
        return binds.get(":8404");
    }

    StatsSocket admin() {
        return new StatsSocket(adminSocket());
    }

    StatsSocket masterCli() {
        return new StatsSocket(masterSocket());
    }

    Path log() {
        return dir.resolve("haproxy.log");
    }

    private Path adminSocket() {
        return dir.resolve("admin.sock");
    }

    private Path masterSocket() {
        return dir.resolve("master.sock");
    }

    /** Waits until the master answers on its CLI and has written its pid file. */
    private void awaitMaster() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                if (Files.exists(pidFile()) && Files.exists(masterSocket()) && !masterCli().currentWorkers().isEmpty()) {
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
        throw new AssertionError("HAProxy's master did not start:\n" + Files.readString(log()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (master != null) {
            master.destroy();
            if (!master.waitFor(5, TimeUnit.SECONDS)) {
                master.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** @return the servers' loopback ports by name, in order */
    static Map<String, Integer> ports(Map<String, DrillBackend> backends) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        backends.forEach((name, b) -> ports.put(name, b.port()));
        return ports;
    }
}
