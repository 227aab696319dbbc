package dev.tandem.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.rehearsal.Deployment.Region;
import dev.tandem.rehearsal.data.DataEngine;
import dev.tandem.rehearsal.edge.EdgeEmulator;
import dev.tandem.rehearsal.loopback.HttpsProbe;
import dev.tandem.rehearsal.loopback.TestPki;
import dev.tandem.rehearsal.region.RegionRuntime;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole deployment standing on loopback: a test PKI standing in for the deployment's CAs, one DynamoDB engine
 * per AWS region that holds tables, every region ({@link RegionRuntime}) with its configuration delivered, and the
 * edge ({@link EdgeEmulator}) in front. Expects to run in a network namespace of its own (./rehearse starts it
 * with {@code unshare -n}): it binds the edge on port 80 and the tiers on 443 of 127.x addresses.
 */
public final class Rehearsal implements AutoCloseable {
    private final Deployment deployment;
    private final Scale scale;
    private final Map<String, DataEngine> engines = new LinkedHashMap<>();
    private final List<RegionRuntime> regions = new ArrayList<>();
    private EdgeEmulator edge;

    private Rehearsal(Deployment deployment, Scale scale) {
        this.deployment = deployment;
        this.scale = scale;
    }

    /**
     * @param dynalite the installed dynalite package
     * @param work     a fresh folder for certificates, releases and logs
     * @return the deployment, up: deliveries done, the edge probing
     */
    public static Rehearsal standUp(Deployment deployment, Scale scale, Path dynalite, Path work) throws Exception {
        Rehearsal r = new Rehearsal(deployment, scale);
        try {
            r.start(dynalite, work);
            return r;
        } catch (Exception | Error e) {
            r.close();
            throw e;
        }
    }

    private void start(Path dynalite, Path work) throws Exception {
        TestPki pki = TestPki.create(work.resolve("pki"), deployment.hostname());
        Path haproxy = haproxyBinary();
        for (Region region : deployment.regions()) {
            if (region.data().isPresent() && !engines.containsKey(region.data().get().awsRegion())) {
                List<JsonNode> tables = deployment.regions().stream().flatMap(r -> r.data().stream())
                        .flatMap(d -> d.tables().values().stream()).distinct().toList();
                String awsRegion = region.data().get().awsRegion();
                engines.put(awsRegion, DataEngine.start(dynalite, awsRegion, tables));
            }
        }
        for (Region region : deployment.regions()) {
            int n = regions.size() + 1;
            RegionRuntime runtime = new RegionRuntime(region, n, region.data().map(d -> engines.get(d.awsRegion())),
                    scale, haproxy, work.resolve("r" + n));
            regions.add(runtime);
            runtime.start();
        }
        for (RegionRuntime region : regions) {
            region.deliver(scale, pki, EdgeEmulator.EDGE_SOURCE + "/32\n");
        }
        Map<String, InetAddress> origins = new LinkedHashMap<>();
        deployment.edge().pools().values().forEach(pool -> pool.origins().forEach(o -> origins.put(o.name(),
                region(deployment.regionOfPool(pool.name())).instanceAddress(o.instance()))));
        HttpsProbe traffic = HttpsProbe.of(pki.originCa(), deployment.edge().presentsClientCertificate()
                ? Optional.of(pki.cloudflareClient()) : Optional.empty(), EdgeEmulator.EDGE_SOURCE);
        HttpsProbe monitor = HttpsProbe.of(pki.originCa(), Optional.empty(), EdgeEmulator.EDGE_SOURCE);
        edge = new EdgeEmulator(deployment.edge(), deployment.hostname(), origins, traffic, monitor, scale);
    }

    private static Path haproxyBinary() {
        // /usr/sbin is where Debian puts it and is not on every user's PATH.
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")),
                        Stream.of("/usr/sbin", "/usr/local/sbin"))
                .filter(d -> !d.isEmpty()).map(d -> Path.of(d, "haproxy")).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("haproxy is not installed (Debian: apt-get install -y"
                        + " haproxy); the rehearsal runs the real one"));
    }

    /** @return the runtime of {@code region} */
    public RegionRuntime region(Region region) {
        return regions.stream().filter(r -> r.spec() == region).findFirst().orElseThrow();
    }

    public List<RegionRuntime> regions() {
        return regions;
    }

    public EdgeEmulator edge() {
        return edge;
    }

    public Deployment deployment() {
        return deployment;
    }

    public Scale scale() {
        return scale;
    }

    @Override
    public void close() throws Exception {
        if (edge != null) {
            edge.close();
        }
        for (RegionRuntime region : regions) {
            region.close();
        }
        for (DataEngine engine : engines.values()) {
            engine.close();
        }
    }
}
