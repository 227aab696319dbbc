package dev.tandem.constructs.readiness;

import static dev.tandem.constructs.readiness.ReadinessFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.constructs.postgres.PostgresDatabaseProps;
import dev.tandem.constructs.postgres.ReplicationMode;
import dev.tandem.providers.ovh.cloud_project_storage.CloudProjectStorageVersioning;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresChecksTest {
    private static final String PRIMARY = "primary/sessions-archive";
    private static final String SECONDARY = "secondary/sessions-archive";
    /** Archive-only loses up to 35 s; a one-minute decision plus the apply fits a two-minute RTO. */
    private static final DrTargets TARGETS = DrTargets.builder().rto(Duration.ofMinutes(2)).rpo(Duration.ofMinutes(1)).build();

    private static ReadinessFixture withDatabase() {
        ReadinessFixture f = new ReadinessFixture();
        f.postgres = PostgresDatabaseProps.builder().name("sessions").primaryRegion("EU-WEST-PAR")
                .archiveTimeout(Duration.ofSeconds(30)).promotionDecisionTime(Duration.ofMinutes(1));
        return f;
    }

    private static ReadinessReport evaluate(ReadinessFixture f) {
        return f.evaluate(TARGETS, List.of());
    }

    @Test
    void anArchiveOnlyDatabaseWithBothArchivesInThePeerPassesEveryRuleAndReportsItsRpo() {
        ReadinessReport report = evaluate(withDatabase());

        assertThat(report.checks()).filteredOn(c -> c.rule().id().startsWith("postgres-"))
                .hasSize(8).allSatisfy(c -> assertThat(c.verdict()).as(c.toString()).isEqualTo(Verdict.PASS));
        assertThat(check(report, Rule.POSTGRES_ARCHIVE, PRIMARY, "archive[EU-WEST-PAR]").found())
                .isEqualTo("sessions-wal-eu-west-par held in EU-SOUTH-MIL (EU-SOUTH-MIL), versioning enabled, deleted versions kept 14 days");
        assertThat(check(report, Rule.RECOVERY_POINT, PRIMARY, "rpo").verdict()).isEqualTo(Verdict.PASS);
        assertThat(report.rpoTotal()).isEqualTo(Duration.ofSeconds(35));
        assertThat(report.markdown()).contains("| postgresql | primary/sessions-archive | 35 s | ARCHIVE_ONLY")
                .contains("### Promote the standby").contains("### What split brain looks like")
                .doesNotContain("Manual promotion breaks");
        assertThat(report.json()).contains("\"mode\": \"ARCHIVE_ONLY\"").contains("\"archiveTimeoutSeconds\": 30")
                .contains("\"rpoBoundSeconds\": 35").contains("\"writesResumeWithinRto\": true")
                .contains("\"role\": \"replica\"").contains("\"archivesTo\": \"sessions-wal-eu-south-mil\"");
    }

    @Test
    void aPrimaryAwayFromTheEdgesFirstPoolFails() {
        ReadinessFixture f = withDatabase();
        f.postgres.primaryRegion("EU-SOUTH-MIL");

        CheckResult primary = check(evaluate(f), Rule.POSTGRES_PRIMARY, "secondary/sessions-archive", "primaryRegion");
        assertThat(primary.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(primary.required()).contains("EU-WEST-PAR");
    }

    @Test
    void anArchiveNoPeerHoldsOrWithoutVersioningFails() {
        ReadinessFixture missing = withDatabase();
        missing.archiveRegions = List.of("primary");
        assertThat(check(evaluate(missing), Rule.POSTGRES_ARCHIVE, PRIMARY, "archive[EU-WEST-PAR]").found())
                .isEqualTo("sessions-wal-eu-west-par held by no stack");

        ReadinessFixture unversioned = withDatabase();
        unversioned.archiveHook = a -> a.resource().putVersioning(CloudProjectStorageVersioning.builder()
                .status("suspended").build());
        ReadinessReport report = evaluate(unversioned);
        CheckResult archive = report.checks().stream().filter(c -> c.rule() == Rule.POSTGRES_ARCHIVE
                && c.verdict() == Verdict.FAIL).findFirst().orElseThrow();
        assertThat(archive.found()).contains("versioning off");
    }

    @Test
    void oneInstanceAndAOneZoneStandbyAreFindings() {
        ReadinessFixture f = withDatabase();
        f.postgres.instancesPerRegion(1).singleInstanceAccepted(true);
        f.oneZoneStandby();

        ReadinessReport report = evaluate(f);
        assertThat(check(report, Rule.POSTGRES_INSTANCES, SECONDARY, "instancesPerRegion").verdict())
                .isEqualTo(Verdict.FAIL);
        assertThat(check(report, Rule.SINGLE_ZONE, SECONDARY, "zones[DE1]").verdict()).isEqualTo(Verdict.WARN);
        assertThat(check(report, Rule.SINGLE_ZONE, PRIMARY, "zones[EU-WEST-PAR]").verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void streamingNeedsASharedNetworkAndAFreeAddressOnIt() {
        ReadinessFixture alone = withDatabase();
        alone.postgres.replicationMode(ReplicationMode.STREAMING)
                .streamingAddresses(Map.of("EU-WEST-PAR", "10.30.200.10", "EU-SOUTH-MIL", "10.30.200.20"));
        assertThat(check(evaluate(alone), Rule.POSTGRES_NETWORK, PRIMARY, "replicationMode").verdict())
                .isEqualTo(Verdict.FAIL);

        ReadinessFixture shared = withDatabase();
        shared.sharedNetwork = true;
        shared.postgres.replicationMode(ReplicationMode.STREAMING)
                .streamingAddresses(Map.of("EU-WEST-PAR", "10.30.0.5", "EU-SOUTH-MIL", "10.30.70.20"));
        ReadinessReport report = evaluate(shared);
        assertThat(check(report, Rule.POSTGRES_NETWORK, PRIMARY, "replicationMode").verdict()).isEqualTo(Verdict.PASS);
        assertThat(check(report, Rule.POSTGRES_NETWORK, PRIMARY, "streamingAddresses").verdict()).isEqualTo(Verdict.PASS);
        CheckResult inPool = check(report, Rule.POSTGRES_NETWORK, SECONDARY, "streamingAddresses");
        assertThat(inPool.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(inPool.found()).isEqualTo("10.30.70.20");
        assertThat(report.rpoTotal()).isEqualTo(Duration.ofSeconds(1));
        assertThat(report.json()).contains("\"rpoTypicalSeconds\": 1").contains("\"rpoBoundSeconds\": 35");
    }

    @Test
    void synchronousLosesNothingAndArchiveOnlyFailsATightRpo() {
        ReadinessFixture sync = withDatabase();
        sync.sharedNetwork = true;
        sync.postgres.replicationMode(ReplicationMode.SYNCHRONOUS)
                .streamingAddresses(Map.of("EU-WEST-PAR", "10.30.0.5", "EU-SOUTH-MIL", "10.30.64.5"));
        ReadinessReport report = sync.evaluate(DrTargets.builder().rto(Duration.ofMinutes(2)).rpo(Duration.ofSeconds(1))
                .build(), List.of());
        assertThat(check(report, Rule.RECOVERY_POINT, PRIMARY, "rpo").verdict()).isEqualTo(Verdict.PASS);
        assertThat(report.json()).contains("\"rpoBoundSeconds\": 0");

        CheckResult archiveOnly = check(withDatabase().evaluate(DrTargets.builder().rto(Duration.ofMinutes(2))
                .rpo(Duration.ofSeconds(10)).build(), List.of()), Rule.RECOVERY_POINT, PRIMARY, "rpo");
        assertThat(archiveOnly.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(archiveOnly.fix()).contains("lower archiveTimeout").contains("relax DrTargets rpo to 35 s");
    }

    @Test
    void aLongPromotionDecisionBreaksTheRtoPlainlyAndCanBeAccepted() {
        ReadinessFixture f = withDatabase();
        f.postgres.promotionDecisionTime(Duration.ofMinutes(10));

        ReadinessReport failed = evaluate(f);
        CheckResult promotion = check(failed, Rule.POSTGRES_PROMOTION, PRIMARY, "promotionDecisionTime");
        assertThat(promotion.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(promotion.found()).isEqualTo("600 s decision + 60 s to apply = 660 s until writes resume");
        assertThat(failed.markdown()).contains("**Manual promotion breaks the RTO target for sessions.**")
                .contains("AcceptedRisk.of(Rule.POSTGRES_PROMOTION, \"primary/sessions-archive\", reason)");

        ReadinessReport accepted = f.evaluate(TARGETS, List.of(AcceptedRisk.of(Rule.POSTGRES_PROMOTION, PRIMARY,
                "the on-call decides within 10 minutes")));
        assertThat(check(accepted, Rule.POSTGRES_PROMOTION, PRIMARY, "promotionDecisionTime").verdict())
                .isEqualTo(Verdict.ACCEPTED);
        assertThat(accepted.failures()).isEmpty();
    }
}
