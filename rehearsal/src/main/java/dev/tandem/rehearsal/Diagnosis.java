package dev.tandem.rehearsal;

import dev.tandem.rehearsal.Deployment.Pool;
import dev.tandem.rehearsal.Deployment.Region;
import dev.tandem.rehearsal.LoadClients.Sample;
import dev.tandem.rehearsal.edge.OriginMonitor;
import dev.tandem.rehearsal.loopback.HttpProbe;
import dev.tandem.rehearsal.loopback.StatsSocket.ServerStat;
import dev.tandem.rehearsal.region.HaproxyInstance;
import dev.tandem.rehearsal.region.RegionRuntime;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names the broken layer when a scenario fails, from what the clients saw and what each layer reports at the
 * end, looked at from the edge down: the edge's handshake with the origins, the edge's monitor, HAProxy's checks,
 * the pods' readiness, the data; then the edge's pool order; then the timing.
 */
final class Diagnosis {
    private static final Pattern BACKEND = Pattern.compile("^backend (\\S+)", Pattern.MULTILINE);
    private static final Pattern MONITOR_URI = Pattern.compile("^\\s+monitor-uri (\\S+)", Pattern.MULTILINE);

    /** The broken layer and why. */
    record Finding(String layer, String reason) {
    }

    private Diagnosis() {
    }

    static Optional<Finding> of(Rehearsal rehearsal, List<Sample> samples, String expected, String servedBy,
            Double measured, int computed) {
        Deployment deployment = rehearsal.deployment();
        boolean recovered = measured != null && expected.equals(servedBy);
        if (recovered && measured <= computed) {
            return Optional.empty();
        }
        long forbidden = samples.stream().filter(s -> s.status() == 403).count();
        if (forbidden > 0) {
            return Optional.of(new Finding("edge-origin-pulls", forbidden + " requests answered 403 by HAProxy: it"
                    + " requires a client certificate from the deployment's origin-pull CA and the edge "
                    + (deployment.edge().presentsClientCertificate() ? "presents one it does not accept"
                    : "presents none (no zone-level authenticated origin pulls enabled with an uploaded"
                            + " certificate)")));
        }
        long handshake = samples.stream().filter(s -> s.status() == 525).count();
        if (handshake > 0) {
            return Optional.of(new Finding("edge-origin-tls", handshake + " requests failed the TLS handshake"
                    + " between the edge and HAProxy (525): " + first(samples, 525)));
        }
        long misdirected = samples.stream().filter(s -> s.status() == 421).count();
        if (misdirected > 0) {
            return Optional.of(new Finding("edge-origin-host", misdirected + " requests answered 421: HAProxy"
                    + " serves another host name than the edge's " + deployment.hostname()));
        }
        Region region = deployment.regions().stream().filter(r -> r.stack().equals(expected)).findFirst().orElseThrow();
        RegionRuntime runtime = rehearsal.region(region);
        Pool pool = deployment.edge().pools().get(region.pool());
        if (!rehearsal.edge().steering().healthy(pool)) {
            return Optional.of(whyUnhealthy(rehearsal, runtime, pool));
        }
        if (!recovered) {
            Pool chosen = rehearsal.edge().steering().choose();
            if (chosen != pool) {
                return Optional.of(new Finding("edge-pool-order", "pool " + pool.name() + " of " + expected
                        + " (the DR report's " + region.role() + " region) is healthy, yet the edge sends traffic to "
                        + chosen.name() + ": default_pools = " + deployment.edge().defaultPools() + ", fallback_pool = "
                        + deployment.edge().fallbackPool() + ", steering_policy = "
                        + deployment.edge().steeringPolicy()));
            }
            return Optional.of(new Finding("unknown", "the clients were not served by " + expected + " at the end"
                    + " (last: " + (samples.isEmpty() ? "no answer" : samples.get(samples.size() - 1).body()) + ")"));
        }
        if (computed == 0) {
            long unavailable = samples.stream().filter(s -> s.status() == 503 && s.body().contains("data unreachable"))
                    .count();
            return Optional.of(unavailable > 0
                    ? new Finding("data", unavailable + " requests answered 503 by the app: its data did not answer"
                            + " within the app's budget, with no failure staged")
                    : new Finding("edge", samples.stream().filter(s -> s.status() != 200).count()
                            + " requests failed with no failure staged"));
        }
        return Optional.of(new Finding("timing", String.format(Locale.ROOT,
                "measured %.1f s exceeds the DR report's %d s", measured, computed)));
    }

