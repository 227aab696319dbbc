package dev.tandem.constructs.edge;

import static dev.tandem.constructs.edge.CloudflareFailoverLbTest.minimal;
import static dev.tandem.constructs.edge.CloudflareFailoverLbTest.pool;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.TestStacks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule: each names the construct path, the property, the value and a fix. */
class CloudflareFailoverLbValidationTest {

    private static CloudflareFailoverLb.Builder lb() {
        return minimal(TestStacks.emptyStack());
    }

    private static void rejects(CloudflareFailoverLb.Builder builder, String property, String value, String why) {
        Rejections.assertRejected(builder::build, "test/lb", property, value, why);
    }

    @Test
    void fewerThanTwoPoolsAreRejected() {
        rejects(lb().pools(List.of(pool("primary", "198.51.100.1"))), "pools", "1 pool(s)", "at least two pools");
    }

    @Test
    void aFallbackPoolThatIsNotAPoolIsRejected() {
        rejects(lb().fallbackPool("tertiary"), "fallbackPool", "tertiary", "is not one of the pools");
    }

    @Test
    void duplicatePoolNamesAreRejected() {
        rejects(lb().pools(List.of(pool("primary", "198.51.100.1"), pool("primary", "203.0.113.1"))),
                "pools[primary].name", "primary", "appears more than once");
    }

    @Test
    void aDuplicateOriginAddressIsRejected() {
        rejects(lb().pools(List.of(pool("primary", "198.51.100.1"), pool("secondary", "198.51.100.1"))),
                "pools[secondary].origins[secondary-1].address", "198.51.100.1", "appears more than once");
    }

    @Test
    void aMonitorPathNotStartingWithSlashIsRejected() {
        // the contract rejects it itself; a hand-made contract cannot get past it either
        assertThatThrownBy(() -> dev.tandem.constructs.health.HealthContract.builder().path("healthz").build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("HealthContract: path = healthz")
                .hasMessageContaining("must start with /");
    }

    @Test
    void anIntervalBelowTenSecondsIsRejected() {
        rejects(lb().monitor(MonitorSettings.defaults().timing(5, 2)), "monitor.intervalSeconds", "5",
                "at least 10");
    }

    @Test
    void aTimeoutNotBelowTheIntervalIsRejected() {
        rejects(lb().monitor(MonitorSettings.defaults().timing(15, 15)), "monitor.timeoutSeconds", "15",
                "below the interval");
    }

    @Test
    void aTtlOnAProxiedRecordIsRejected() {
        rejects(lb().ttl(60), "ttl", "60", "cannot be set on a proxied load balancer");
    }

    @Test
    void aHostnameOutsideTheZoneIsRejected() {
        rejects(lb().hostname("app.example.org"), "hostname", "app.example.org", "is outside the zone example.com");
    }

    @Test
    void geoSteeringWithoutGeoPoolsIsRejected() {
        rejects(lb().steering(SteeringPolicy.GEO), "steering", "GEO", "needs at least one pool with regions");
    }

    @Test
    void proximitySteeringWithoutLocationsIsRejected() {
        rejects(lb().steering(SteeringPolicy.PROXIMITY), "steering", "PROXIMITY", "needs every pool's location");
    }
}
