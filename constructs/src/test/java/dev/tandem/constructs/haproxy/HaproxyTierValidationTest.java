package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.k8s.K8sFixtures;
import dev.tandem.constructs.k8s.K8sAppCluster;
import static dev.tandem.constructs.haproxy.HaproxyTierFixture.FLAVOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.core.BackendTarget;
import dev.tandem.constructs.core.Problem;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.network.GatewaySpec;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.TestStacks;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input is a ValidationException naming the construct path, the property, the value and a fix. */
class HaproxyTierValidationTest {
    private static final String PATH = "test/haproxy";
    private static final BackendServer APP_1 = BackendServer.of("app-1", "10.10.1.5", 8080);

    private static HaproxyTier.Builder tier() {
        return HaproxyTierFixture.minimal(TestStacks.emptyStack());
    }

    /** A case: what the builder is given, and the property, value as shown, and reason the message must name. */
    private static Arguments reject(String property, String value, String why,
            UnaryOperator<HaproxyTier.Builder> change) {
        return Arguments.of(property + " = " + value, change, property, value, why);
    }

    private static Arguments accept(String name, UnaryOperator<HaproxyTier.Builder> change) {
        return Arguments.of(name, change);
    }

    private static UnaryOperator<HaproxyTier.Builder> server(BackendServer server) {
        return b -> b.servers(List.of(server));
    }

    private static UnaryOperator<HaproxyTier.Builder> publicKey(String key) {
        return b -> b.sshKey(SshKey.create("ops", key));
    }

    private static BackendTarget named(String hostname) {
        return new BackendTarget() {
            @Override
            public List<BackendServer> backendServers() {
                return List.of(APP_1);
            }

            @Override
            public Optional<String> hostname() {
                return Optional.of(hostname);
            }
        };
    }