    /** The expected region's pool is unhealthy: is it the monitor, HAProxy's checks, the pods or the data? */
    private static Finding whyUnhealthy(Rehearsal rehearsal, RegionRuntime region, Pool pool) {
        Map<String, OriginMonitor> monitors = rehearsal.edge().monitors();
        String probes = pool.origins().stream().map(o -> o.name() + ": " + monitors.get(o.name()).last())
                .collect(Collectors.joining("; "));
        for (HaproxyInstance instance : region.instances()) {
            String config = region.spec().instances().get(region.instances().indexOf(instance)).config();
            HttpProbe.Response local = localHealth(instance);
            if (local.status() == 200) {
                Matcher uri = MONITOR_URI.matcher(config);
                return new Finding("edge-monitor", "the monitor fails (" + probes + ") while HAProxy's own health"
                        + " answers 200 on " + (uri.find() ? uri.group(1) : "its monitor-uri") + ": the monitor asks"
                        + " " + rehearsal.deployment().edge().monitor().type() + " port "
                        + rehearsal.deployment().edge().monitor().port() + " "
                        + rehearsal.deployment().edge().monitor().path());
            }
            Matcher backend = BACKEND.matcher(config);
            Map<String, ServerStat> servers = backend.find() ? instance.servers(backend.group(1)) : Map.of();
            boolean allDown = !servers.isEmpty() && servers.values().stream().allMatch(ServerStat::down);
            if (allDown && region.readyPods() > 0) {
                return new Finding("haproxy-check", instance.name() + " marks every server down ("
                        + servers.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().status() + " "
                        + e.getValue().lastCheck()).collect(Collectors.joining(", ")) + ") while " + region.readyPods()
                        + "/" + region.pods() + " pods are ready behind the Service on port "
                        + region.spec().app().servicePort() + ": HAProxy checks an address or port the app does not"
                        + " serve (" + server(config) + ")");
            }
        }
        if (region.readyPods() == 0) {
            boolean dataDown = region.data().isPresent() && region.spec().data().get().healthIncludesData()
                    || region.database().isPresent() && region.spec().postgres().get().healthIncludesData();
            return new Finding("app", "no pod of " + region.spec().stack() + " is ready (readiness GET "
                    + region.spec().app().readiness().path() + " fails"
                    + (dataDown ? "; its health includes the data" : "")
                    + "); edge probes: " + probes);
        }
        return new Finding("haproxy", "pool " + pool.name() + " is unhealthy: " + probes + "; deliveries: "
                + region.instances().stream().map(i -> i.name() + " " + i.delivery())
                .collect(Collectors.joining("; ")));
    }

    private static HttpProbe.Response localHealth(HaproxyInstance instance) {
        URI url = URI.create(instance.localHealth());
        try {
            return HttpProbe.get("127.0.0.1", InetAddress.getByName(url.getHost()), url.getPort(),
                    url.getRawPath(), "localhost", Map.of(), 2000);
        } catch (UnknownHostException e) {
            return new HttpProbe.Response(0, e.toString(), 0);
        }
    }

    private static String server(String config) {
        return config.lines().filter(l -> l.strip().startsWith("server ")).map(String::strip)
                .collect(Collectors.joining("; "));
    }

    private static String first(List<Sample> samples, int status) {
        return samples.stream().filter(s -> s.status() == status).map(Sample::body).findFirst().orElse("");
    }
}
