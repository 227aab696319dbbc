package dev.tandem.constructs.haproxy;

import static dev.tandem.constructs.haproxy.HaproxyTierFixture.FLAVOR;
import static dev.tandem.constructs.haproxy.HaproxyTierFixture.IMAGE;
import static dev.tandem.constructs.haproxy.HaproxyTierFixture.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.core.BackendTarget;
import dev.tandem.constructs.core.TandemApp;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.k8s.IngressSpec;
import dev.tandem.constructs.k8s.K8sAppCluster;
import dev.tandem.constructs.k8s.K8sFixtures;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.constructs.testing.SynthAssertions;
import dev.tandem.constructs.testing.TestStacks;
import dev.tandem.providers.ovh.provider.OvhProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HaproxyTierTest {
    private static final String INSTANCE = "ovh_cloud_project_instance";

    @TempDir
    Path tmp;

    private static JsonNode yaml(String text) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    private static JsonNode firstInstance(JsonNode synth) {
        return SynthAssertions.assertResource(synth, INSTANCE).hasProperties(Map.of("name", "test-haproxy-1"));
    }

    @Test
    void aMinimalTierIsTwoPublicInstancesOnThePrivateNetworkOfTheNetworksProjectAndRegion() {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTier tier = HaproxyTierFixture.minimal(stack).build();
        JsonNode synth = TestStacks.synth(stack);

        SynthAssertions.ResourceAssert instances = SynthAssertions.assertResource(synth, INSTANCE).hasCount(2);
        for (String name : List.of("test-haproxy-1", "test-haproxy-2")) {
            JsonNode instance = instances.hasProperties(Map.of(
                    "name", name,
                    "service_name", PROJECT,
                    "region", "GRA11",
                    "flavor", Map.of("flavor_id", FLAVOR),
                    "boot_from", Map.of("image_id", IMAGE),
                    "network", Map.of("public", true),
                    "ssh_key", Map.of("name", "ops"),
                    "lifecycle", Map.of("create_before_destroy", true)));
            assertThat(instance.has("availability_zone")).as("one-zone region: no zone in %s", instance).isFalse();
            assertThat(instance.at("/network/private/network/id").asText())
                    .contains("regions_openstack_ids[\"GRA11\"]");
            assertThat(instance.at("/network/private/network/subnet_id").asText())
                    .contains("ovh_cloud_project_network_private_subnet.");
        }
        assertThat(tier.nodes()).extracting(HaproxyNode::name).containsExactly("test-haproxy-1", "test-haproxy-2");
        assertThat(tier.instances()).hasSize(2);
        assertThat(tier.statsPasswordVariable()).isEmpty();
    }

    @Test
    void userDataWritesExactlyTheRenderedConfigThenStartsHaproxy() throws IOException {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTier tier = HaproxyTierFixture.minimal(stack).build();
        JsonNode cloudConfig = yaml(firstInstance(TestStacks.synth(stack)).path("user_data").asText());

        assertThat(cloudConfig.path("packages").get(0).asText()).isEqualTo("haproxy");
        JsonNode file = cloudConfig.path("write_files").get(0);
        assertThat(file.path("path").asText()).isEqualTo("/etc/haproxy/haproxy.cfg");
        assertThat(file.path("defer").asBoolean()).as("written after the package's own config").isTrue();
        assertThat(file.path("content").asText()).isEqualTo(tier.configText());
        assertThat(cloudConfig.path("runcmd").get(0).asText())
                .contains("haproxy -c -f /etc/haproxy/haproxy.cfg", "systemctl enable haproxy",
                        "systemctl restart haproxy");
    }

    @Test
    void theConfigFollowsTheHealthContract() {
        HaproxyTier tier = HaproxyTierFixture.minimal(TestStacks.emptyStack())
                .health(HealthContract.builder().path("/ready").expectedStatus(204).interval(Duration.ofSeconds(3))
                        .timeout(Duration.ofSeconds(1)).build())
                .checkHost("app.example.com")
                .build();

        assertThat(tier.configText()).contains(
                "http-check send meth GET uri /ready ver HTTP/1.1 hdr Host app.example.com\n",
                "http-check expect status 204\n",
                "default-server inter 3s fall 3 rise 2\n",
                "timeout check 1s\n",
                "monitor-uri /ready\n",
                "monitor fail if { nbsrv(app) lt 1 }\n",
                "server app-1 10.10.1.5:8080 check weight 1\n",
                "balance roundrobin\n");
    }

    @Test
    void timingAndTimeoutsAreSetByName() {
        HaproxyTier tier = HaproxyTierFixture.minimal(TestStacks.emptyStack())
                .checkInterval(Duration.ofMillis(2500))
                .fall(4)
                .rise(5)
                .retries(1)
                .timeouts(Timeouts.builder().server(Duration.ofSeconds(60)).build())
                .build();

        assertThat(tier.configText()).contains("default-server inter 2500ms fall 4 rise 5\n", "retries 1\n",
                "timeout connect 5s\n", "timeout client 30s\n", "timeout server 60s\n");
        assertThat(tier.config().defaults().check().inter()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void instancesAreSpreadRoundRobinOverTheNetworksZones() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork network = RegionNetwork.Builder.create(stack, "network").cloudProject(PROJECT)
                .region("EU-WEST-PAR").zones(List.of("eu-west-par-a", "eu-west-par-b")).vlanId(10)
                .cidr("10.10.0.0/16").build();
        HaproxyTier tier = HaproxyTierFixture.on(stack, network).instances(3).build();
        JsonNode synth = TestStacks.synth(stack);

        SynthAssertions.ResourceAssert instances = SynthAssertions.assertResource(synth, INSTANCE).hasCount(3);
        instances.hasProperties(Map.of("name", "test-haproxy-1", "availability_zone", "eu-west-par-a"));
        instances.hasProperties(Map.of("name", "test-haproxy-2", "availability_zone", "eu-west-par-b"));
        instances.hasProperties(Map.of("name", "test-haproxy-3", "availability_zone", "eu-west-par-a"));
        assertThat(tier.nodes()).extracting(HaproxyNode::zone)
                .containsExactly(Optional.of("eu-west-par-a"), Optional.of("eu-west-par-b"),
                        Optional.of("eu-west-par-a"));
    }

    @Test
    void nodeAddressesTellPublicFromPrivateByTheNetworksCidr() {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTierFixture.minimal(stack).build();
        JsonNode locals = TestStacks.synth(stack).path("locals");

        List<String> expressions = new ArrayList<>();
        locals.elements().forEachRemaining(l -> expressions.add(l.asText()));
        assertThat(expressions).hasSize(4).allSatisfy(e -> assertThat(e)
                .contains(".addresses : a.ip if a.version == 4 && cidrhost(format(\"%s/%d\", a.ip, 16), 0)"));
        assertThat(expressions).filteredOn(e -> e.contains("!= \"10.10.0.0\"")).hasSize(2);
        assertThat(expressions).filteredOn(e -> e.contains("== \"10.10.0.0\"")).hasSize(2);
    }

    @Test
    void serversCanComeFromABackendTarget() {
        HaproxyTier tier = HaproxyTierFixture.minimal(TestStacks.emptyStack())
                .backends(() -> List.of(BackendServer.of("k8s-node-1", "10.10.2.1", 30080).withWeight(3)))
                .balance(Balance.LEASTCONN)
                .build();

        assertThat(tier.configText()).contains("server k8s-node-1 10.10.2.1:30080 check weight 3\n",
                "balance leastconn\n");
    }

    @Test
    void theCheckHostIsLocalhostWhenNothingNamesOne() {
        HaproxyTier tier = HaproxyTierFixture.minimal(TestStacks.emptyStack()).build();

        assertThat(tier.checkHost()).isEqualTo("localhost");
        assertThat(tier.configText()).contains("hdr Host localhost\n");
    }

    @Test
    void theCheckHostDefaultsToTheBackendsHostName() {
        BackendTarget named = new BackendTarget() {
            @Override
            public List<BackendServer> backendServers() {
                return List.of(BackendServer.of("app", "10.10.1.5", 8080));
            }

            @Override
            public Optional<String> hostname() {
                return Optional.of("shop.example.com");
            }
        };

        assertThat(HaproxyTierFixture.minimal(TestStacks.emptyStack()).backends(named).build().checkHost())
                .isEqualTo("shop.example.com");
        assertThat(HaproxyTierFixture.minimal(TestStacks.emptyStack()).backends(named).checkHost("app.example.com")
                .build().checkHost()).as("an explicit checkHost wins").isEqualTo("app.example.com");
    }

    @Test
    void aClusterHandsItsIngressHostToTheChecks() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork network = K8sFixtures.network(stack);
        K8sAppCluster cluster = K8sAppCluster.Builder.create(stack, "app").network(network)
                .app(K8sFixtures.app().ingress(IngressSpec.builder().className("traefik").host("orders.example.com")
                        .build()).build())
                .build();

        HaproxyTier tier = HaproxyTierFixture.on(stack, network).backends(cluster).build();

        assertThat(tier.configText()).contains("hdr Host orders.example.com\n");
    }

    @Test
    void theConstructBuilderAndThePropsBuilderMakeTheSameTier() {
        TerraformStack stack = TestStacks.emptyStack();
        RegionNetwork network = HaproxyTierFixture.network(stack);
        List<BackendServer> servers = List.of(BackendServer.of("app-1", "10.10.1.5", 8080));
        HaproxyTier viaBuilder = HaproxyTier.Builder.create(stack, "via-builder")
                .network(network).flavorId(FLAVOR).imageId(IMAGE).sshKey(SshKey.existing("ops"))
                .health(HealthContract.defaults()).checkHost("app.example.com").balance(Balance.LEASTCONN)
                .servers(servers).statsPage(StatsPage.builder().port(9000).build())
                .build();
        HaproxyTierProps props = HaproxyTierProps.builder()
                .network(network).flavorId(FLAVOR).imageId(IMAGE).sshKey(SshKey.existing("ops"))
                .health(HealthContract.defaults()).checkHost("app.example.com").balance(Balance.LEASTCONN)
                .servers(servers).statsPage(StatsPage.builder().port(9000).build())
                .build();
        HaproxyTier viaProps = new HaproxyTier(stack, "via-props", props);

        assertThat(viaProps.props()).isEqualTo(viaBuilder.props());
        assertThat(props.toBuilder().build()).as("toBuilder keeps every setting").isEqualTo(props);
        assertThat(props.toBuilder().instances(3).build().instances()).isEqualTo(3);
        assertThat(viaProps.configText()).contains("balance leastconn\n", "hdr Host app.example.com\n",
                "bind \"$TANDEM_PRIVATE_IP:9000\"\n");
    }

    @Test
    void aTerraformReferenceAsServerAddressShowsAsItsExpressionInTheSideFile() {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTier.Builder builder = HaproxyTierFixture.minimal(stack);
        RegionNetwork other = RegionNetwork.Builder.create(stack, "other").cloudProject(HaproxyTierFixture.PROJECT)
                .region("GRA11").vlanId(11).cidr("10.11.0.0/16").build();
        HaproxyTier tier = builder.servers(List.of(BackendServer.of("app-1", other.subnetId(), 8080))).build();

        assertThat(tier.configFile().content())
                .contains("server app-1 ${ovh_cloud_project_network_private_subnet.other_subnet_")
                .doesNotContain("TfToken");
    }

    @Test
    void flavorAndImageMayBeTerraformReferences() {
        TerraformStack stack = TestStacks.emptyStack();
        TerraformVariable image = TerraformVariable.Builder.create(stack, "image").type("string").build();
        HaproxyTierFixture.minimal(stack).imageId(image.getStringValue()).build();

        SynthAssertions.assertResource(TestStacks.synth(stack), INSTANCE)
                .hasProperties(Map.of("flavor", Map.of("flavor_id", FLAVOR),
                        "boot_from", Map.of("image_id", "${var.image}")));
    }

    @Test
    void aNewSshKeyIsRegisteredFromItsPublicKey() {
        TerraformStack stack = TestStacks.emptyStack();
        String key = SshPublicKeys.ED25519;
        HaproxyTierFixture.minimal(stack).sshKey(SshKey.create("ops-2026", key)).build();

        JsonNode instance = SynthAssertions.assertResource(TestStacks.synth(stack), INSTANCE)
                .hasProperties(Map.of("ssh_key_create", Map.of("name", "ops-2026", "public_key", key)));
        assertThat(instance.has("ssh_key")).as("no existing key besides the new one in %s", instance).isFalse();
    }

    @Test
    void theStatsPasswordIsASensitiveVariableAndNeverInTheConfig() throws IOException {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTier tier = HaproxyTierFixture.minimal(stack).statsPage(StatsPage.defaults()).build();
        JsonNode synth = TestStacks.synth(stack);

        Iterator<JsonNode> variables = synth.path("variable").elements();
        JsonNode variable = variables.next();
        assertThat(variables.hasNext()).isFalse();
        assertThat(variable.path("sensitive").asBoolean()).isTrue();
        assertThat(variable.path("validation").get(0).path("condition").asText()).startsWith("${can(regex(");
        String name = synth.path("variable").fieldNames().next();
        assertThat(name).as("exportable as TF_VAR_<name>").isEqualTo("haproxy_stats_password");

        assertThat(tier.configText()).contains("stats auth \"admin:$HAPROXY_STATS_PASSWORD\"",
                "bind \"$TANDEM_PRIVATE_IP:8404\"", "http-request deny unless { src 10.10.0.0/16 }");
        JsonNode cloudConfig = yaml(firstInstance(synth).path("user_data").asText());
        JsonNode env = cloudConfig.path("write_files").get(1);
        assertThat(env.path("path").asText()).isEqualTo("/etc/default/haproxy");
        assertThat(env.path("permissions").asText()).isEqualTo("0600");
        assertThat(env.path("content").asText()).isEqualTo("HAPROXY_STATS_PASSWORD=${var." + name + "}\n");
        assertThat(cloudConfig.path("runcmd").get(0).asText())
                .contains("ip -4 -o addr show to 10.10.0.0/16", "TANDEM_PRIVATE_IP=$private_ip");
    }

    @Test
    void tlsAddsABindOn443() {
        HaproxyTier tier = HaproxyTierFixture.minimal(TestStacks.emptyStack())
                .tlsCertificatePath("/etc/haproxy/certs/origin.pem")
                .build();

        assertThat(tier.configText()).contains("    bind :80\n    bind :443 ssl crt /etc/haproxy/certs/origin.pem\n");
    }

    @Test
    void synthWritesTheConfigBesideTheStack() {
        HaproxyTier tier = TandemApp.synthesize(tmp.resolve("cdktf.out"), app -> {
            TerraformStack stack = new TerraformStack(app, "primary");
            OvhProvider.Builder.create(stack, "ovh").endpoint("ovh-eu").build();
            return HaproxyTierFixture.minimal(stack).build();
        });

        assertThat(tmp.resolve("cdktf.out/stacks/primary/haproxy/haproxy.cfg")).hasContent(tier.configText());
    }
}
