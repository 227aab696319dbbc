package dev.tandem.e2e.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.rehearsal.postgres.ClusterSettings;
import dev.tandem.rehearsal.postgres.PostgresBinaries;
import dev.tandem.rehearsal.postgres.StandbyMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PostgreSQL failover drill, once per replication mode, each driven by the {@code Cluster} manifest Tandem
 * renders ({@link RenderedCluster#drilled()}): Debian's PostgreSQL on loopback, {@code kill -9} of the primary under
 * load, promotion, the loss compared with the recovery point the DR report gives the mode, the first write after
 * promotion and the old primary's rejoin. Prints one line of figures per mode. Standalone, with a table of several
 * runs: {@code test/pg-drill}.
 */
class PostgresFailoverDrillTest {
    @TempDir
    static Path tmp;

    private static FailoverDrill drill;

    @BeforeAll
    static void oneInitdbForAllModes() throws Exception {
        PostgresBinaries pg = RequiredPostgres.binaries();
        // The server user must be able to pass through the (root-only) temporary directory to its own folder.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
        drill = FailoverDrill.prepare(pg, Files.createDirectory(tmp.resolve("pg")));
    }

    static Stream<RenderedCluster> rendered() {
        return RenderedCluster.drilled().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rendered")
    @Timeout(120)
    void aKilledPrimaryLosesNoMoreThanTheReportedRecoveryPointAndRejoinsAfterPromotion(RenderedCluster rendered)
            throws Exception {
        ClusterSettings settings = rendered.settings();
        rendered.reported().ifPresent(report -> {
            assertThat(report.mode()).as("the report's mode").isEqualTo(settings.mode().name());
            assertThat(report.archiveTimeout()).as("the report's archive timeout against the manifest's")
                    .isEqualTo(settings.archiveTimeout());
        });
        DrillResult result = drill.run(rendered, DrillScale.defaultFor(settings.archiveTimeout()));
        System.out.println("PostgreSQL failover drill: " + result.line());

        assertThat(result.acked()).as("rows acknowledged before the kill").isPositive();
        if (settings.mode() == StandbyMode.SYNCHRONOUS) {
            assertThat(result.lostRows()).as("acknowledged rows lost under synchronous replication").isZero();
        } else {
            assertThat(result.lossWindow()).as("writing time lost (%s rows), against %s", result.lostRows(),
                    result.bound().formula()).isLessThanOrEqualTo(result.bound().bound());
        }
    }
}
