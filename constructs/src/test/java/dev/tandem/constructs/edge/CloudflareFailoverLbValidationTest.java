package dev.tandem.constructs.edge;

import static dev.tandem.constructs.edge.EdgeFixtures.ACCOUNT;
import static dev.tandem.constructs.edge.EdgeFixtures.minimal;
import static dev.tandem.constructs.edge.EdgeFixtures.origin;
import static dev.tandem.constructs.edge.EdgeFixtures.pool;
import static dev.tandem.constructs.edge.EdgeFixtures.primary;
import static dev.tandem.constructs.edge.EdgeFixtures.secondary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.TestStacks;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input is a {@link ValidationException} naming the construct path, the property as the user
 * wrote it, the value, the requirement and a fix: never a NullPointerException or a jsii error.
 */
class CloudflareFailoverLbValidationTest {

    /** One case: what to change on a valid builder, and what the message must say. */
    private static Arguments reject(String property, String value, String why, UnaryOperator<CloudflareFailoverLb.Builder> change) {
        return arguments(property, value, why, change);
    }

    /** @return the change that replaces the primary pool with {@code change} applied to it */
    private static UnaryOperator<CloudflareFailoverLb.Builder> primaryPool(UnaryOperator<OriginPool.Builder> change) {
        return b -> b.pools(List.of(change.apply(primary().toBuilder()).build(), secondary()));
    }

    /** @return the change that sets a monitor built from the defaults with {@code change} applied */
    private static UnaryOperator<CloudflareFailoverLb.Builder> monitor(UnaryOperator<MonitorSettings.Builder> change) {
        return b -> b.monitor(change.apply(MonitorSettings.defaults().toBuilder()).build());
    }

