package dev.tandem.constructs.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.core.TandemApp;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.constructs.testing.TestStacks;
import dev.tandem.providers.ovh.provider.OvhProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HaproxyTierTest {
    @TempDir
    Path tmp;

    private static List<JsonNode> instances(JsonNode synth) {
        List<JsonNode> found = new ArrayList<>();
        synth.path("resource").path("ovh_cloud_project_instance").elements().forEachRemaining(found::add);
        return found;
    }

    private static JsonNode yaml(String text) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    @Test
    void aMinimalTierIsTwoPublicInstancesOnThePrivateNetwork() {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTier tier = HaproxyTierFixture.minimal(stack).build();
        List<JsonNode> instances = instances(TestStacks.synth(stack));

        assertThat(instances).hasSize(2);
        assertThat(instances).extracting(i -> i.path("name").asText())
                .containsExactly("test-haproxy-1", "test-haproxy-2");
        for (JsonNode i : instances) {
            assertThat(i.path("region").asText()).isEqualTo("GRA11");
            assertThat(i.has("availability_zone")).as("one-zone region").isFalse();
            assertThat(i.path("network").path("public").asBoolean()).isTrue();
            assertThat(i.path("network").path("private").path("network").path("id").asText())
                    .contains("regions_openstack_ids[\"GRA11\"]");
            assertThat(i.path("network").path("private").path("network").path("subnet_id").asText())
                    .contains("ovh_cloud_project_network_private_subnet.");
            assertThat(i.path("ssh_key").path("name").asText()).isEqualTo("ops");
            assertThat(i.path("lifecycle").path("create_before_destroy").asBoolean()).isTrue();
        }
        assertThat(tier.nodes()).extracting(HaproxyNode::name).containsExactly("test-haproxy-1", "test-haproxy-2");
        assertThat(tier.instances()).hasSize(2);
        assertThat(tier.statsPasswordVariable()).isEmpty();
    }

    @Test
    void userDataWritesExactlyTheRenderedConfigThenStartsHaproxy() throws IOException {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTier tier = HaproxyTierFixture.minimal(stack).build();
        JsonNode cloudConfig = yaml(instances(TestStacks.synth(stack)).get(0).path("user_data").asText());

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
                .health(new HealthContract("/ready", 8080, 204, java.time.Duration.ofSeconds(3),
                        java.time.Duration.ofSeconds(1)))
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
    void instancesAreSpreadRoundRobinOverTheZones() {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTier tier = HaproxyTierFixture.minimal(stack)
                .instances(3)
                .zones(List.of("eu-west-par-a", "eu-west-par-b"))
                .build();

        assertThat(instances(TestStacks.synth(stack))).extracting(i -> i.path("availability_zone").asText())
                .containsExactly("eu-west-par-a", "eu-west-par-b", "eu-west-par-a");
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
                .backends(() -> List.of(BackendServer.of("k8s-node-1", "10.10.2.1", 30080)))
                .balance(Balance.LEASTCONN)
                .build();

        assertThat(tier.configText()).contains("server k8s-node-1 10.10.2.1:30080 check", "balance leastconn");
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
        JsonNode cloudConfig = yaml(instances(synth).get(0).path("user_data").asText());
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
