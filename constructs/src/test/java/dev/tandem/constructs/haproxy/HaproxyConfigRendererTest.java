package dev.tandem.constructs.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.constructs.core.BackendServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HaproxyConfigRendererTest {

    static HaproxyConfig sample(Optional<StatsFrontend> stats) {
        return new HaproxyConfig(List.of("sample"), GlobalSection.debian(),
                new DefaultsSection(Timeouts.defaults(),
                        new CheckTiming(Duration.ofMillis(1500), 3, 2, Duration.ofSeconds(1)), 3),
                List.of(new Frontend("https",
                        List.of(Bind.tls(443, new TlsTermination("site.pem", Optional.of("client-ca.pem"),
                                ClientCertificates.REQUIRED_EXCEPT_MONITOR))),
                        Optional.of("allowed.lst"), Optional.of("app.example"), Optional.of(new Monitor("/healthz", "app")),
                        "app"),
                        new Frontend("plain", List.of(Bind.all(8080), Bind.tls(8443,
                                TlsTermination.serverOnly("site.pem"))), Optional.empty(), Optional.empty(),
                                Optional.empty(), "app")),
                new LocalHealth(Bind.loopback(8405), new Monitor("/healthz", "app")),
                stats,
                List.of(new Backend("app", Balance.LEASTCONN, new HttpCheck("/healthz", "app.example", 200),
                        List.of(BackendServer.of("app-1", "10.10.1.5", 8080),
                                BackendServer.of("app-2", "10.10.1.6", 8080).withWeight(3)))));
    }

    @Test
    void aConfigRendersToTheExpectedText() {
        assertThat(HaproxyConfigRenderer.render(sample(Optional.empty()))).isEqualTo("""
                # sample

                global
                    log /dev/log local0
                    chroot /var/lib/haproxy
                    user haproxy
                    group haproxy
                    stats socket /run/haproxy/admin.sock mode 660 level admin expose-fd listeners
                    stats timeout 30s
                    ssl-default-bind-options ssl-min-ver TLSv1.2

                defaults
                    mode http
                    log global
                    option httplog
                    option dontlognull
                    option forwardfor
                    option redispatch
                    retries 3
                    retry-on conn-failure empty-response
                    timeout connect 5s
                    timeout client 30s
                    timeout server 30s
                    timeout check 1s
                    default-server inter 1500ms fall 3 rise 2

                frontend https
                    bind :443 ssl crt site.pem ca-file client-ca.pem verify optional
                    tcp-request connection reject unless { src -f allowed.lst }
                    monitor-uri /healthz
                    monitor fail if { nbsrv(app) lt 1 }
                    http-request deny deny_status 421 unless { ssl_fc_sni,lower -m str app.example } { req.hdr(host),field(1,:),lower -m str app.example }
                    http-request deny deny_status 403 unless { ssl_c_used } { ssl_c_verify 0 }
                    default_backend app

                frontend plain
                    bind :8080
                    bind :8443 ssl crt site.pem
                    default_backend app

                frontend local-health
                    bind 127.0.0.1:8405
                    monitor-uri /healthz
                    monitor fail if { nbsrv(app) lt 1 }
                    http-request deny

                backend app
                    balance leastconn
                    http-request disable-l7-retry unless METH_GET || METH_OPTIONS
                    option httpchk
                    http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host app.example
                    http-check expect status 200
                    server app-1 10.10.1.5:8080 check weight 1
                    server app-2 10.10.1.6:8080 check weight 3
                """);
    }

    @Test
    void theStatsPageChecksAUserlistWhosePasswordHashIsAPlaceholderAndAdmitsOnlyItsNetwork() {
        String text = HaproxyConfigRenderer.render(sample(Optional.of(new StatsFrontend(
                Bind.all(8404), "203.0.113.0/24", "admin", "HAPROXY_STATS_PASSWORD_HASH"))));

        assertThat(text).doesNotContain("stats auth").contains("""
                userlist stats-users
                    user admin password $HAPROXY_STATS_PASSWORD_HASH

                frontend stats
                    bind :8404
                    http-request deny unless { src 203.0.113.0/24 }
                    stats enable
                    stats uri /
                    stats refresh 10s
                    stats http-request auth unless { http_auth(stats-users) }

                backend app
                """);
    }

    @Test
    void durationsUseSecondsWhenWholeAndMillisecondsOtherwise() {
        assertThat(HaproxyConfigRenderer.time(Duration.ofSeconds(5))).isEqualTo("5s");
        assertThat(HaproxyConfigRenderer.time(Duration.ofMillis(200))).isEqualTo("200ms");
        assertThat(HaproxyConfigRenderer.time(Duration.ofMinutes(1))).isEqualTo("60s");
    }
}
