package dev.tandem.e2e.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.e2e.postgres.ClusterSettings.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PostgreSQL failover drill, once per replication mode, each driven by a CloudNativePG {@code Cluster} manifest:
 * Debian's PostgreSQL on loopback, {@code kill -9} of the primary under load, promotion, the loss compared with the
 * recovery point the DR report gives the mode, the first write after promotion and the old primary's rejoin.
 * Prints one line of figures per mode. Standalone, with a table: {@code test/pg-drill}.
 */
class PostgresFailoverDrillTest {
    @TempDir
    static Path tmp;

    private static FailoverDrill drill;

    @BeforeAll
    static void oneInitdbForAllModes() throws Exception {
        PostgresBinaries pg = PostgresBinaries.require();
        // The server user must be able to pass through the (root-only) temporary directory to its own folder.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
        drill = FailoverDrill.prepare(pg, Files.createDirectory(tmp.resolve("pg")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cluster-archive-only.yaml", "cluster-streaming.yaml", "cluster-synchronous.yaml"})
    @Timeout(120)
    void aKilledPrimaryLosesNoMoreThanTheModesRecoveryPointAndRejoinsAfterPromotion(String manifest) throws Exception {
        ClusterSettings settings = ClusterSettings.read(fixture(manifest));
        DrillResult result = drill.run(settings, DrillScale.defaultFor(settings.archiveTimeout()));
        System.out.println("PostgreSQL failover drill: " + result.line());

        assertThat(result.acked()).as("rows acknowledged before the kill").isPositive();
        if (settings.mode() == Mode.SYNCHRONOUS) {
            assertThat(result.lostRows()).as("acknowledged rows lost under synchronous replication").isZero();
        } else {
            assertThat(result.lossWindow()).as("writing time lost (%s), against %s", result.lostRows() + " rows",
                    result.bound().formula()).isLessThanOrEqualTo(result.bound().bound());
        }
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = PostgresFailoverDrillTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
