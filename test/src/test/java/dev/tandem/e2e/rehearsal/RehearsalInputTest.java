package dev.tandem.e2e.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.rehearsal.Deployment;
import dev.tandem.rehearsal.Deployment.Instance;
import dev.tandem.rehearsal.DeploymentReader;
import dev.tandem.rehearsal.Scale;
import java.time.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** What the rehearsal reads from the synthesized reference, and how its one time factor changes HAProxy's. */
class RehearsalInputTest {

    @Test
    void theRehearsalFindsEveryLayerOfTheReferenceInItsSynthesizedOutput() throws Exception {
        Deployment d = DeploymentReader.read(SynthesizedDeployment.outdir());

        assertThat(d.hostname()).isEqualTo("app.example.com");
        assertThat(d.regions()).extracting(Deployment.Region::stack).containsExactly("primary", "secondary");
        assertThat(d.active().pool()).isEqualTo("tandem-primary");
        assertThat(d.active().app().replicas()).isEqualTo(3);
        assertThat(d.active().app().readiness().path()).isEqualTo("/healthz");
        assertThat(d.active().app().serviceAddress()).isEqualTo("10.10.255.254");
        assertThat(d.active().data().orElseThrow().awsRegion()).isEqualTo("eu-west-3");
        assertThat(d.failover().data().orElseThrow().awsRegion()).isEqualTo("eu-central-1");
        Instance first = d.active().instances().get(0);
        assertThat(first.name()).isEqualTo("primary-haproxy-1");
        assertThat(first.config()).contains("ca-file origin-pull-ca.pem", "server tandem 10.10.255.254:8080");
        assertThat(first.apply()).as("tandem-haproxy-apply from the user data").startsWith("#!/bin/sh");
        assertThat(first.bootstrap()).contains("monitor fail if TRUE");
        assertThat(first.settle()).isEqualTo(Duration.ofSeconds(18));
        assertThat(d.edge().defaultPools()).containsExactly("tandem-primary", "tandem-secondary");
        assertThat(d.edge().fallbackPool()).isEqualTo("tandem-secondary");
        assertThat(d.edge().presentsClientCertificate()).isTrue();
        assertThat(d.edge().pools().get("tandem-primary").origins()).extracting(Deployment.Origin::instance)
                .containsExactly("primary-haproxy-1", "primary-haproxy-2");
        assertThat(d.edge().monitor().interval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(d.edge().monitor().consecutiveDown()).isEqualTo(2);
        assertThat(d.objectives().rtoSeconds()).isEqualTo(79);
        assertThat(d.objectives().layerSeconds()).containsEntry("cloudflare", 50);
    }

    @Test
    void theScaleShortensHaproxysTimingsAndKeepsItsCounts() {
        String config = "    timeout connect 5s\n    timeout check 2s\n    default-server inter 5s fall 3 rise 2\n"
                + "    server a 10.0.0.1:80 check inter 1500ms\n";

        assertThat(new Scale(10).haproxy(config)).isEqualTo("    timeout connect 500ms\n    timeout check 200ms\n"
                + "    default-server inter 500ms fall 3 rise 2\n    server a 10.0.0.1:80 check inter 150ms\n");
        assertThat(new Scale(10).downSeconds(Duration.ofSeconds(18))).isEqualTo(2);
        assertThat(new Scale(10).back(4.1)).isEqualTo(41.0, Offset.offset(1e-9));
    }
}
