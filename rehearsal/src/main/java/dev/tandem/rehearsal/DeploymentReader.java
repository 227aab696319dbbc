package dev.tandem.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tandem.rehearsal.Deployment.App;
import dev.tandem.rehearsal.Deployment.Data;
import dev.tandem.rehearsal.Deployment.Edge;
import dev.tandem.rehearsal.Deployment.Instance;
import dev.tandem.rehearsal.Deployment.Monitor;
import dev.tandem.rehearsal.Deployment.Objectives;
import dev.tandem.rehearsal.Deployment.Origin;
import dev.tandem.rehearsal.Deployment.Pool;
import dev.tandem.rehearsal.Deployment.Postgres;
import dev.tandem.rehearsal.Deployment.PostgresObjectives;
import dev.tandem.rehearsal.Deployment.Probe;
import dev.tandem.rehearsal.Deployment.Region;
import dev.tandem.rehearsal.postgres.ClusterSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code cdktf.out/}: the DR report for the regions' order and data, each region stack's Terraform JSON
 * for its HAProxy instances (what each delivery uploads, what the bootstrap installs), the region's Kubernetes
 * YAML for the app, and the stack holding the Cloudflare load balancer for the edge. Nothing is assumed that the
 * output does not say; a reference the rehearsal cannot follow is an error naming it.
 */
