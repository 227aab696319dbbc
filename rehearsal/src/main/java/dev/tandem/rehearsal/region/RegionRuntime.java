package dev.tandem.rehearsal.region;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.rehearsal.Deployment.App;
import dev.tandem.rehearsal.Deployment.Instance;
import dev.tandem.rehearsal.Deployment.Probe;
import dev.tandem.rehearsal.Deployment.Region;
import dev.tandem.rehearsal.Scale;
import dev.tandem.rehearsal.data.DataEngine;
import dev.tandem.rehearsal.loopback.TestPki;
import dev.tandem.rehearsal.postgres.LibpqClient;
import dev.tandem.rehearsal.postgres.RegionDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One region on loopback, at {@code 127.<n>.*.*} for the n-th region of the failover order: the app's pods at
 * {@code 127.n.1.i} with their readiness probes, the Service at {@code 127.n.0.254} (the address HAProxy's
 * servers name when they name the Service's load balancer IP), and each HAProxy instance at {@code 127.n.2.i}
 * with every bind of its configuration on that address. The region's data is the {@link DataEngine} of its AWS
 * region, or its PostgreSQL ({@link RegionDatabase}, at {@code 127.n.3.1}), which each pod reaches through a
 * {@link LibpqClient} wired as the Deployment's libpq variables say.
 */
public final class RegionRuntime implements AutoCloseable {
    private static final Pattern SERVER = Pattern.compile("^\\s+server (\\S+) (\\S+):(\\d+)\\b.*$", Pattern.MULTILINE);
    private static final Pattern BIND = Pattern.compile("^\\s+bind (\\S+)", Pattern.MULTILINE);

    /** A client request's data budget: unscaled, as a real app would give it. */
    private static final Duration REQUEST_BUDGET = Duration.ofSeconds(1);

    private final Region spec;
    private final int n;
    private final List<AppPod> pods = new ArrayList<>();
    private final List<ReadinessProber> probers = new ArrayList<>();
    private final List<HaproxyInstance> instances = new ArrayList<>();
    private final Optional<DataEngine> data;
    private final Optional<RegionDatabase> database;
    private final List<LibpqClient> libpq = new ArrayList<>();
    private final DynamoDbClient healthData;
    private final DynamoDbClient requestData;
    private final Probe probe;
    private ServiceProxy service;

    /**
     * @param n    the region's place in the failover order, from 1
     * @param data the engine of the region's AWS region, if it has data
     */
    public RegionRuntime(Region spec, int n, Optional<DataEngine> data, Scale scale, Path haproxy, Path dir)
            throws IOException {
        this(spec, n, data, Optional.empty(), List.of(), scale, haproxy, dir);
    }

    /**
     * @param database  the region's PostgreSQL, if it has one
     * @param pgHosts   PGHOST's hosts, each mapped to the loopback server behind it (or to an address where nothing
     *                  listens)
     */
    public RegionRuntime(Region spec, int n, Optional<DataEngine> data, Optional<RegionDatabase> database,
            List<InetSocketAddress> pgHosts, Scale scale, Path haproxy, Path dir) throws IOException {
        this.spec = spec;
        this.n = n;
        this.data = data;
        this.database = database;
        App app = spec.app();
        Probe probe = new Probe(app.readiness().path(), app.readiness().port(), scale.down(app.readiness().period()),
                scale.down(app.readiness().timeout()), app.readiness().failureThreshold(),
                app.readiness().successThreshold());
        // The health answer gives its data check three quarters of the health timeout, so a hanging table answers
        // 503 within the contract (the DR report asks this of the app). A client's request gets an unscaled
        // second, as a real app would give it: scaling that budget too would turn this machine's scheduling
        // hiccups into failures.
        this.healthData = data.map(d -> d.client(probe.timeout().multipliedBy(3).dividedBy(4))).orElse(null);
        this.requestData = data.map(d -> d.client(REQUEST_BUDGET)).orElse(null);
        boolean healthIncludesData = spec.data().map(d -> d.healthIncludesData())
                .or(() -> spec.postgres().map(p -> p.healthIncludesData())).orElse(false);
        Duration healthBudget = probe.timeout().multipliedBy(3).dividedBy(4);
        for (int i = 0; i < app.replicas(); i++) {
            InetSocketAddress at = new InetSocketAddress(address(1, i + 1), app.port());
            String name = spec.stack() + "-app-" + (i + 1);
            if (spec.postgres().isPresent()) {
                LibpqClient client = new LibpqClient(pgHosts, spec.postgres().get().database(),
                        spec.postgres().get().targetSessionAttrs());
                libpq.add(client);
                pods.add(new AppPod(spec.stack(), name, at, app.readiness().path(), () -> client.read(healthBudget),
                        () -> client.read(REQUEST_BUDGET), healthIncludesData,
                        Optional.of(id -> client.write(id, REQUEST_BUDGET) == LibpqClient.Write.ACKED)));
            } else {
                pods.add(new AppPod(spec.stack(), name, at, app.readiness().path(), () -> dataAnswers(healthData),
                        () -> dataAnswers(requestData), healthIncludesData));
            }
        }
        for (int i = 0; i < spec.instances().size(); i++) {
            Instance instance = spec.instances().get(i);
            InetAddress address = address(2, i + 1);
            Map<String, String> binds = new LinkedHashMap<>();
            for (String config : List.of(instance.config(), instance.bootstrap())) {
                Matcher bind = BIND.matcher(config);
                while (bind.find()) {
                    String port = bind.group(1).substring(bind.group(1).lastIndexOf(':') + 1);
                    binds.put(bind.group(1), address.getHostAddress() + ":" + port);
                }
            }
            // short folder names: HAProxy refuses a socket path over 97 characters
            instances.add(new HaproxyInstance(instance, haproxy, dir.resolve("h" + (i + 1)), binds));
        }
        this.probe = probe;
    }

    /** Starts the pods, their probes and the Service, and bootstraps every HAProxy instance. */
    public void start() throws IOException, InterruptedException {
        for (AppPod pod : pods) {
            pod.start();
            probers.add(new ReadinessProber(pod, probe));
        }
        service = new ServiceProxy(new InetSocketAddress(address(0, 254), spec.app().servicePort()), probers);
        for (HaproxyInstance instance : instances) {
            instance.bootstrap();
        }
    }

    /** Delivers each instance's configuration in parallel, as Terraform runs the deliveries. */
    public void deliver(Scale scale, TestPki pki, String edgeRanges) throws Exception {
        ExecutorService parallel = Executors.newFixedThreadPool(instances.size());
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (HaproxyInstance instance : instances) {
                results.add(parallel.submit(() -> instance.deliver(scale, servers(instance), pki, edgeRanges)));
            }
            for (Future<Integer> result : results) {
                result.get();
            }
        } finally {
            parallel.shutdown();
        }
    }

    /**
     * @return every server of the instance's configuration on loopback: one naming the Service's load balancer IP
     *         goes to the Service's loopback address on the port it names (nothing listens there unless it is the
     *         Service's port); any other address goes to an address where nothing listens
     */
    private Map<String, String> servers(HaproxyInstance instance) {
        Map<String, String> servers = new LinkedHashMap<>();
        Matcher m = SERVER.matcher(spec.instances().get(instances.indexOf(instance)).config());
        while (m.find()) {
            InetAddress target = m.group(2).equals(spec.app().serviceAddress()) ? address(0, 254) : address(0, 253);
            servers.put(m.group(1), target.getHostAddress() + ":" + m.group(3));
        }
        return servers;
    }

    private boolean dataAnswers(DynamoDbClient dataClient) {
        if (dataClient == null) {
            return true;
        }
        try {
            for (JsonNode table : spec.data().get().tables().values()) {
                Map<String, AttributeValue> key = new LinkedHashMap<>();
                for (String part : List.of("hash_key", "range_key")) {
                    if (table.hasNonNull(part)) {
                        key.put(table.path(part).asText(), sample(table, table.path(part).asText()));
                    }
                }
                dataClient.getItem(b -> b.tableName(table.path("name").asText()).key(key));
            }
            return true;
        } catch (AwsServiceException answered) {
            // DynamoDB answered: the data is reachable unless the service itself failed
            return answered.statusCode() < 500;
        } catch (SdkException unreachable) {
            return false;
        }
    }

    private static AttributeValue sample(JsonNode table, String attribute) {
        for (JsonNode a : table.path("attribute")) {
            if (a.path("name").asText().equals(attribute)) {
                return switch (a.path("type").asText()) {
                    case "N" -> AttributeValue.fromN("0");
                    case "B" -> AttributeValue.fromB(SdkBytes.fromUtf8String("rehearsal"));
                    default -> AttributeValue.fromS("rehearsal");
                };
            }
        }
        return AttributeValue.fromS("rehearsal");
    }

    private InetAddress address(int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) n, (byte) c, (byte) d});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every pod crashes and stays down (worst case: no restart brings it back). */
    public void crashPods() {
        pods.forEach(AppPod::crash);
        libpq.forEach(LibpqClient::reset);
    }

    public void restartPods() throws IOException {
        for (AppPod pod : pods) {
            pod.start();
        }
    }

    public void slowHealth(Duration delay) {
        pods.forEach(p -> p.healthDelay(delay));
    }

    public Region spec() {
        return spec;
    }

    public List<HaproxyInstance> instances() {
        return instances;
    }

    public Optional<DataEngine> data() {
        return data;
    }

    /** @return the region's PostgreSQL, if it has one */
    public Optional<RegionDatabase> database() {
        return database;
    }

    /** The region's data stops answering: its DynamoDB engine or its PostgreSQL server is stopped where it stands. */
    public void partitionData() throws IOException, InterruptedException {
        if (database.isPresent()) {
            database.get().pause();
        } else {
            data.orElseThrow().partition();
        }
    }

    /** Ends {@link #partitionData()}. */
    public void healData() throws IOException, InterruptedException {
        if (database.isPresent()) {
            database.get().resume();
        } else {
            data.orElseThrow().heal();
        }
    }

    public Probe probe() {
        return probe;
    }

    public long readyPods() {
        return service == null ? 0 : service.readyEndpoints();
    }

    public int pods() {
        return pods.size();
    }

    /** @return the loopback address of the instance named {@code name} */
    public InetAddress instanceAddress(String name) {
        for (int i = 0; i < instances.size(); i++) {
            if (instances.get(i).name().equals(name)) {
                return address(2, i + 1);
            }
        }
        throw new IllegalArgumentException("no instance " + name + " in " + spec.stack());
    }

    @Override
    public void close() throws Exception {
        for (HaproxyInstance instance : instances) {
            instance.close();
        }
        if (service != null) {
            service.close();
        }
        probers.forEach(ReadinessProber::close);
        pods.forEach(AppPod::close);
        if (healthData != null) {
            healthData.close();
            requestData.close();
        }
        libpq.forEach(LibpqClient::close);
    }
}
