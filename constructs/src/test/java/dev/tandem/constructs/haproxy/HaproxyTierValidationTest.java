package dev.tandem.constructs.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.TestStacks;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule: each names the construct path, the property, the value and a fix. */
class HaproxyTierValidationTest {

    private static HaproxyTier.Builder tier() {
        return HaproxyTierFixture.minimal(TestStacks.emptyStack());
    }

    private static void rejects(HaproxyTier.Builder builder, String property, String value, String why) {
        Rejections.assertRejected(builder::build, "test/haproxy", property, value, why);
    }

    @Test
    void aTierWithoutServersIsRejected() {
        rejects(tier().servers(List.of()), "servers", "[]", "must list at least one server");
        rejects(tier().backends(List::of), "servers", "[]", "must list at least one server");
    }

    @Test
    void duplicateServerNamesAreRejected() {
        rejects(tier().servers(List.of(BackendServer.of("app", "10.10.1.5", 8080),
                        BackendServer.of("app", "10.10.1.6", 8080))),
                "servers[app].name", "app", "appears more than once");
    }

    @Test
    void aPortOutside1To65535IsRejected() {
        rejects(tier().servers(List.of(BackendServer.of("app-1", "10.10.1.5", 0))),
                "servers[app-1].port", "0", "must be between 1 and 65535");
        rejects(tier().servers(List.of(BackendServer.of("app-1", "10.10.1.5", 65536))),
                "servers[app-1].port", "65536", "must be between 1 and 65535");
    }

    @Test
    void aServerAddressThatIsNeitherIpNorHostIsRejected() {
        rejects(tier().servers(List.of(BackendServer.of("app-1", "10.10.1.256", 8080))),
                "servers[app-1].address", "10.10.1.256", "must be an IPv4 address or a host name");
        rejects(tier().servers(List.of(BackendServer.of("app-1", "app 1", 8080))),
                "servers[app-1].address", "app 1", "must be an IPv4 address or a host name");
    }

    @Test
    void aHealthPathNotStartingWithSlashIsRejected() {
        // The path comes from the shared contract, which refuses it before any tier sees it.
        assertThatThrownBy(() -> tier().health(HealthContract.builder().path("healthz").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("HealthContract: path = healthz")
                .hasMessageContaining("must start with /");
    }

    @Test
    void nonPositiveIntervalsAreRejected() {
        rejects(tier().checkInterval(Duration.ZERO), "checkInterval", "PT0S", "must be a positive");
        rejects(tier().checkInterval(Duration.ofSeconds(-1)), "checkInterval", "PT-1S", "must be a positive");
        rejects(tier().timeouts(new Timeouts(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(30))),
                "timeouts.connect", "PT0S", "must be a positive");
        rejects(tier().timeouts(new Timeouts(Duration.ofSeconds(5), Duration.ofNanos(10), Duration.ofSeconds(30))),
                "timeouts.client", "PT0.00000001S", "whole number of milliseconds");
    }

    @Test
    void fallOrRiseBelowOneIsRejected() {
        rejects(tier().fall(0), "fall", "0", "must be at least 1");
        rejects(tier().rise(0), "rise", "0", "must be at least 1");
    }

    @Test
    void fewerThanTwoInstancesNeedAnExplicitOptOut() {
        rejects(tier().instances(1), "instances", "1", "single point of failure");
        assertThat(tier().instances(1).allowSingleInstance(true).build().instances()).hasSize(1);
        rejects(tier().instances(0).allowSingleInstance(true), "instances", "0", "must be at least 1");
    }

    @Test
    void anUnknownBalanceAlgorithmIsRejected() {
        rejects(tier().balance("random-ish"), "balance", "random-ish", "must be roundrobin or leastconn");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> tier().fall(0).rise(0).balance("x").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.property()).containsExactly("balance", "fall", "rise"));
    }

    @Test
    void aStatsPageOnTheHttpPortIsRejected() {
        rejects(tier().statsPage(new StatsPage(80, "admin")), "statsPage.port", "80", "not 80 or 443");
    }
}
