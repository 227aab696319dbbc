package dev.tandem.constructs.readiness;

import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.edge.CloudflareFailoverLb;
import dev.tandem.constructs.edge.MonitorSettings;
import dev.tandem.constructs.haproxy.Backend;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.constructs.haproxy.Monitor;
import dev.tandem.constructs.health.HealthContract;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link Rule#HEALTH_CONTRACT}: each layer's health check, read from its synthesized settings, against
 * the contract as that layer reaches the app. "Port" differs per layer: the kubelet dials the pod's
 * port; HAProxy dials each server's port (the Service's, which forwards to the container's); the
 * Cloudflare monitor dials HAProxy's frontend, whose {@code monitor-uri} answers for the region.
 */
final class HealthAgreement {
    /** What HAProxy's {@code monitor-uri} answers while its backend has a usable server. */
    static final int HAPROXY_MONITOR_OK = 200;

    private HealthAgreement() {
    }

    static List<CheckResult> check(FailoverChain chain, HealthContract contract) {
        List<CheckResult> results = new ArrayList<>();
        for (RegionChain region : chain.regions()) {
            kubernetes(results, region, contract);
            haproxy(results, region.haproxy(), contract);
        }
        chain.edge().filter(e -> !chain.regions().isEmpty()).ifPresent(edge -> edge(results, edge, chain));
        return results;
    }

    private static void kubernetes(List<CheckResult> results, RegionChain region, HealthContract contract) {
        Map<String, Probe> probes = AppProbes.probes(region.app());
        // With the data in the health answer, startup and liveness only open the port (HealthScope):
        // the path must then be the readiness probe's, which is what drains the pods.
        boolean tcpAllowed = contract.includesData();
        String paths = describe(probes, HTTPGetAction::getPath);
        String ports = describe(probes, g -> String.valueOf(g.getPort().getIntVal()));
        Probe readiness = probes.get("readinessProbe");
        boolean samePath = readiness != null && readiness.getHttpGet() != null
                && contract.path().equals(readiness.getHttpGet().getPath())
                && probes.values().stream().allMatch(p -> p.getHttpGet() != null
                        ? contract.path().equals(p.getHttpGet().getPath()) : tcpAllowed && p.getTcpSocket() != null);
        boolean samePort = !probes.isEmpty() && probes.values().stream()
                .allMatch(p -> Integer.valueOf(contract.port()).equals(port(p)));
        String fix = "give the cluster's AppSpec the deployment's HealthContract (.health(contract))";
        results.add(CheckResult.of(Rule.HEALTH_CONTRACT, region.appPath(), "probes.httpGet.path", samePath, paths,
                tcpAllowed ? "the readiness probe GETs the contract's path " + contract.path() + " (startup and "
                        + "liveness may only open the port: the health answer includes the data)"
                        : "every probe GETs the contract's path " + contract.path(), fix));
        results.add(CheckResult.of(Rule.HEALTH_CONTRACT, region.appPath(), "probes.httpGet.port", samePort, ports,
                "every probe dials the pod on the contract's port " + contract.port(), fix));
    }

    private static Integer port(Probe p) {
        if (p.getHttpGet() != null) {
            return p.getHttpGet().getPort().getIntVal();
        }
        return p.getTcpSocket() == null ? null : p.getTcpSocket().getPort().getIntVal();
    }

    private static String describe(Map<String, Probe> probes, Function<HTTPGetAction, String> part) {
        if (probes.isEmpty()) {
            return "no probes";
        }
        return probes.entrySet().stream()
                .map(e -> e.getKey() + " " + Optional.ofNullable(e.getValue().getHttpGet()).map(part)
                        .orElseGet(() -> Optional.ofNullable(e.getValue().getTcpSocket())
                                .map(t -> "tcp " + t.getPort().getIntVal()).orElse("not HTTP")))
                .collect(Collectors.joining(", "));
    }

