package dev.tandem.constructs.postgres;

import static dev.tandem.constructs.postgres.PostgresFixtures.FRANKFURT;
import static dev.tandem.constructs.postgres.PostgresFixtures.PARIS;
import static dev.tandem.constructs.postgres.PostgresFixtures.sessions;
import static dev.tandem.constructs.postgres.PostgresFixtures.streaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tandem.constructs.testing.Rejections;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresDatabasePropsTest {
    private static void rejected(PostgresDatabaseProps.Builder props, String property, String value, String why) {
        Rejections.assertRejected(() -> PostgresDatabaseValidation.validate("db", props.build()), "db", property, value, why);
    }

    @Test
    void theDefaultsAreTwoInstancesArchiveOnlyFiveMinutesNightlyBackupsKeptThirtyDays() {
        PostgresDatabaseProps db = sessions().build();
        assertThatCode(() -> PostgresDatabaseValidation.validate("db", db)).doesNotThrowAnyException();
        assertThat(db.instancesPerRegion()).isEqualTo(2);
        assertThat(db.replicationMode()).isEqualTo(ReplicationMode.ARCHIVE_ONLY);
        assertThat(db.archiveTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(db.backupSchedule()).isEqualTo("0 0 2 * * *");
        assertThat(db.backupRetention()).isEqualTo("30d");
        assertThat(db.effectiveImageName()).isEqualTo(PostgresDatabaseProps.DEFAULT_IMAGE);
        assertThat(db.toBuilder().build()).isEqualTo(db);
    }

    @Test
    void eachRegionsArchiveLivesInThePeerRegionsObjectStorage() {
        PostgresDatabaseProps db = sessions().build();
        assertThat(db.archiveBucketName(PARIS)).isEqualTo("sessions-wal-eu-west-par");
        assertThat(db.archiveRegion(PARIS)).isEqualTo("de");
        assertThat(db.archiveEndpoint(PARIS)).isEqualTo("https://s3.de.io.cloud.ovh.net");
        assertThat(db.archiveBucketName(FRANKFURT)).isEqualTo("sessions-wal-de1");
        assertThat(db.archiveRegion(FRANKFURT)).isEqualTo("eu-west-par");
        assertThat(db.archiveEndpoint(FRANKFURT)).isEqualTo("https://s3.eu-west-par.io.cloud.ovh.net");
        assertThat(db.archiveDestinationPath(PARIS)).isEqualTo("s3://sessions-wal-eu-west-par/");
        assertThat(sessions().archiveBucketPrefix("acme").build().archiveBucketName(FRANKFURT))
                .isEqualTo("acme-sessions-wal-de1");
        assertThat(db.clusterName(FRANKFURT)).isEqualTo("sessions-de1");
        assertThat(db.peerRegion(FRANKFURT)).isEqualTo(PARIS);
    }

    @Test
    void thePromotionDecisionTimeHasNoDefault() {
        rejected(sessions().promotionDecisionTime(null), "promotionDecisionTime", "null", "is required");
    }

    @Test
    void oneInstancePerRegionMustBeAcceptedOnPurpose() {
        rejected(sessions().instancesPerRegion(1), "instancesPerRegion", "1", "leaves no local standby");
        assertThatCode(() -> PostgresDatabaseValidation.validate("db",
                sessions().instancesPerRegion(1).singleInstanceAccepted(true).build())).doesNotThrowAnyException();
    }

    @Test
    void theArchiveTimeoutIsWholeSecondsBetweenOneSecondAndAnHour() {
        rejected(sessions().archiveTimeout(Duration.ZERO), "archiveTimeout", "PT0S", "whole seconds from 1 s to 1 h");
        rejected(sessions().archiveTimeout(Duration.ofMillis(1500)), "archiveTimeout", "PT1.5S", "whole seconds");
        rejected(sessions().archiveTimeout(Duration.ofHours(2)), "archiveTimeout", "PT2H", "whole seconds");
    }

    @Test
    void backupsTakeASixFieldCronAndCloudNativePgsRetentionShape() {
        rejected(sessions().backupSchedule("0 2 * * *"), "backupSchedule", "0 2 * * *", "six-field cron");
        rejected(sessions().backupRetention("30 days"), "backupRetention", "30 days", "followed by d, w or m");
        rejected(sessions().backupRetention("0d"), "backupRetention", "0d", "positive number");
    }

    @Test
    void theRegionsAreTwoDistinctOnesWithObjectStorageAndThePrimaryIsOneOfThem() {
        rejected(sessions().regions(PARIS, PARIS), "regions", "[EU-WEST-PAR, EU-WEST-PAR]", "two distinct regions");
        rejected(sessions().regions(PARIS, "XX1"), "regions", "XX1", "no OVH Object Storage region");
        rejected(sessions().primaryRegion("GRA11"), "primaryRegion", "GRA11", "must be one of the regions");
    }

    @Test
    void namesMustMakeValidClusterAndBucketNames() {
        rejected(sessions().name("Sessions"), "name", "Sessions", "must be a DNS label");
        String long45 = "s".repeat(45);
        rejected(sessions().name(long45), "name", long45, "CloudNativePG allows 50");
        rejected(sessions().archiveBucketPrefix("a".repeat(40)), "archiveBucketPrefix", "a".repeat(40),
                "S3 bucket names are 3–63 characters");
    }

    @Test
    void theImageMustBeThePostgresMajorAsked() {
        rejected(sessions().postgresMajor(17), "imageName", "(default)", "PostgreSQL 18, but postgresMajor is 17");
        rejected(sessions().postgresMajor(17).imageName("ghcr.io/cloudnative-pg/postgresql:16.10-system-trixie"),
                "imageName", "ghcr.io/cloudnative-pg/postgresql:16.10-system-trixie", "is PostgreSQL 16");
        rejected(sessions().postgresMajor(13), "postgresMajor", "13", "14–18");
        assertThatCode(() -> PostgresDatabaseValidation.validate("db", sessions().postgresMajor(17)
                .imageName("ghcr.io/cloudnative-pg/postgresql:17.6-system-trixie").build())).doesNotThrowAnyException();
    }

    @Test
    void streamingNeedsAFixedAddressPerRegionAndArchiveOnlyTakesNone() {
        rejected(sessions().replicationMode(ReplicationMode.STREAMING), "streamingAddresses", "{}", "has no address for EU-WEST-PAR");
        rejected(streaming().streamingAddresses(Map.of(PARIS, "10.10.0.300", FRANKFURT, "10.20.255.250")),
                "streamingAddresses[EU-WEST-PAR]", "10.10.0.300", "must be an IPv4 address");
        rejected(sessions().streamingAddresses(Map.of(PARIS, "10.10.255.250")), "streamingAddresses",
                "{EU-WEST-PAR=10.10.255.250}", "only applies to STREAMING and SYNCHRONOUS");
        assertThatCode(() -> PostgresDatabaseValidation.validate("db", streaming().build())).doesNotThrowAnyException();
    }

    @Test
    void theOwnerCannotBeASuperuserOrReservedRole() {
        rejected(sessions().owner("postgres"), "owner", "postgres", "reserved");
        rejected(sessions().databaseName("My-DB"), "databaseName", "My-DB", "lower-case PostgreSQL identifier");
    }
}