    static Stream<Arguments> missingValues() {
        return Stream.of(
                reject("network", "null", "is required", b -> b.network(null)),
                reject("flavorId", "null", "is required", b -> b.flavorId(null)),
                reject("imageId", "null", "is required", b -> b.imageId(null)),
                reject("sshKey", "null", "is required", b -> b.sshKey(null)),
                reject("sshKey.name", "null", "is required", b -> b.sshKey(SshKey.existing(null))),
                reject("sshKey.publicKey", "null", "is required", publicKey(null)),
                reject("health", "null", "is required", b -> b.health(null)),
                reject("servers", "null", "is required", b -> b.servers(null)),
                reject("servers", "null", "is required", b -> b.backends(null)),
                reject("servers", "null", "is required", b -> b.backends(() -> null)),
                reject("servers[1]", "null", "must not be null", b -> b.servers(Arrays.asList(APP_1, null))),
                reject("servers[0].name", "null", "is required", server(BackendServer.of(null, "10.10.1.5", 8080))),
                reject("servers[app-1].address", "null", "is required", server(BackendServer.of("app-1", null, 8080))),
                reject("balance", "null", "is required", b -> b.balance(null)),
                reject("timeouts", "null", "is required", b -> b.timeouts(null)),
                reject("timeouts.connect", "null", "is required",
                        b -> b.timeouts(Timeouts.builder().connect(null).build())),
                reject("timeouts.client", "null", "is required",
                        b -> b.timeouts(Timeouts.builder().client(null).build())),
                reject("timeouts.server", "null", "is required",
                        b -> b.timeouts(Timeouts.defaults().toBuilder().server(null).build())),
                reject("statsPage.user", "null", "is required",
                        b -> b.statsPage(StatsPage.builder().user(null).build())),
                reject("certificate", "null", "is required", b -> b.certificate(null)),
                reject("operatorCidr", "null", "is required", b -> b.operatorCidr(null)),
                reject("sshUser", "null", "is required", b -> b.sshUser(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingValues")
    void aMissingValueIsNamed(String name, UnaryOperator<HaproxyTier.Builder> change, String property, String value,
            String why) {
        Rejections.assertRejected(() -> change.apply(tier()).build(), PATH, property, value, why);
    }

    @Test
    void nullPropsAreNamed() {
        TerraformStack stack = TestStacks.emptyStack();
        Rejections.assertRejected(() -> new HaproxyTier(stack, "haproxy", null), PATH, "props", "null",
                "is required");
    }

    @Test
    void anEmptyBuilderNamesEveryRequiredValueAtOnce() {
        assertThatThrownBy(() -> HaproxyTier.Builder.create(TestStacks.emptyStack(), "haproxy").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::property)
                        .containsExactly("stack", "stack", "network", "flavorId", "imageId", "sshKey", "health",
                                "servers", "certificate", "originPulls", "operatorCidr"));
    }

    @Test
    void theStackNeedsTheTlsProviderForTheInstancesHostKeys() {
        assertThatThrownBy(() -> HaproxyTier.Builder.create(TestStacks.emptyStack(), "haproxy").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::value).anySatisfy(v -> assertThat(v).contains("(no TlsProvider)")));
    }

    @Test
    void aWildcardCertificateNeedsTheServedHostNameSpelledOut() {
        Rejections.assertRejected(() -> HaproxyTierFixture.minimal(wildcardStack()).build(), "test/haproxy",
                "hostname", "none (the certificate's first name is a wildcard)", "HAProxy refuses every other SNI and Host");
        assertThat(HaproxyTierFixture.minimal(wildcardStack()).hostname("app.example.com").build().configText())
                .contains("{ ssl_fc_sni,lower -m str app.example.com }");
    }

    /** @return a stack whose origin certificate is for {@code *.example.com} */
    private static TerraformStack wildcardStack() {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTierFixture.providers(stack);
        OriginCertificate.Builder.create(stack, "origin-certificate").hostnames(List.of("*.example.com")).build();
        return stack;
    }

    @Test
    void aStackWithoutTheCloudflareProviderIsNamed() {
        TerraformStack stack = TestStacks.emptyStack();
        // The certificate lives in another stack, so the tier's own has no Cloudflare provider.
        OriginCertificate elsewhere = HaproxyTierFixture.certificate(TestStacks.emptyStack());
        Rejections.assertRejected(() -> HaproxyTier.Builder.create(stack, "haproxy")
                        .network(HaproxyTierFixture.network(stack)).flavorId(FLAVOR)
                        .imageId(HaproxyTierFixture.IMAGE).sshKey(SshKey.existing("ops"))
                        .health(HealthContract.defaults()).certificate(elsewhere)
                        .operatorCidr(HaproxyTierFixture.OPERATOR_CIDR).servers(List.of(APP_1)).build(), PATH, "stack",
                "test (no CloudflareProvider)", "the stack needs the CloudflareProvider its resources use");
    }

    @Test
    void aNetworkWithoutItsGatewayIsRefused() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork bare = RegionNetwork.Builder.create(stack, "network").cloudProject(HaproxyTierFixture.PROJECT)
                .region("GRA11").vlanId(10).cidr("10.10.0.0/16").gateway(GatewaySpec.none()).build();

        Rejections.assertRejected(() -> HaproxyTierFixture.on(stack, bare).build(), PATH, "network",
                "test/network (GatewaySpec.none())", "floating IPs are associated through the subnet's gateway");
    }

    static Stream<Arguments> inconsistentValues() {
        HealthContract slowTimeout = HealthContract.builder().interval(Duration.ofSeconds(5))
                .timeout(Duration.ofSeconds(2)).build();
        return Stream.of(
                reject("instances", "1", "single point of failure", b -> b.instances(1)),
                reject("instances", "0", "must be at least 1", b -> b.instances(0).allowSingleInstance(true)),
                reject("instances", "21", "must be at most 20", b -> b.instances(21)),
                reject("checkInterval", "PT1S", "must be longer than the health contract's timeout (PT2S)",
                        b -> b.health(slowTimeout).checkInterval(Duration.ofSeconds(1))),
                reject("checkInterval", "PT2S", "must be longer than the health contract's timeout (PT2S)",
                        b -> b.health(slowTimeout).checkInterval(Duration.ofSeconds(2))),
                reject("imageId", FLAVOR, "must differ from flavorId", b -> b.imageId(FLAVOR)),
                reject("servers[app].name", "app", "appears more than once",
                        b -> b.servers(List.of(BackendServer.of("app", "10.10.1.5", 8080),
                                BackendServer.of("app", "10.10.1.6", 8080)))),
                reject("servers", "every weight 0", "HAProxy counts a server of weight 0 as unusable",
                        b -> b.servers(List.of(APP_1.withWeight(0), BackendServer.of("app-2", "10.10.1.6", 8080)
                                .withWeight(0)))),
                reject("statsPage.port", "22", "not 22, 443 or 8405",
                        b -> b.statsPage(StatsPage.builder().port(22).build())),
                reject("statsPage.port", "443", "not 22, 443 or 8405",
                        b -> b.statsPage(StatsPage.builder().port(443).build())),
                reject("statsPage.port", "8405", "which SSH, the tier's HTTPS and its local health answer use",
                        b -> b.statsPage(StatsPage.builder().port(8405).build())),
                reject("checkHost", "Shop.example.com", "taken from the backends' host name",
                        b -> b.backends(named("Shop.example.com"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inconsistentValues")
    void valuesThatContradictEachOtherAreRejected(String name, UnaryOperator<HaproxyTier.Builder> change,
            String property, String value, String why) {
        Rejections.assertRejected(() -> change.apply(tier()).build(), PATH, property, value, why);
    }

    static Stream<Arguments> valuesOutOfTheirDomain() {
        String rsaBlob = SshPublicKeys.RSA.split(" ")[1];
        return Stream.of(
                reject("flavorId", "b3-8", "must be the id (a UUID) of an OVH flavor", b -> b.flavorId("b3-8")),
                reject("flavorId", "\"\"", "must be the id (a UUID) of an OVH flavor", b -> b.flavorId("")),
                reject("flavorId", "3c2a6d3e6f0b4a5e9d8e1b2c3d4e5f60", "UUID",
                        b -> b.flavorId("3c2a6d3e6f0b4a5e9d8e1b2c3d4e5f60")),
                reject("imageId", "Debian 12", "must be the id (a UUID) of an OVH image", b -> b.imageId("Debian 12")),
                reject("sshKey.name", "\"  \"", "must not be blank", b -> b.sshKey(SshKey.existing("  "))),
                reject("sshKey.publicKey", "ssh-dss AAAAB3NzaC1kc3MA…", "must start with a key type OpenSSH supports",
                        publicKey("ssh-dss AAAAB3NzaC1kc3MAAACBAP")),
                reject("sshKey.publicKey", "ssh-ed25519", "must have the base64 key of a ssh-ed25519 key",
                        publicKey("ssh-ed25519")),
                reject("sshKey.publicKey", "ssh-ed25519 AAAAB3NzaC1y…", "must have the base64 key of a ssh-ed25519",
                        publicKey("ssh-ed25519 " + rsaBlob)),
                reject("sshKey.publicKey", "ssh-ed25519 !!not-base64", "must have the base64 key",
                        publicKey("ssh-ed25519 !!not-base64")),
                reject("sshKey.publicKey", "a private key (not shown)", "never the private key",
                        publicKey("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
                                + "-----END OPENSSH PRIVATE KEY-----\n")),
                reject("sshKey.publicKey", "ssh-ed25519 AAAAC3NzaC1l…", "must be one line",
                        publicKey(SshPublicKeys.ED25519 + "\n" + SshPublicKeys.RSA)),
                reject("servers[app-1].address", "10.10.1.256", "must be an IPv4 address or a lower-case host name",
                        server(BackendServer.of("app-1", "10.10.1.256", 8080))),
                reject("servers[app-1].address", "10.1", "must be an IPv4 address",
                        server(BackendServer.of("app-1", "10.1", 8080))),
                reject("servers[app-1].address", "app 1", "must be an IPv4 address",
                        server(BackendServer.of("app-1", "app 1", 8080))),
                reject("servers[app-1].address", "App.Internal", "lower-case host name",
                        server(BackendServer.of("app-1", "App.Internal", 8080))),
                reject("servers[0].name", "app 1", "must be 1–64 letters, digits",
                        server(BackendServer.of("app 1", "10.10.1.5", 8080))),
                reject("servers[0].name", "\"\"", "must be 1–64 letters, digits",
                        server(BackendServer.of("", "10.10.1.5", 8080))),
                reject("servers[app-1].port", "0", "must be between 1 and 65535", 
                        server(BackendServer.of("app-1", "10.10.1.5", 0))),
                reject("servers[app-1].port", "65536", "must be between 1 and 65535",
                        server(BackendServer.of("app-1", "10.10.1.5", 65536))),
                reject("servers[app-1].weight", "-1", "must be 0–256", server(APP_1.withWeight(-1))),
                reject("servers[app-1].weight", "257", "must be 0–256", server(APP_1.withWeight(257))),
                reject("checkHost", "app example.com", "must be a lower-case host name",
                        b -> b.checkHost("app example.com")),
                reject("checkHost", "App.Example.com", "must be a lower-case host name",
                        b -> b.checkHost("App.Example.com")),
                reject("checkHost", "app.example.com:0", "optionally with :port (1–65535)",
                        b -> b.checkHost("app.example.com:0")),
                reject("checkHost", "app.example.com:65536", "optionally with :port",
                        b -> b.checkHost("app.example.com:65536")),
                reject("checkHost", "app.example.com:", "optionally with :port", b -> b.checkHost("app.example.com:")),
                reject("checkHost", "\"\"", "must be a lower-case host name", b -> b.checkHost("")),
                reject("checkInterval", "PT0S", "whole number of milliseconds from 1 ms",
                        b -> b.checkInterval(Duration.ZERO)),
                reject("checkInterval", "PT-1S", "whole number of milliseconds from 1 ms",
                        b -> b.checkInterval(Duration.ofSeconds(-1))),
                reject("checkInterval", "PT0.00000001S", "whole number of milliseconds",
                        b -> b.checkInterval(Duration.ofNanos(10))),
                reject("checkInterval", "PT600H", "2147483647 ms (about 24.8 days)",
                        b -> b.checkInterval(Duration.ofDays(25))),
                reject("timeouts.connect", "PT0S", "whole number of milliseconds",
                        b -> b.timeouts(Timeouts.builder().connect(Duration.ZERO).build())),
                reject("timeouts.client", "PT0.0000015S", "whole number of milliseconds",
                        b -> b.timeouts(Timeouts.builder().client(Duration.ofNanos(1500)).build())),
                reject("timeouts.server", "PT600H", "about 24.8 days",
                        b -> b.timeouts(Timeouts.builder().server(Duration.ofDays(25)).build())),
                reject("fall", "0", "must be at least 1", b -> b.fall(0)),
                reject("rise", "0", "must be at least 1", b -> b.rise(0)),
                reject("retries", "-1", "must be 0 or more", b -> b.retries(-1)),
                reject("operatorCidr", "0.0.0.0/0", "must be /8 or narrower", b -> b.operatorCidr("0.0.0.0/0")),
                reject("operatorCidr", "10.0.0.0/7", "admits a large part of the internet",
                        b -> b.operatorCidr("10.0.0.0/7")),
                reject("operatorCidr", "203.0.113.7/24", "must be an IPv4 network in CIDR form",
                        b -> b.operatorCidr("203.0.113.7/24")),
                reject("operatorCidr", "office", "must be an IPv4 network in CIDR form", b -> b.operatorCidr("office")),
                reject("operatorCidr", "\"\"", "must be an IPv4 network in CIDR form", b -> b.operatorCidr("")),
                reject("sshUser", "Debian", "must be a login name", b -> b.sshUser("Debian")),
                reject("sshUser", "deb ian", "must be a login name", b -> b.sshUser("deb ian")),
                reject("sshUser", "\"\"", "must be a login name", b -> b.sshUser("")),
                reject("statsPage.port", "0", "must be 1–65535",
                        b -> b.statsPage(StatsPage.builder().port(0).build())),
                reject("statsPage.port", "65536", "must be 1–65535",
                        b -> b.statsPage(StatsPage.builder().port(65536).build())),
                reject("statsPage.user", "ad:min", "letters, digits",
                        b -> b.statsPage(StatsPage.builder().user("ad:min").build())),
                reject("statsPage.user", "\"\"", "letters, digits",
                        b -> b.statsPage(StatsPage.builder().user("").build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesOutOfTheirDomain")
    void aValueOutsideItsDomainIsRejected(String name, UnaryOperator<HaproxyTier.Builder> change, String property,
            String value, String why) {
        Rejections.assertRejected(() -> change.apply(tier()).build(), PATH, property, value, why);
    }

    static Stream<Arguments> referencesWhereTheConfigNeedsText() {
        String why = "must be known at synth";
        return Stream.of(
                reject("servers[0].name", "a Terraform reference", why,
                        b -> b.servers(List.of(BackendServer.of(Fn.uuid(), "10.10.1.5", 8080)))),
                reject("checkHost", "a Terraform reference", why, b -> b.checkHost(Fn.uuid())),
                reject("operatorCidr", "a Terraform reference", why, b -> b.operatorCidr(Fn.uuid())),
                reject("statsPage.user", "a Terraform reference", why,
                        b -> b.statsPage(StatsPage.builder().user(Fn.uuid()).build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referencesWhereTheConfigNeedsText")
    void aReferenceWhereTheConfigNeedsTextIsNamedAsAReference(String name,
            UnaryOperator<HaproxyTier.Builder> change, String property, String value, String why) {
        assertThatThrownBy(() -> change.apply(tier()).build()).hasMessageNotContaining("TfToken");
        Rejections.assertRejected(() -> change.apply(tier()).build(), PATH, property, value, why);
    }

    @Test
    void aServerWhoseAddressIsAReferenceIsNamedByItsServerName() {
        assertThatThrownBy(() -> tier().servers(List.of(BackendServer.of("app-1", Fn.uuid(), 0))).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("test/haproxy: servers[app-1].port = 0")
                .hasMessageNotContaining("TfToken");
    }

    static Stream<Arguments> acceptedValues() {
        return Stream.of(
                accept("an ssh-ed25519 key", publicKey(SshPublicKeys.ED25519)),
                accept("an ecdsa-sha2-nistp256 key", publicKey(SshPublicKeys.ECDSA_P256)),
                accept("an ssh-rsa key", publicKey(SshPublicKeys.RSA)),
                accept("an sk-ssh-ed25519@openssh.com key", publicKey(SshPublicKeys.SK_ED25519)),
                accept("an sk-ecdsa-sha2-nistp256@openssh.com key", publicKey(SshPublicKeys.SK_ECDSA)),
                accept("a public key from Terraform", publicKey(Fn.uuid())),
                accept("a flavor id from Terraform", b -> b.flavorId(Fn.uuid())),
                accept("an upper-case UUID", b -> b.flavorId(FLAVOR.toUpperCase())),
                accept("a host name with a port as checkHost", b -> b.checkHost("app.example.com:8443")),
                accept("an IPv4 address as checkHost", b -> b.checkHost("10.0.0.1")),
                accept("a host name as server address", server(BackendServer.of("app-1", "app.internal", 8080))),
                accept("one drained server beside a serving one", b -> b.servers(List.of(APP_1.withWeight(0),
                        BackendServer.of("app-2", "10.10.1.6", 8080).withWeight(256)))),
                accept("a single instance opted into", b -> b.instances(1).allowSingleInstance(true)),
                accept("one operator address", b -> b.operatorCidr("198.51.100.7/32")),
                accept("the widest operator network", b -> b.operatorCidr("10.0.0.0/8")),
                accept("Ubuntu's user", b -> b.sshUser("ubuntu")),
                accept("a user from Terraform", b -> b.sshUser(Fn.uuid())),
                accept("the longest time HAProxy takes",
                        b -> b.timeouts(Timeouts.builder().server(HaproxyDurations.MAX).build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedValues")
    void validValuesAreAccepted(String name, UnaryOperator<HaproxyTier.Builder> change) {
        HaproxyTier.Builder builder = change.apply(tier());
        assertThatCode(builder::build).doesNotThrowAnyException();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> tier().flavorId("b3-8").imageId("debian-12").fall(0).rise(0).balance(null).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::property)
                        .containsExactly("flavorId", "imageId", "balance", "fall", "rise"));
    }

    @Test
    void aSecondTierWithTheSameIdIsATandemErrorNotAJsiiOne() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork network = HaproxyTierFixture.network(stack);
        HaproxyTierFixture.on(stack, network).build();
        Rejections.assertRejected(() -> HaproxyTierFixture.on(stack, network).build(), "test/haproxy", "id",
                "haproxy", "is already used by another construct under test");
    }

    @Test
    void aClusterOnAnotherRegionsNetworkIsRefusedBecauseItsAddressIsUnreachable() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork network = HaproxyTierFixture.network(stack);
        TerraformStack other = new TerraformStack((software.constructs.Construct) stack.getNode().getScope(), "other");
        K8sAppCluster elsewhere = K8sFixtures.oneZoneCluster(other).build();
        Rejections.assertRejected(() -> HaproxyTierFixture.on(stack, network).backends(elsewhere).build(),
                "test/haproxy", "backends", "other/network", "must be on the tier's network test/network");
    }
}