    private static void haproxy(List<CheckResult> results, HaproxyTier tier, HealthContract contract) {
        String path = tier.getNode().getPath();
        String fix = "give the HaproxyTier the deployment's HealthContract (.health(contract))";
        for (Backend backend : tier.config().backends()) {
            String prefix = "backend " + backend.name() + " ";
            results.add(CheckResult.of(Rule.HEALTH_CONTRACT, path, prefix + "http-check path",
                    contract.path().equals(backend.check().path()), backend.check().path(),
                    "the contract's path " + contract.path(), fix));
            results.add(CheckResult.of(Rule.HEALTH_CONTRACT, path, prefix + "http-check expect status",
                    backend.check().expectedStatus() == contract.expectedStatus(), backend.check().expectedStatus(),
                    "the contract's status " + contract.expectedStatus(), fix));
            List<BackendServer> servers = backend.servers();
            results.add(CheckResult.of(Rule.HEALTH_CONTRACT, path, prefix + "server ports",
                    !servers.isEmpty() && servers.stream().allMatch(s -> s.port() == contract.port()),
                    servers.stream().map(s -> s.name() + ":" + s.port()).collect(Collectors.joining(", ")),
                    "the contract's port " + contract.port() + " (HAProxy checks each server on its own port)",
                    "serve the app on the contract's port: AppSpec containerPort " + contract.port()
                            + " (the Service forwards its port to it)"));
        }
        List<String> monitors = tier.config().frontends().stream().flatMap(f -> f.monitor().stream())
                .map(Monitor::uri).toList();
        results.add(CheckResult.of(Rule.HEALTH_CONTRACT, path, "frontend monitor-uri",
                !monitors.isEmpty() && monitors.stream().allMatch(contract.path()::equals),
                monitors.isEmpty() ? "none" : String.join(", ", monitors),
                "the contract's path " + contract.path() + ", which the edge's monitor requests from the tier", fix));
    }

    private static void edge(List<CheckResult> results, CloudflareFailoverLb edge, FailoverChain chain) {
        String path = edge.getNode().getPath();
        MonitorSettings m = edge.props().monitor();
        int port = m.port();
        String monitorPath = edge.props().health().path();
        for (RegionChain region : chain.regions()) {
            List<String> uris = region.haproxy().config().frontends().stream().flatMap(f -> f.monitor().stream())
                    .map(Monitor::uri).toList();
            results.add(CheckResult.of(Rule.HEALTH_CONTRACT, path, "monitor.path (pool " + region.pool().name() + ")",
                    uris.contains(monitorPath), monitorPath,
                    "the path " + region.haproxyPath() + " answers itself (monitor-uri " + String.join(", ", uris)
                            + ")", "give the CloudflareFailoverLb the deployment's HealthContract (.health(contract))"));
            List<String> binds = region.haproxy().config().frontends().stream().filter(f -> f.monitor().isPresent())
                    .flatMap(f -> f.binds().stream())
                    .filter(b -> b.tls().isPresent() == m.https())
                    .map(b -> String.valueOf(b.port())).toList();
            results.add(CheckResult.of(Rule.HEALTH_CONTRACT, path, "monitor.port (pool " + region.pool().name() + ")",
                    binds.contains(String.valueOf(port)), (m.https() ? "HTTPS " : "HTTP ") + port,
                    "a port " + region.haproxyPath() + "'s frontend binds for " + (m.https() ? "HTTPS" : "HTTP")
                            + " (" + (binds.isEmpty() ? "none" : String.join(", ", binds)) + ")",
                    "probe the tier where it serves: MonitorSettings https(true) and port "
                            + region.haproxy().httpsPort() + " (tier.httpsPort()); the tier has no plain-HTTP port"));
        }
        int expected = edge.props().health().expectedStatus();
        results.add(CheckResult.of(Rule.HEALTH_CONTRACT, path, "monitor.expectedCodes", expected == HAPROXY_MONITOR_OK,
                expected, HAPROXY_MONITOR_OK + ", what HAProxy's monitor-uri answers while the region has a usable "
                        + "server (the contract's status is checked by HAProxy against the app)",
                "use a health contract whose expectedStatus is 200: CloudflareFailoverLb expects the contract's "
                        + "status from HAProxy, which always answers 200"));
    }
}
