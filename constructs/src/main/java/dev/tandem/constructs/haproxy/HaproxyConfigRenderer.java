package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.core.BackendServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link HaproxyConfig} to haproxy.cfg text. The output depends only on the model — same
 * values, same bytes — so it can be snapshotted and diffed in review.
 */
public final class HaproxyConfigRenderer {
    private static final String INDENT = "    ";

    private HaproxyConfigRenderer() {
    }

    /** @return the configuration text, sections separated by a blank line, ending with a newline */
    public static String render(HaproxyConfig config) {
        List<List<String>> sections = new ArrayList<>();
        sections.add(config.header().stream().map(line -> line.isEmpty() ? "#" : "# " + line).toList());
        sections.add(global(config.global()));
        sections.add(defaults(config.defaults()));
        config.frontends().forEach(f -> sections.add(frontend(f)));
        sections.add(localHealth(config.localHealth()));
        config.stats().ifPresent(s -> {
            sections.add(statsUsers(s));
            sections.add(stats(s));
        });
        config.backends().forEach(b -> sections.add(backend(b)));
        StringBuilder out = new StringBuilder();
        for (List<String> section : sections) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            section.forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }

    private static List<String> global(GlobalSection g) {
        return section("global",
                "log " + g.logTarget() + " local0",
                "chroot " + g.chroot(),
                "user " + g.user(),
                "group " + g.group(),
                // The new worker of a reload takes the listening sockets over from the old one.
                "stats socket " + g.statsSocket() + " mode 660 level admin expose-fd listeners",
                "stats timeout 30s",
                "ssl-default-bind-options ssl-min-ver TLSv1.2");
    }

    private static List<String> defaults(DefaultsSection d) {
        CheckTiming c = d.check();
        return section("defaults",
                "mode http",
                "log global",
                "option httplog",
                "option dontlognull",
                "option forwardfor",
                "option redispatch",
                "retries " + d.retries(),
                "retry-on conn-failure empty-response",
                "timeout connect " + time(d.timeouts().connect()),
                "timeout client " + time(d.timeouts().client()),
                "timeout server " + time(d.timeouts().server()),
                "timeout check " + time(c.timeout()),
                "default-server inter " + time(c.inter()) + " fall " + c.fall() + " rise " + c.rise());
    }

    private static List<String> frontend(Frontend f) {
        List<String> lines = new ArrayList<>();
        f.binds().forEach(b -> lines.add(bind(b)));
        f.allowedSources().ifPresent(file -> lines.add("tcp-request connection reject unless { src -f " + file + " }"));
        // Written where HAProxy runs it: monitor requests are answered before any http-request rule.
        f.monitor().ifPresent(m -> lines.addAll(monitor(m)));
        f.hostname().ifPresent(host -> lines.add("http-request deny deny_status 421 unless { ssl_fc_sni,lower -m str "
                + host + " } { req.hdr(host),field(1,:),lower -m str " + host + " }"));
        if (f.binds().stream().anyMatch(b -> b.tls().filter(TlsTermination::checksClientPerRequest).isPresent())) {
            // ssl_c_verify is 0 for every certificate that passed the handshake; kept in case an ignore-err is added.
            lines.add("http-request deny deny_status 403 unless { ssl_c_used } { ssl_c_verify 0 }");
        }
        lines.add("default_backend " + f.defaultBackend());
        return section("frontend " + f.name(), lines.toArray(String[]::new));
    }

    private static List<String> monitor(Monitor m) {
        return List.of("monitor-uri " + m.uri(), "monitor fail if { nbsrv(" + m.backend() + ") lt 1 }");
    }

    private static List<String> localHealth(LocalHealth h) {
        List<String> lines = new ArrayList<>(List.of(bind(h.bind())));
        lines.addAll(monitor(h.monitor()));
        // Nothing but the health answer is served here.
        lines.add("http-request deny");
        return section("frontend local-health", lines.toArray(String[]::new));
    }

    /**
     * The stats user with a crypt(3) hash, not {@code stats auth user:password}, which holds the password itself
     * (HAProxy 2.6 configuration.txt, 3.4 "Userlists": {@code password} is checked with crypt(3)).
     */
    private static List<String> statsUsers(StatsFrontend s) {
        return section("userlist " + StatsFrontend.USERLIST, StatsFrontend.userLine(s.user(), s.passwordVariable()));
    }

    private static List<String> stats(StatsFrontend s) {
        // As in configuration.txt's "stats admin" example: ask for credentials until the userlist accepts them.
        return section("frontend stats",
                bind(s.bind()),
                "http-request deny unless { src " + s.allowedSource() + " }",
                "stats enable",
                "stats uri /",
                "stats refresh 10s",
                "stats http-request auth unless { http_auth(" + StatsFrontend.USERLIST + ") }");
    }

    private static List<String> backend(Backend b) {
        List<String> lines = new ArrayList<>(List.of(
                "balance " + b.balance().keyword(),
                // A request lost in a crashing server is replayed only when replaying cannot repeat a write.
                "http-request disable-l7-retry unless METH_GET || METH_OPTIONS",
                "option httpchk",
                "http-check send meth GET uri " + b.check().path() + " ver HTTP/1.1 hdr Host " + b.check().host(),
                "http-check expect status " + b.check().expectedStatus()));
        for (BackendServer s : b.servers()) {
            lines.add("server " + s.name() + " " + s.address() + ":" + s.port() + " check weight " + s.weight());
        }
        return section("backend " + b.name(), lines.toArray(String[]::new));
    }

    private static String bind(Bind b) {
        String line = "bind " + b.address() + ":" + b.port();
        return b.tls().map(tls -> line + " ssl crt " + tls.certificate()
                + tls.clientCa().map(ca -> " ca-file " + ca + " verify "
                        + (tls.checksClientPerRequest() ? "optional" : "required")).orElse("")).orElse(line);
    }

    private static List<String> section(String title, String... lines) {
        List<String> out = new ArrayList<>();
        out.add(title);
        for (String line : lines) {
            out.add(INDENT + line);
        }
        return out;
    }

    /** HAProxy reads a bare number as milliseconds; whole seconds are written as such for readability. */
    static String time(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
