package dev.tandem.e2e.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.rehearsal.postgres.ClusterSettings;
import dev.tandem.rehearsal.postgres.StandbyMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The drill reads the mode and archive timeout from a {@code Cluster} manifest by CloudNativePG's field names: from
 * samples written from CloudNativePG's documentation, and from what Tandem renders.
 */
class ClusterSettingsTest {
    @Test
    void aSourceReachedOnlyThroughItsArchiveIsArchiveOnlyWithTheRenderedTimeout() throws IOException {
        ClusterSettings s = ClusterSettings.read(fixture("cluster-archive-only.yaml"));
        assertThat(s.mode()).isEqualTo(StandbyMode.ARCHIVE_ONLY);
        assertThat(s.archiveTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.synchronousStandbyNames("standby")).isEmpty();
    }

    @Test
    void aSourceWithConnectionParametersIsStreaming() throws IOException {
        ClusterSettings s = ClusterSettings.read(fixture("cluster-streaming.yaml"));
        assertThat(s.mode()).isEqualTo(StandbyMode.STREAMING);
        assertThat(s.archiveTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aSynchronousStanzaMakesItSynchronousWithTheRenderedMethodAndNumber() throws IOException {
        ClusterSettings s = ClusterSettings.read(fixture("cluster-synchronous.yaml"));
        assertThat(s.mode()).isEqualTo(StandbyMode.SYNCHRONOUS);
        assertThat(s.synchronousStandbyNames("standby")).contains("FIRST 1 (standby)");
    }

    @Test
    void eachDrilledDeploymentIsReadInItsModeWithTheArchiveTimeoutItsReportComputedFrom() {
        List<RenderedCluster> drilled = RenderedCluster.drilled();
        assertThat(drilled).extracting(r -> r.settings().mode())
                .containsExactly(StandbyMode.ARCHIVE_ONLY, StandbyMode.STREAMING, StandbyMode.SYNCHRONOUS);
        for (RenderedCluster rendered : drilled) {
            assertThat(rendered.reported()).as(rendered.source()).hasValueSatisfying(r -> {
                assertThat(r.mode()).isEqualTo(rendered.settings().mode().name());
                assertThat(r.archiveTimeout()).isEqualTo(rendered.settings().archiveTimeout());
            });
        }
        assertThat(drilled.get(2).settings().synchronousStandbyNames("standby")).contains("FIRST 1 (standby)");
    }

    @Test
    void withoutAnArchiveTimeoutTheOperatorsDefaultOfFiveMinutesApplies() {
        ClusterSettings s = ClusterSettings.read(cluster("", "      connectionParameters: {host: a}\n"));
        assertThat(s.archiveTimeout()).isEqualTo(ClusterSettings.CNPG_DEFAULT_ARCHIVE_TIMEOUT);
    }

    @Test
    void archiveTimeoutsAreReadInPostgresUnitsWithSecondsWhenBare() {
        assertThat(ClusterSettings.parseTime("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ClusterSettings.parseTime("1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(ClusterSettings.parseTime("2h")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> ClusterSettings.parseTime("5 minutes")).hasMessageContaining("'5 minutes'");
    }

    @Test
    void aSourceMissingFromTheExternalClustersIsRefused() {
        assertThatThrownBy(() -> ClusterSettings.read(cluster("", "").replace("source: a", "source: b")))
                .hasMessageContaining("'b' is not in spec.externalClusters");
    }

    @Test
    void anotherKindIsRefused() {
        assertThatThrownBy(() -> ClusterSettings.read("apiVersion: v1\nkind: ConfigMap\n"))
                .hasMessageContaining("kind 'ConfigMap'");
    }

    @Test
    void theDefaultScaleRunsTheArchiveTimeoutAtOneSecondAndAGivenOneDividesItInWholeSeconds() {
        assertThat(DrillScale.defaultFor(Duration.ofMinutes(5))).isEqualTo(new DrillScale(300));
        assertThat(DrillScale.defaultFor(Duration.ofMinutes(5)).archiveTimeout(Duration.ofMinutes(5)))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(new DrillScale(60).archiveTimeout(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(new DrillScale(7).archiveTimeout(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(9));
    }

    private static String cluster(String parameters, String source) {
        return "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: {name: b}\nspec:\n  postgresql:\n"
                + "    parameters: {" + parameters + "}\n  replica: {primary: a, source: a}\n  externalClusters:\n"
                + "    - name: a\n" + source;
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ClusterSettingsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
