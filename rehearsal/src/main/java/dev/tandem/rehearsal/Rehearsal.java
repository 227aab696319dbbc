package dev.tandem.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.rehearsal.Deployment.Region;
import dev.tandem.rehearsal.data.DataEngine;
import dev.tandem.rehearsal.edge.EdgeEmulator;
import dev.tandem.rehearsal.loopback.HttpsProbe;
import dev.tandem.rehearsal.loopback.TestPki;
import dev.tandem.rehearsal.postgres.PostgresBinaries;
import dev.tandem.rehearsal.postgres.RegionDatabase;
import dev.tandem.rehearsal.region.RegionRuntime;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole deployment standing on loopback: a test PKI standing in for the deployment's CAs, one DynamoDB engine
 * per AWS region that holds tables or one PostgreSQL server per region ({@link RegionDatabase}), every region ({@link RegionRuntime}) with its configuration delivered, and the
 * edge ({@link EdgeEmulator}) in front. Expects to run in a network namespace of its own (./rehearse starts it
 * with {@code unshare -n}): it binds the edge on port 80 and the tiers on 443 of 127.x addresses.
 */
public final class Rehearsal implements AutoCloseable {
    private final Deployment deployment;
    private final Scale scale;
    private final Map<String, DataEngine> engines = new LinkedHashMap<>();
    private final Map<Region, RegionDatabase> databases = new LinkedHashMap<>();
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
        if (deployment.postgres()) {
            startDatabases(work);
        }
        for (Region region : deployment.regions()) {
            int n = regions.size() + 1;
            RegionRuntime runtime = new RegionRuntime(region, n, region.data().map(d -> engines.get(d.awsRegion())),
                    Optional.ofNullable(databases.get(region)), pgHosts(region), scale, haproxy, work.resolve("r" + n));
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

    /**
     * One PostgreSQL server per region at {@code 127.n.3.1} on PGPORT: the primary region's first (the replica cluster
     * is a base backup of it), each with the archive timeout its {@code Cluster} renders, scaled.
     */
    private void startDatabases(Path work) throws Exception {
        PostgresBinaries pg = PostgresBinaries.locate();
        // The server user must pass through the work folder to its own.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        List<Region> order = deployment.regions().stream()
                .sorted((a, b) -> Boolean.compare(b.postgres().orElseThrow().primary(), a.postgres().orElseThrow().primary()))
                .toList();
        RegionDatabase primary = null;
        for (Region region : order) {
            Deployment.Postgres spec = region.postgres().orElseThrow();
            Duration archiveTimeout = Duration.ofSeconds(Math.max(1, scale.downSeconds(spec.settings().archiveTimeout())));
            Path dir = work.resolve("pg-" + region.stack());
            InetAddress address = databaseAddress(region);
            RegionDatabase db = primary == null
                    ? RegionDatabase.primary(pg, spec.cluster(), spec.database(), spec.settings(), archiveTimeout, dir,
                            address, spec.port())
                    : RegionDatabase.standby(pg, spec.cluster(), spec.database(), spec.settings(), archiveTimeout, dir,
                            address, spec.port(), primary);
            databases.put(region, db);
            primary = primary == null ? db : primary;
        }
    }

    /**
     * @return PGHOST's hosts of {@code region}'s pods on loopback: its own cluster's read-write Service name goes to
     *         its server, a region's fixed read-write address to that region's server, anything else to an address
     *         where nothing listens
     */
    private List<InetSocketAddress> pgHosts(Region region) throws UnknownHostException {
        if (region.postgres().isEmpty()) {
            return List.of();
        }
        Deployment.Postgres spec = region.postgres().get();
        List<InetSocketAddress> hosts = new ArrayList<>();
        for (String host : spec.hosts()) {
            InetAddress target = InetAddress.getByAddress(new byte[] {127, 0, 3, (byte) 253});
            for (Region r : deployment.regions()) {
                Deployment.Postgres p = r.postgres().orElseThrow();
                boolean service = r == region && (host.equals(p.cluster() + "-rw") || host.startsWith(p.cluster() + "-rw."));
                if (service || p.fixedAddress().filter(host::equals).isPresent()) {
                    target = databaseAddress(r);
                }
            }
            hosts.add(new InetSocketAddress(target, spec.port()));
        }
        return hosts;
    }

    private InetAddress databaseAddress(Region region) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {127, (byte) (deployment.regions().indexOf(region) + 1), 3, 1});
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
        databases.values().forEach(RegionDatabase::close);
    }
}