public final class DeploymentReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern REF = Pattern.compile("^\\$\\{([a-z0-9_]+)\\.([^.}]+)\\.[a-z_]+}$");
    private static final Pattern REMOTE = Pattern.compile(
            "^\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-([^.]+)\\.outputs\\.([^}]+)}$");
    private static final Pattern LOCAL = Pattern.compile("^\\$\\{local\\.([^}]+)}$");
    private static final Pattern SETTLE = Pattern.compile("TANDEM_HAPROXY_SETTLE=(\\d+)");
    private static final Pattern HEALTH = Pattern.compile("TANDEM_HAPROXY_HEALTH='([^']+)'");

    private final Path out;
    private final Map<String, JsonNode> stacks = new LinkedHashMap<>();

    private DeploymentReader(Path out) throws IOException {
        this.out = out;
        try (Stream<Path> dirs = Files.list(out.resolve("stacks"))) {
            for (Path dir : dirs.sorted().toList()) {
                Path json = dir.resolve("cdk.tf.json");
                if (Files.isRegularFile(json)) {
                    stacks.put(dir.getFileName().toString(), JSON.readTree(json.toFile()));
                }
            }
        }
    }

    /** @return the deployment synthesized into {@code out} */
    public static Deployment read(Path out) throws IOException {
        return new DeploymentReader(out).deployment();
    }

    private Deployment deployment() throws IOException {
        JsonNode report = JSON.readTree(out.resolve("dr-report.json").toFile());
        JsonNode lb = only("cloudflare_load_balancer");
        List<Region> regions = new ArrayList<>();
        for (JsonNode r : report.path("chain").path("regions")) {
            String stack = r.path("haproxy").path("path").asText().split("/")[0];
            regions.add(new Region(stack, r.path("role").asText(), r.path("pool").path("name").asText(),
                    app(stack, r.path("app").path("path").asText()), instances(stack), data(r.path("data")),
                    postgres(stack, r.path("postgres"))));
        }
        return new Deployment(lb.path("name").asText(), regions, edge(lb), objectives(report));
    }

    private Edge edge(JsonNode lb) {
        Map<String, Pool> pools = new LinkedHashMap<>();
        Map<String, String> poolNames = new LinkedHashMap<>();
        JsonNode monitor = null;
        for (Map.Entry<String, JsonNode> e : resources("cloudflare_load_balancer_pool").entrySet()) {
            JsonNode p = e.getValue();
            List<Origin> origins = new ArrayList<>();
            for (JsonNode o : p.path("origins")) {
                origins.add(new Origin(o.path("name").asText(), instanceBehind(o.path("address").asText()),
                        o.path("weight").asDouble(1), o.path("enabled").asBoolean(true)));
            }
            pools.put(p.path("name").asText(), new Pool(p.path("name").asText(), p.path("minimum_origins").asInt(1),
                    p.path("origin_steering").path("policy").asText("random"), origins));
            poolNames.put(e.getKey(), p.path("name").asText());
            monitor = resource(p.path("monitor").asText());
        }
        List<String> order = new ArrayList<>();
        lb.path("default_pools").forEach(ref -> order.add(poolNames.get(key(ref.asText()))));
        return new Edge(monitor(monitor), pools, order, poolNames.get(key(lb.path("fallback_pool").asText())),
                lb.path("steering_policy").asText("off"),
                lb.path("adaptive_routing").path("failover_across_pools").asBoolean(false), originPullsOn());
    }

    /** Zone-level authenticated origin pulls: a certificate uploaded and the zone's setting enabled. */
    private boolean originPullsOn() {
        boolean enabled = resources("cloudflare_authenticated_origin_pulls_settings").values().stream()
                .anyMatch(s -> s.path("enabled").asBoolean(false));
        return enabled && !resources("cloudflare_authenticated_origin_pulls_certificate").isEmpty();
    }

    private static Monitor monitor(JsonNode m) {
        // What the emulated monitor does not do is refused, never ignored: a rehearsal that passed without it
        // would claim more than it showed.
        String method = m.path("method").asText("GET");
        if (!method.equals("GET") || m.hasNonNull("expected_body") || m.path("follow_redirects").asBoolean(false)
                || !List.of("http", "https").contains(m.path("type").asText("http"))) {
            throw new IllegalArgumentException("the rehearsal emulates GET monitors of type http or https without"
                    + " expected_body or follow_redirects; this monitor has method " + method + ", type "
                    + m.path("type").asText("http") + (m.hasNonNull("expected_body") ? ", expected_body" : "")
                    + (m.path("follow_redirects").asBoolean(false) ? ", follow_redirects" : ""));
        }
        Optional<String> host = m.path("header").has("Host")
                ? Optional.of(m.path("header").path("Host").get(0).asText()) : Optional.empty();
        String type = m.path("type").asText("http");
        return new Monitor(type, method, m.path("path").asText("/"),
                m.path("port").asInt(type.equals("https") ? 443 : 80), host, m.path("expected_codes").asText("200"),
                Duration.ofSeconds(m.path("interval").asLong(60)), Duration.ofSeconds(m.path("timeout").asLong(5)),
                m.path("retries").asInt(2), m.path("consecutive_up").asInt(0), m.path("consecutive_down").asInt(0));
    }

    /** Follows an origin's address to the HAProxy instance whose floating IP it is. */
    private String instanceBehind(String address) {
        Matcher remote = REMOTE.matcher(address);
        if (!remote.matches()) {
            throw new IllegalArgumentException("origin address " + address + " is not a region stack's output");
        }
        String stack = remote.group(1);
        String floatingIp = stack(stack).path("output").path(remote.group(2)).path("value").asText();
        for (JsonNode instance : typed(stack, "ovh_cloud_instance").values()) {
            for (JsonNode network : instance.path("networks")) {
                if (network.path("ip").asText().equals(floatingIp)) {
                    return instance.path("name").asText();
                }
            }
        }
        throw new IllegalArgumentException("no instance of stack " + stack + " carries " + floatingIp);
    }

    private List<Instance> instances(String stack) throws IOException {
        List<Instance> instances = new ArrayList<>();
        Map<String, JsonNode> deliveries = typed(stack, "terraform_data");
        for (JsonNode instance : typed(stack, "ovh_cloud_instance").values()) {
            String floatingIp = instance.path("networks").path(0).path("ip").asText();
            JsonNode delivery = deliveries.values().stream()
                    .filter(d -> d.path("connection").path("host").asText().equals(floatingIp)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no delivery to " + floatingIp + " in " + stack));
            String config = null;
            String command = "";
            for (JsonNode step : delivery.path("provisioner")) {
                JsonNode file = step.path("file");
                if (file.path("destination").asText().endsWith("/haproxy.cfg")) {
                    config = local(stack, file.path("content").asText());
                }
                for (JsonNode line : step.path("remote-exec").path("inline")) {
                    command += line.asText() + "\n";
                }
            }
            Matcher settle = SETTLE.matcher(command);
            Matcher health = HEALTH.matcher(command);
            if (config == null || !settle.find() || !health.find()) {
                throw new IllegalArgumentException(stack + ": the delivery to " + instance.path("name").asText()
                        + " uploads no haproxy.cfg or passes no TANDEM_HAPROXY_SETTLE/TANDEM_HAPROXY_HEALTH");
            }
            Map<String, String> files = cloudInitFiles(bootstrap(stack, instance.path("user_data").asText()));
            instances.add(new Instance(instance.path("name").asText(), config,
                    Duration.ofSeconds(Long.parseLong(settle.group(1))), health.group(1),
                    files.get("/usr/local/sbin/tandem-haproxy-apply"),
                    files.get("/etc/haproxy/tandem/releases/bootstrap/haproxy.cfg")));
        }
        return instances;
    }

    /**
     * @return the instance's cloud-config: its literal user data, or, where Terraform renders the user data
     *         (each instance's SSH host key goes into it), the tier's bootstrap side file the expression starts from
     */
    private String bootstrap(String stack, String userData) throws IOException {
        if (!userData.startsWith("${")) {
            return new String(Base64.getDecoder().decode(userData), StandardCharsets.UTF_8);
        }
        try (Stream<Path> files = Files.walk(out.resolve("stacks").resolve(stack))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(".cloud-init.yaml")).toList();
            if (found.size() != 1) {
                throw new IllegalArgumentException(stack + ": expected one *.cloud-init.yaml side file, found " + found);
            }
            return Files.readString(found.get(0));
        }
    }

    /** @return the files the bootstrap writes, by path */
    private static Map<String, String> cloudInitFiles(String cloudConfig) throws IOException {
        JsonNode init = YAML.readTree(cloudConfig);
        Map<String, String> files = new LinkedHashMap<>();
        init.path("write_files").forEach(f -> files.put(f.path("path").asText(), f.path("content").asText()));
        return files;
    }

    private App app(String stack, String path) throws IOException {
        Path k8s = out.resolve("stacks").resolve(stack).resolve("k8s");
        JsonNode deployment = YAML.readTree(k8s.resolve("deployment.yaml").toFile());
        JsonNode service = YAML.readTree(k8s.resolve("service.yaml").toFile());
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").path(0);
        JsonNode probe = container.path("readinessProbe");
        int port = container.path("ports").path(0).path("containerPort").asInt();
        Map<String, String> env = new LinkedHashMap<>();
        container.path("env").forEach(e -> {
            if (e.has("value")) {
                env.put(e.path("name").asText(), e.path("value").asText());
            }
        });
        JsonNode servicePort = service.path("spec").path("ports").path(0);
        return new App(path, deployment.path("spec").path("replicas").asInt(1), port,
                new Probe(probe.path("httpGet").path("path").asText("/"), namedPort(container,
                        probe.path("httpGet").path("port")),
                        Duration.ofSeconds(probe.path("periodSeconds").asLong(10)),
                        Duration.ofSeconds(probe.path("timeoutSeconds").asLong(1)),
                        probe.path("failureThreshold").asInt(3), probe.path("successThreshold").asInt(1)),
                service.path("spec").path("loadBalancerIP").asText(), servicePort.path("port").asInt(), env);
    }

    private static int namedPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new IllegalArgumentException("no container port named " + port.asText());
    }

    private Optional<Data> data(JsonNode data) {
        if (data.isMissingNode() || data.isNull()) {
            return Optional.empty();
        }
        Map<String, JsonNode> tables = new LinkedHashMap<>();
        data.path("tables").fields().forEachRemaining(t -> tables.put(t.getKey(), table(t.getValue().asText())));
        return Optional.of(new Data(data.path("awsRegion").asText(), data.path("healthIncludesData").asBoolean(),
                tables));
    }

    /**
     * @return the region's PostgreSQL when its stack renders a CloudNativePG {@code Cluster}
     *         ({@code postgres/cluster.yaml}); the app's libpq variables come from its Deployment
     */
    private Optional<Postgres> postgres(String stack, JsonNode reported) throws IOException {
        Path dir = out.resolve("stacks").resolve(stack);
        Path clusterYaml = dir.resolve("postgres/cluster.yaml");
        if (!Files.isRegularFile(clusterYaml)) {
            return Optional.empty();
        }
        JsonNode cluster = YAML.readTree(clusterYaml.toFile());
        Path rw = dir.resolve("postgres/rw-service.yaml");
        Optional<String> fixed = Files.isRegularFile(rw)
                ? Optional.of(YAML.readTree(rw.toFile()).path("spec").path("loadBalancerIP").asText())
                        .filter(a -> !a.isEmpty())
                : Optional.empty();
        JsonNode container = YAML.readTree(dir.resolve("k8s/deployment.yaml").toFile()).path("spec").path("template")
                .path("spec").path("containers").path(0);
        Map<String, String> env = new LinkedHashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        if (!env.containsKey("PGHOST")) {
            throw new IllegalArgumentException(stack + ": the app's Deployment passes no PGHOST for the database of "
                    + clusterYaml);
        }
        return Optional.of(new Postgres(cluster.path("metadata").path("name").asText(),
                ClusterSettings.read(Files.readString(clusterYaml)),
                cluster.path("spec").path("bootstrap").has("initdb"), fixed, List.of(env.get("PGHOST").split(",")),
                Integer.parseInt(env.getOrDefault("PGPORT", "5432")), env.getOrDefault("PGDATABASE", "postgres"),
                env.getOrDefault("PGTARGETSESSIONATTRS", "any"), healthIncludesData(stack, reported)));
    }

    /** The health scope as the DR report states it for the region's database ({@code chain.regions[].postgres}). */
    private static boolean healthIncludesData(String stack, JsonNode reported) {
        JsonNode stated = reported.path("healthIncludesData");
        if (!stated.isBoolean()) {
            throw new IllegalArgumentException(stack + ": dr-report.json gives no healthIncludesData for the region's "
                    + "database; synthesize again with this version of Tandem");
        }
        return stated.asBoolean();
    }

    private JsonNode table(String name) {
        return resources("aws_dynamodb_table").values().stream().filter(t -> t.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no aws_dynamodb_table " + name));
    }

    private static Objectives objectives(JsonNode report) {
        Map<String, Integer> layers = new LinkedHashMap<>();
        report.path("recoveryTime").path("layers")
                .forEach(l -> layers.merge(l.path("layer").asText(), l.path("worstCaseSeconds").asInt(), Math::max));
        JsonNode pg = report.path("recoveryPoint").path("postgres").path(0);
        Optional<PostgresObjectives> postgres = pg.isObject()
                ? Optional.of(new PostgresObjectives(pg.path("mode").asText(), pg.path("rpoBoundSeconds").asInt(),
                        pg.path("promotionDecisionSeconds").asInt(), pg.path("writesResumeSeconds").asInt()))
                : Optional.empty();
        return new Objectives(report.path("recoveryTime").path("totalSeconds").asInt(),
                report.path("recoveryPoint").path("totalSeconds").asInt(), layers, postgres);
    }

    private String local(String stack, String content) {
        Matcher local = LOCAL.matcher(content);
        return local.matches() ? stack(stack).path("locals").path(local.group(1)).asText() : content;
    }

    private JsonNode stack(String name) {
        JsonNode stack = stacks.get(name);
        if (stack == null) {
            throw new IllegalArgumentException("no stack " + name + " in " + out);
        }
        return stack;
    }

    private Map<String, JsonNode> typed(String stack, String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = stack(stack).path("resource").path(type).fields();
        it.forEachRemaining(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    /** @return every resource of {@code type} in every stack, by its key */
    private Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        stacks.keySet().forEach(s -> found.putAll(typed(s, type)));
        return found;
    }

    private JsonNode only(String type) {
        Map<String, JsonNode> found = resources(type);
        if (found.size() != 1) {
            throw new IllegalArgumentException("expected one " + type + " in " + out + ", found " + found.size());
        }
        return found.values().iterator().next();
    }

    /** @return the resource a {@code ${type.key.attr}} reference names */
    private JsonNode resource(String ref) {
        Matcher m = REF.matcher(ref);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a resource reference: " + ref);
        }
        return resources(m.group(1)).get(m.group(2));
    }

    private static String key(String ref) {
        Matcher m = REF.matcher(ref);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a resource reference: " + ref);
        }
        return m.group(2);
    }
}
