package dev.tandem.e2e.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.e2e.SynthesizedDeployment;
import dev.tandem.e2e.postgres.RequiredPostgres;
import dev.tandem.rehearsal.Deployment;
import dev.tandem.rehearsal.DeploymentReader;
import dev.tandem.rehearsal.postgres.StandbyMode;
import dev.tandem.stacks.ReferenceDeployment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rehearsal of the archive-only PostgreSQL reference ({@code ./synth --data postgres}): Debian's PostgreSQL per
 * region started from the rendered {@code Cluster}s, the app stand-ins on the Deployment's libpq wiring, the active
 * region's database stopped (the health scope includes the data, so traffic fails over), then the whole active region
 * lost, the standby promoted at the report's decision time (scaled) and the writes' figures held to the report.
 */
class PostgresRehearsalTest {
    private static final Path OUT = SynthesizedDeployment.variant("postgres", ReferenceDeployment.postgresSpec());

    @Test
    void theRehearsalReadsEachRegionsClusterAndTheAppsLibpqWiring() throws Exception {
        Deployment d = DeploymentReader.read(OUT);

        Deployment.Postgres active = d.active().postgres().orElseThrow();
        Deployment.Postgres failover = d.failover().postgres().orElseThrow();
        assertThat(active.primary()).as("the active region's Cluster bootstraps with initdb").isTrue();
        assertThat(failover.primary()).as("the failover region's Cluster recovers from its peer").isFalse();
        assertThat(active.settings().mode()).isEqualTo(StandbyMode.ARCHIVE_ONLY);
        assertThat(active.settings().archiveTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(active.hosts()).isEqualTo(List.of(active.cluster() + "-rw.tandem.svc"));
        assertThat(active.targetSessionAttrs()).isEqualTo("read-write");
        assertThat(active.healthIncludesData()).as("liveness only opens the port: the health answer includes the data")
                .isTrue();
        Deployment.PostgresObjectives report = d.objectives().postgres().orElseThrow();
        assertThat(report.mode()).isEqualTo("ARCHIVE_ONLY");
        assertThat(report.rpoBoundSeconds()).isEqualTo(35);
        assertThat(report.writesResumeSeconds()).isEqualTo(report.promotionDecisionSeconds() + 60);
    }

    @Test
    @Timeout(300)
    void aLostRegionLosesNoMoreThanTheRecoveryPointAndTakesWritesOnlyAfterThePromotion() throws Exception {
        RequiredPostgres.binaries();
        RehearsalRun run = RehearsalRun.of(OUT, "steady-state", "data-unreachable", "region-dies");

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode steady = run.scenario("steady-state").path("postgres");
        assertThat(steady.path("writes").asInt()).as("writes in the steady state").isPositive();
        assertThat(steady.path("acked_writes").asInt()).as(run.output()).isEqualTo(steady.path("writes").asInt());

        JsonNode unreachable = run.scenario("data-unreachable");
        assertThat(unreachable.path("served_by").asText()).as(run.output()).isEqualTo("secondary");
        assertThat(unreachable.path("verdict").asText()).as(run.output()).isEqualTo("pass");

        JsonNode dies = run.scenario("region-dies");
        JsonNode pg = dies.path("postgres");
        int scale = run.report().path("scale").asInt();
        assertThat(dies.path("served_by").asText()).as(run.output()).isEqualTo("secondary");
        assertThat(pg.path("verdict").asText()).as(run.output()).isEqualTo("pass");
        assertThat(pg.path("measured_loss_window_s").asDouble()).as("writing time lost, against the RPO bound")
                .isLessThanOrEqualTo(pg.path("computed_rpo_bound_s").asDouble() + scale);
        assertThat(pg.path("promoted_after_s").asDouble()).as("the promotion waits for the declared decision time")
                .isGreaterThanOrEqualTo(600);
        assertThat(pg.path("measured_writes_resume_s").asDouble()).as(run.output())
                .isGreaterThanOrEqualTo(pg.path("promoted_after_s").asDouble())
                .isLessThanOrEqualTo(pg.path("computed_writes_resume_s").asDouble());
        assertThat(pg.path("acked_writes").asInt()).as("writes were refused between the loss and the promotion")
                .isLessThan(pg.path("writes").asInt());
        System.out.printf("PostgreSQL rehearsal (archive-only): %s acknowledged writes lost over %s s (bound %s s),"
                + " writes resumed after %s s (report %s s)%n", pg.path("lost_acked_writes"),
                pg.path("measured_loss_window_s"), pg.path("computed_rpo_bound_s"), pg.path("measured_writes_resume_s"),
                pg.path("computed_writes_resume_s"));
    }
}
