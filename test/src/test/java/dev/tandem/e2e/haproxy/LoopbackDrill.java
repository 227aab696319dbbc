package dev.tandem.e2e.haproxy;

import dev.tandem.rehearsal.loopback.HttpProbe;
import dev.tandem.rehearsal.loopback.HttpsProbe;
import dev.tandem.rehearsal.loopback.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every loopback drill starts from: three stand-in app servers, the test certificates, an instance
 * bootstrapped as cloud-init leaves it, and a client that presents Cloudflare's certificate from 127.0.0.1
 * (inside the drills' allow-list).
 */
final class LoopbackDrill implements AutoCloseable {
    private final Map<String, DrillBackend> backends = new LinkedHashMap<>();
    private TestPki pki;
    private LoopbackTier instance;
    private HttpsProbe cloudflare;

    private LoopbackDrill() {
    }

    /** @return the drill, its instance bootstrapped under {@code dir} (skips without haproxy) */
    static LoopbackDrill start(Path dir) throws Exception {
        LoopbackDrill drill = new LoopbackDrill();
        try {
            HaproxyBinary binary = HaproxyBinary.require();
            for (String name : List.of("app-1", "app-2", "app-3")) {
                drill.backends.put(name, new DrillBackend(name));
            }
            drill.pki = TestPki.create(dir.resolve("pki"));
            drill.cloudflare = HttpsProbe.of(drill.pki.originCa(), Optional.of(drill.pki.cloudflareClient()),
                    "127.0.0.1");
            drill.instance = LoopbackTier.bootstrap(binary, dir.resolve("instance"), drill.pki);
            return drill;
        } catch (Exception | Error e) {
            drill.close();
            throw e;
        }
    }

    /**
     * Delivers {@code config} (a tier's text) as the provisioners do: moved onto loopback, staged with the
     * certificate and the allow-list, then put into service by the apply script.
     */
    LoopbackTier.ApplyResult deliver(String config, long settleSeconds, Map<String, String> environment)
            throws Exception {
        return deliver(config, LoopbackTier.ports(backends), settleSeconds, environment);
    }

    /** The same, with the servers on {@code serverPorts} instead of the stand-ins. */
    LoopbackTier.ApplyResult deliver(String config, Map<String, Integer> serverPorts, long settleSeconds,
            Map<String, String> environment) throws Exception {
        return instance.apply(instance.stage(instance.loopback(config, serverPorts),
                LoopbackTier.CLOUDFLARE_ON_LOOPBACK), settleSeconds, environment);
    }

    /** @return a staging folder holding {@code config} on loopback and the other uploaded files */
    Path stage(String config) throws Exception {
        return instance.stage(instance.loopback(config, LoopbackTier.ports(backends)), LoopbackTier.CLOUDFLARE_ON_LOOPBACK);
    }

    /** The delivery with one of its files left out of the upload, as a broken provisioner would leave it. */
    LoopbackTier.ApplyResult deliverWithout(String file, String config, long settleSeconds) throws Exception {
        Path staging = instance.stage(instance.loopback(config, LoopbackTier.ports(backends)),
                LoopbackTier.CLOUDFLARE_ON_LOOPBACK);
        Files.delete(staging.resolve(file));
        return instance.apply(staging, settleSeconds, Map.of());
    }

    /** @return Cloudflare's request for {@code path} with the edge's host name */
    HttpProbe.Response request(String path) {
        return cloudflare.get(instance.httpsPort(), path, TestPki.HOSTNAME);
    }

    DrillBackend backend(String name) {
        return backends.get(name);
    }

    List<String> backendNames() {
        return List.copyOf(backends.keySet());
    }

    TestPki pki() {
        return pki;
    }

    LoopbackTier instance() {
        return instance;
    }

    @Override
    public void close() throws InterruptedException {
        backends.values().forEach(DrillBackend::close);
        if (instance != null) {
            instance.close();
        }
    }
}