    /** @return the change that gives the primary pool the single origin {@code o} */
    private static UnaryOperator<CloudflareFailoverLb.Builder> primaryOrigin(Origin o) {
        return primaryPool(p -> p.origins(List.of(o)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource
    void aMissingValueIsRequired(String property, String value, String why,
            UnaryOperator<CloudflareFailoverLb.Builder> change) {
        rejects(change, property, value, why);
    }

    static Stream<Arguments> aMissingValueIsRequired() {
        return Stream.of(
                reject("accountId", "null", "is required", b -> b.accountId(null)),
                reject("zoneId", "null", "is required", b -> b.zoneId(null)),
                reject("zoneName", "null", "is required", b -> b.zoneName(null)),
                reject("hostname", "null", "is required", b -> b.hostname(null)),
                reject("health", "null", "is required", b -> b.health(null)),
                reject("monitor", "null", "is required", b -> b.monitor(null)),
                reject("plan", "null", "is required", b -> b.plan(null)),
                reject("pools", "null", "is required", b -> b.pools(null)),
                reject("pools", "[", "must not contain null", b -> b.pools(Arrays.asList(primary(), null))),
                reject("steering", "null", "is required", b -> b.steering(null)),
                reject("sessionAffinity", "null", "is required", b -> b.sessionAffinity(null)),
                reject("monitor.timeout", "null", "is required", monitor(m -> m.timeout(null))),
                reject("pools[0].name", "null", "is required", primaryPool(p -> p.name(null))),
                reject("pools[primary].origins", "null", "is required", primaryPool(p -> p.origins(null))),
                reject("pools[primary].origins", "[", "must not contain null",
                        primaryPool(p -> p.origins(Arrays.asList(origin("p1", "198.51.100.1"), null)))),
                reject("pools[primary].origins[0].name", "null", "is required",
                        primaryOrigin(Origin.builder().address("198.51.100.1").build())),
                reject("pools[primary].origins[p1].address", "null", "is required",
                        primaryOrigin(Origin.builder().name("p1").build())),
                reject("pools[primary].checkRegions", "null", "is required", primaryPool(p -> p.checkRegions(null))),
                reject("pools[primary].checkRegions", "[WEU, null]", "must not contain null",
                        primaryPool(p -> p.checkRegions(Arrays.asList(CloudflareRegion.WEU, null)))),
                reject("pools[primary].originSteering", "null", "is required", primaryPool(p -> p.originSteering(null))),
                reject("pools[primary].regions", "null", "is required", primaryPool(p -> p.regions(null))),
                reject("pools[primary].regions", "[null]", "must not contain null",
                        primaryPool(p -> p.regions(Arrays.asList((CloudflareRegion) null)))),
                reject("pools[primary].countries", "null", "is required", primaryPool(p -> p.countries(null))),
                reject("pools[primary].countries", "[FR, null]", "must not contain null",
                        primaryPool(p -> p.countries(Arrays.asList("FR", null)))));
    }

    @Test
    void nullPropsAreReportedNotThrownAsANullPointer() {
        TerraformStack stack = TestStacks.emptyStack();
        Rejections.assertRejected(() -> new CloudflareFailoverLb(stack, "lb", null), "test/lb", "props", "null",
                "is required");
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @MethodSource
    void valuesThatMustAgreeAreChecked(String property, String value, String why,
            UnaryOperator<CloudflareFailoverLb.Builder> change) {
        rejects(change, property, value, why);
    }

    static Stream<Arguments> valuesThatMustAgreeAreChecked() {
        return Stream.of(
                reject("pools", "1 pool(s)", "at least two pools", b -> b.pools(List.of(primary()))),
                reject("pools", "0 pool(s)", "at least two pools", b -> b.pools(List.of())),
                reject("zoneId", ACCOUNT, "is the same as accountId", b -> b.zoneId(ACCOUNT)),
                reject("hostname", "app.example.org", "is outside the zone example.com", b -> b.hostname("app.example.org")),
                reject("hostname", "app.notexample.com", "is outside the zone example.com",
                        b -> b.hostname("app.notexample.com")),
                reject("fallbackPool", "tertiary", "is not one of the pools", b -> b.fallbackPool("tertiary")),
                reject("pools[primary].name", "primary", "appears more than once",
                        b -> b.pools(List.of(primary(), pool("primary", "203.0.113.1")))),
                reject("pools[secondary].origins[primary-1].name", "primary-1", "appears more than once",
                        b -> b.pools(List.of(primary(), secondary().toBuilder()
                                .origins(List.of(origin("primary-1", "203.0.113.1"))).build()))),
                reject("pools[secondary].origins[secondary-1].address", "198.51.100.1", "appears more than once",
                        b -> b.pools(List.of(primary(), pool("secondary", "198.51.100.1")))),
                reject("pools[primary].origins[primary-2].address", "198.51.100.1", "appears more than once",
                        b -> b.pools(List.of(pool("primary", "198.51.100.1", "198.51.100.1"), secondary()))),
                reject("ttl", "PT1M", "cannot be set on a proxied load balancer", b -> b.ttl(Duration.ofMinutes(1))),
                reject("sessionAffinityTtl", "PT1H", "applies only with a session affinity",
                        b -> b.sessionAffinityTtl(Duration.ofHours(1))),
                reject("steering", "GEO", "needs at least one pool with regions", b -> b.steering(SteeringPolicy.GEO)),
                reject("pools[primary].regions", "[WEU]", "apply only with steering GEO",
                        primaryPool(p -> p.regions(List.of(CloudflareRegion.WEU)))),
                reject("pools[primary].countries", "[FR]", "apply only with steering GEO (steering is RANDOM)",
                        b -> primaryPool(p -> p.countries(List.of("FR"))).apply(b).steering(SteeringPolicy.RANDOM)),
                reject("pools[secondary].location", "none", "steering PROXIMITY needs every pool's location",
                        b -> primaryPool(p -> p.location(GeoLocation.latitude(48.86).longitude(2.35))).apply(b)
                                .steering(SteeringPolicy.PROXIMITY)),
                reject("pools[primary].minimumOrigins", "3", "between 1 and the number of enabled origins (2)",
                        primaryPool(p -> p.minimumOrigins(3))),
                reject("pools[primary].minimumOrigins", "2", "between 1 and the number of enabled origins (1)",
                        primaryPool(p -> p.minimumOrigins(2).origins(List.of(origin("p1", "198.51.100.1"),
                                Origin.builder().name("p2").address("198.51.100.2").enabled(false).build())))),
                reject("pools[primary].origins", "none of 1 enabled", "needs an enabled origin",
                        primaryOrigin(Origin.builder().name("p1").address("198.51.100.1").enabled(false).build())),
                reject("pools[primary].origins", "[]", "needs at least one origin", primaryPool(p -> p.origins(List.of()))),
                reject("monitor.timeout", "PT10S", "(retries + 1) × timeout = 20 s",
                        business(monitor(m -> m.interval(Duration.ofSeconds(15)).timeout(Duration.ofSeconds(10))))),
                reject("monitor.timeout", "PT5S", "(retries + 1) × timeout = 15 s, which must be shorter than the interval (15 s)",
                        business(monitor(m -> m.interval(Duration.ofSeconds(15)).retries(2)))),
                reject("monitor.timeout", "PT10S", "= 30 s, which must be shorter than the interval (20 s, plan BUSINESS's default)",
                        business(monitor(m -> m.timeout(Duration.ofSeconds(10)).retries(2)))),
                reject("pools[primary].checkRegions", "[ALL_REGIONS, WEU]", "lists ALL_REGIONS beside other regions",
                        plan(CloudflarePlan.ENTERPRISE, primaryPool(p -> p.checkRegions(List.of(CloudflareRegion.ALL_REGIONS,
                                CloudflareRegion.WEU))))),
                reject("pools[primary].regions", "[ALL_REGIONS]", "cannot contain ALL_REGIONS",
                        b -> primaryPool(p -> p.regions(List.of(CloudflareRegion.ALL_REGIONS))).apply(b)
                                .steering(SteeringPolicy.GEO)),
                reject("pools[primary].regions", "WEU", "appears more than once",
                        b -> primaryPool(p -> p.regions(List.of(CloudflareRegion.WEU, CloudflareRegion.WEU))).apply(b)
                                .steering(SteeringPolicy.GEO)),
                reject("pools[primary].checkRegions", "EEU", "appears more than once",
                        primaryPool(p -> p.checkRegions(List.of(CloudflareRegion.EEU, CloudflareRegion.EEU)))));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource
    void valuesOutsideTheirDomainAreRejected(String property, String value, String why,
            UnaryOperator<CloudflareFailoverLb.Builder> change) {
        rejects(change, property, value, why);
    }

    static Stream<Arguments> valuesOutsideTheirDomainAreRejected() {
        return Stream.of(
                reject("accountId", "0123456789ABCDEF0123456789ABCDEF", "32 lower-case hex",
                        b -> b.accountId("0123456789ABCDEF0123456789ABCDEF")),
                reject("accountId", "my-account", "a Cloudflare account id", b -> b.accountId("my-account")),
                reject("zoneId", "fedcba9876543210", "a Cloudflare zone id", b -> b.zoneId("fedcba9876543210")),
                reject("zoneId", "\"\"", "a Cloudflare zone id", b -> b.zoneId("")),
                reject("hostname", "App.example.com", "lower-case DNS host name", b -> b.hostname("App.example.com")),
                reject("hostname", "app..example.com", "lower-case DNS host name", b -> b.hostname("app..example.com")),
                reject("hostname", "-app.example.com", "lower-case DNS host name", b -> b.hostname("-app.example.com")),
                reject("hostname", "app.example.com.", "lower-case DNS host name", b -> b.hostname("app.example.com.")),
                reject("hostname", "app_1.example.com", "lower-case DNS host name", b -> b.hostname("app_1.example.com")),
                reject("zoneName", "com", "at least two labels", b -> b.zoneName("com").hostname("com")),
                reject("zoneName", "https://example.com", "DNS zone name", b -> b.zoneName("https://example.com")),
                reject("pools[tandem primary].name", "tandem primary", "letters, digits, '-' or '_'",
                        primaryPool(p -> p.name("tandem primary"))),
                reject("pools[tandem.primary].name", "tandem.primary", "letters, digits, '-' or '_'",
                        primaryPool(p -> p.name("tandem.primary"))),
                reject("pools[0].name", "\"\"", "letters, digits, '-' or '_'", primaryPool(p -> p.name(""))),
                reject("pools[primary].countries", "fr", "ISO 3166-1 alpha-2 country code in upper case",
                        geoCountry("fr")),
                reject("pools[primary].countries", "UK", "ISO 3166-1 alpha-2", geoCountry("UK")),
                reject("pools[primary].countries", "FRA", "ISO 3166-1 alpha-2", geoCountry("FRA")),
                reject("pools[primary].countries", "XX", "ISO 3166-1 alpha-2", geoCountry("XX")),
                reject("pools[primary].location.latitude", "91.0", "from -90 to 90", location(91, 2.35)),
                reject("pools[primary].location.latitude", "-90.5", "from -90 to 90", location(-90.5, 2.35)),
                reject("pools[primary].location.latitude", "NaN", "from -90 to 90", location(Double.NaN, 2.35)),
                reject("pools[primary].location.longitude", "181.0", "from -180 to 180", location(48.86, 181)),
                reject("pools[primary].location.longitude", "-Infinity", "from -180 to 180",
                        location(48.86, Double.NEGATIVE_INFINITY)),
                reject("pools[primary].notificationEmail", "ops", "one e-mail address", email("ops")),
                reject("pools[primary].notificationEmail", "ops@", "one e-mail address", email("ops@")),
                reject("pools[primary].notificationEmail", "@example.com", "one e-mail address", email("@example.com")),
                reject("pools[primary].notificationEmail", "ops@example", "one e-mail address", email("ops@example")),
                reject("pools[primary].notificationEmail", "ops@@example.com", "one e-mail address",
                        email("ops@@example.com")),
                reject("pools[primary].notificationEmail", "ops team@example.com", "one e-mail address",
                        email("ops team@example.com")),
                reject("pools[primary].notificationEmail", "a@example.com,b@example.com", "one e-mail address",
                        email("a@example.com,b@example.com")),
                reject("pools[primary].origins[p1].address", "10.0.0.5", "must be a public address",
                        address("10.0.0.5")),
                reject("pools[primary].origins[p1].address", "192.168.1.10", "must be a public address",
                        address("192.168.1.10")),
                reject("pools[primary].origins[p1].address", "172.16.0.1", "must be a public address",
                        address("172.16.0.1")),
                reject("pools[primary].origins[p1].address", "256.1.1.1", "public IPv4 address or a lower-case host name",
                        address("256.1.1.1")),
                reject("pools[primary].origins[p1].address", "198.51.100.1:80", "public IPv4 address or",
                        address("198.51.100.1:80")),
                reject("pools[primary].origins[p1].address", "http://198.51.100.1", "public IPv4 address or",
                        address("http://198.51.100.1")),
                reject("pools[primary].origins[p1].address", "Haproxy.example.com", "lower-case host name",
                        address("Haproxy.example.com")),
                reject("pools[primary].origins[p1].address", "localhost", "host name with a domain", address("localhost")),
                reject("pools[primary].origins[p1].weight", "-0.1", "between 0 and 1", weight(-0.1)),
                reject("pools[primary].origins[p1].weight", "1.5", "between 0 and 1", weight(1.5)),
                reject("pools[primary].origins[p1].weight", "NaN", "between 0 and 1", weight(Double.NaN)),
                reject("pools[primary].minimumOrigins", "0", "between 1 and the number of enabled origins",
                        primaryPool(p -> p.minimumOrigins(0))),
                reject("monitor.interval", "PT20.5S", "must be whole seconds", monitor(m -> m.interval(Duration.ofMillis(20500)))),
                reject("monitor.interval", "PT-20S", "at least 60 s on the PRO plan", monitor(m -> m.interval(Duration.ofSeconds(-20)))),
                reject("monitor.timeout", "PT0.5S", "must be whole seconds", monitor(m -> m.timeout(Duration.ofMillis(500)))),
                reject("monitor.timeout", "PT0S", "must be 1–10 s", monitor(m -> m.timeout(Duration.ZERO))),
                reject("monitor.timeout", "PT11S", "must be 1–10 s", monitor(m -> m.interval(Duration.ofMinutes(1))
                        .timeout(Duration.ofSeconds(11)))),
                reject("monitor.retries", "0", "must be 1–5", monitor(m -> m.retries(0))),
                reject("monitor.retries", "6", "must be 1–5", monitor(m -> m.interval(Duration.ofMinutes(1)).retries(6))),
                reject("monitor.consecutiveDown", "0", "at least 1", monitor(m -> m.consecutiveDown(0))),
                reject("monitor.consecutiveUp", "-1", "at least 1", monitor(m -> m.consecutiveUp(-1))),
                reject("monitor.port", "0", "must be 1–65535", monitor(m -> m.port(0))),
                reject("monitor.port", "65536", "must be 1–65535", monitor(m -> m.port(65536))),
                reject("ttl", "PT10S", "at least 30 s", b -> b.proxied(false).ttl(Duration.ofSeconds(10))),
                reject("ttl", "PT30.5S", "must be whole seconds", b -> b.proxied(false).ttl(Duration.ofMillis(30500))),
                reject("sessionAffinityTtl", "PT1M", "1800–604800 s with session affinity COOKIE",
                        affinity(SessionAffinity.COOKIE, Duration.ofMinutes(1))),
                reject("sessionAffinityTtl", "PT192H", "1800–604800 s with session affinity IP_COOKIE",
                        affinity(SessionAffinity.IP_COOKIE, Duration.ofDays(8))),
                reject("sessionAffinityTtl", "PT2H", "30–3600 s with session affinity HEADER",
                        affinity(SessionAffinity.HEADER, Duration.ofHours(2))),
                reject("sessionAffinityTtl", "PT10S", "30–3600 s with session affinity HEADER",
                        affinity(SessionAffinity.HEADER, Duration.ofSeconds(10))),
                reject("sessionAffinityTtl", "PT1H0.5S", "must be whole seconds",
                        affinity(SessionAffinity.COOKIE, Duration.ofMillis(3_600_500))));
    }

    /** @return {@code change} on a load balancer of {@code plan} */
    private static UnaryOperator<CloudflareFailoverLb.Builder> plan(CloudflarePlan plan,
            UnaryOperator<CloudflareFailoverLb.Builder> change) {
        return b -> change.apply(b.plan(plan));
    }

    private static UnaryOperator<CloudflareFailoverLb.Builder> business(UnaryOperator<CloudflareFailoverLb.Builder> change) {
        return plan(CloudflarePlan.BUSINESS, change);
    }

    @ParameterizedTest(name = "{0}: {1} s refused, {2} s accepted")
    @CsvSource({"FREE, 59, 60", "PRO, 59, 60", "BUSINESS, 14, 15", "ENTERPRISE, 9, 10"})
    void theMonitorIntervalIsAtLeastThePlansMinimum(CloudflarePlan plan, long refused, long accepted) {
        UnaryOperator<MonitorSettings.Builder> shortTimeout = m -> m.timeout(Duration.ofSeconds(4));

        rejects(plan(plan, monitor(m -> shortTimeout.apply(m).interval(Duration.ofSeconds(refused)))), "monitor.interval",
                "PT" + refused + "S", "must be at least " + accepted + " s on the " + plan + " plan");
        plan(plan, monitor(m -> shortTimeout.apply(m).interval(Duration.ofSeconds(accepted))))
                .apply(minimal(TestStacks.emptyStack())).build();
    }

    @Test
    void freesMinimumIsSaidToBeAssumed() {
        assertThatThrownBy(() -> minimal(TestStacks.emptyStack()).plan(CloudflarePlan.FREE)
                .monitor(MonitorSettings.builder().interval(Duration.ofSeconds(30)).build()).build())
                .hasMessageContaining("Free's is not documented, so Tandem assumes Pro's");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"FREE", "PRO", "BUSINESS"})
    void onlyEnterpriseProbesFromEveryDataCentreOrAllRegions(CloudflarePlan plan) {
        rejects(plan(plan, primaryPool(p -> p.checkRegions(List.of()))), "pools[primary].checkRegions", "[]",
                "probes from every Cloudflare data centre: only Enterprise plans may (plan is " + plan + ")");
        rejects(plan(plan, primaryPool(p -> p.checkRegions(List.of(CloudflareRegion.ALL_REGIONS)))),
                "pools[primary].checkRegions", "[ALL_REGIONS]", "only Enterprise plans may (plan is " + plan + ")");
    }

    @Test
    void enterpriseProbesFromEveryDataCentre() {
        minimal(TestStacks.emptyStack()).plan(CloudflarePlan.ENTERPRISE)
                .pools(List.of(primary().toBuilder().checkRegions(List.of()).build(), secondary())).build();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource
    void originPullsNeedAProxiedRecordAndAnHttpsProbeThatSimulatesTheZone(String property, String value,
            String why, UnaryOperator<CloudflareFailoverLb.Builder> change) {
        rejects(b -> change.apply(b.originPulls(OriginPullTrustTest.trust(TestStacks.emptyStack(), t -> t))
                .monitor(MonitorSettings.builder().https(true).build())), property, value, why);
    }

    static Stream<Arguments> originPullsNeedAProxiedRecordAndAnHttpsProbeThatSimulatesTheZone() {
        return Stream.of(
                reject("proxied", "false", "visitors of a DNS-only record connect to the origins directly",
                        b -> b.proxied(false)),
                reject("monitor.https", "false", "the client certificate is presented over TLS",
                        b -> b.monitor(MonitorSettings.builder().build())),
                reject("monitor.simulateZone", "false", "a probe that does not simulate the zone certainly presents",
                        b -> b.monitor(MonitorSettings.builder().https(true).simulateZone(false).build())));
    }

    @Test
    void anOriginPullTrustOfAnotherZoneIsRefused() {
        OriginPullTrust other = OriginPullTrustTest.trust(TestStacks.emptyStack(),
                t -> t.zoneId("0123456789abcdef0123456789abcdef"));

        rejects(b -> b.originPulls(other).monitor(MonitorSettings.builder().https(true).build()), "originPulls",
                "test/origin-pulls (zone 0123456789abcdef0123456789abcdef)", "zone-level pulls present only the zone's own upload");
    }

    private static UnaryOperator<CloudflareFailoverLb.Builder> geoCountry(String country) {
        return b -> primaryPool(p -> p.countries(List.of(country))).apply(b).steering(SteeringPolicy.GEO);
    }

    private static UnaryOperator<CloudflareFailoverLb.Builder> location(double latitude, double longitude) {
        return primaryPool(p -> p.location(GeoLocation.latitude(latitude).longitude(longitude)));
    }

    private static UnaryOperator<CloudflareFailoverLb.Builder> email(String address) {
        return primaryPool(p -> p.notificationEmail(address));
    }

    private static UnaryOperator<CloudflareFailoverLb.Builder> address(String address) {
        return primaryOrigin(origin("p1", address));
    }

    private static UnaryOperator<CloudflareFailoverLb.Builder> weight(double weight) {
        return primaryOrigin(Origin.builder().name("p1").address("198.51.100.1").weight(weight).build());
    }

    private static UnaryOperator<CloudflareFailoverLb.Builder> affinity(SessionAffinity affinity, Duration ttl) {
        return b -> b.sessionAffinity(affinity).sessionAffinityTtl(ttl);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void valuesAtTheEdgesOfTheirDomainAreAccepted(String label, UnaryOperator<CloudflareFailoverLb.Builder> change) {
        change.apply(minimal(TestStacks.emptyStack())).build();
    }

    static Stream<Arguments> valuesAtTheEdgesOfTheirDomainAreAccepted() {
        return Stream.of(
                arguments("the zone apex as hostname", (UnaryOperator<CloudflareFailoverLb.Builder>) b -> b.hostname("example.com")),
                arguments("a 10 s interval with a 4 s timeout and one retry on Enterprise", plan(CloudflarePlan.ENTERPRISE,
                        monitor(m -> m.interval(Duration.ofSeconds(10)).timeout(Duration.ofSeconds(4))))),
                arguments("a 10 s timeout and 5 retries every 61 s", monitor(m -> m.interval(Duration.ofSeconds(61))
                        .timeout(Duration.ofSeconds(10)).retries(5))),
                arguments("port 65535", monitor(m -> m.port(65535))),
                arguments("corner coordinates", location(-90, 180)),
                arguments("weights 0 and 1", primaryPool(p -> p.origins(List.of(origin("p1", "198.51.100.1"),
                        Origin.builder().name("p2").address("198.51.100.2").weight(0).build())))),
                arguments("a host name origin", address("haproxy-1.paris.example.com")),
                arguments("an e-mail address with a plus and an upper-case domain", email("ops+lb@Example.COM")),
                arguments("ALL_REGIONS alone on Enterprise", plan(CloudflarePlan.ENTERPRISE,
                        primaryPool(p -> p.checkRegions(List.of(CloudflareRegion.ALL_REGIONS))))),
                arguments("a 30 s TTL on an unproxied record",
                        (UnaryOperator<CloudflareFailoverLb.Builder>) b -> b.proxied(false).ttl(Duration.ofSeconds(30))),
                arguments("a week of cookie affinity", affinity(SessionAffinity.COOKIE, Duration.ofDays(7))),
                arguments("an hour of header affinity", affinity(SessionAffinity.HEADER, Duration.ofHours(1))));
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertThatThrownBy(() -> minimal(TestStacks.emptyStack()).accountId("nope").hostname("app.example.org")
                .health(null).monitor(MonitorSettings.builder().retries(0).build()).fallbackPool("tertiary").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.property())
                        .containsExactlyInAnyOrder("accountId", "hostname", "health", "monitor.retries", "fallbackPool"));
    }

    @Test
    void aDuplicatedReferenceIsNamedByItsOriginNotByItsToken() {
        TerraformStack stack = TestStacks.emptyStack();
        String address = TerraformVariable.Builder.create(stack, "address").type("string").build().getStringValue();
        CloudflareFailoverLb.Builder b = minimal(stack).pools(List.of(pool("primary", address),
                pool("secondary", address)));

        Rejections.assertRejected(b::build, "test/lb", "pools[secondary].origins[secondary-1].address",
                "a Terraform reference (address of origin secondary-1)", "appears more than once");
        assertThatThrownBy(b::build).message().doesNotContain("TfToken").doesNotContain("${");
    }

    @Test
    void aReferenceWhereAWrittenNameIsNeededIsNamedNotShownAsAToken() {
        TerraformStack stack = TestStacks.emptyStack();
        String host = TerraformVariable.Builder.create(stack, "host").type("string").build().getStringValue();
        CloudflareFailoverLb.Builder b = minimal(stack).hostname(host);

        Rejections.assertRejected(b::build, "test/lb", "hostname", "a Terraform reference (hostname)", "written out");
        assertThatThrownBy(b::build).message().doesNotContain("TfToken");
    }

    @Test
    void nothingIsCreatedWhenTheInputIsInvalid() {
        TerraformStack stack = TestStacks.emptyStack();

        assertThatThrownBy(() -> minimal(stack).accountId(null).build()).isInstanceOf(ValidationException.class);
        assertThat(stack.getNode().findAll()).noneMatch(c -> c.getNode().getPath().startsWith("test/lb/"));
    }

    private static void rejects(UnaryOperator<CloudflareFailoverLb.Builder> change, String property, String value,
            String why) {
        CloudflareFailoverLb.Builder b = change.apply(minimal(TestStacks.emptyStack()));
        Rejections.assertRejected(b::build, "test/lb", property, value, why);
    }

    @Test
    void aSecondLoadBalancerWithTheSameIdIsATandemErrorNotAJsiiOne() {
        TerraformStack stack = TestStacks.emptyStack();
        minimal(stack).build();
        Rejections.assertRejected(() -> minimal(stack).build(), "test/lb", "id", "lb",
                "is already used by another construct under test");
    }
}
