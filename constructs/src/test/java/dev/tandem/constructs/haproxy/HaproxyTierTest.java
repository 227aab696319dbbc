package dev.tandem.constructs.haproxy;

import static dev.tandem.constructs.haproxy.HaproxyTierFixture.FLAVOR;
import static dev.tandem.constructs.haproxy.HaproxyTierFixture.IMAGE;
import static dev.tandem.constructs.haproxy.HaproxyTierFixture.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.hashicorp.cdktf.TerraformOutput;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HaproxyTierTest {
    private static final String INSTANCE = "ovh_cloud_instance";
    private static final String FLOATING_IP = "ovh_cloud_floating_ip";
    private static final String DELIVERY = "terraform_data";

    @TempDir
    Path tmp;

    private static JsonNode yaml(String text) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }


    /** @return the resource of {@code type} that the tier's construct {@code id} made */
    /** @return the tier's deliveries (the stack's other {@code terraform_data} is the origin-pull CA's wait) */
    private static List<JsonNode> deliveries(JsonNode synth) {
        List<JsonNode> out = new ArrayList<>();
        synth.path("resource").path(DELIVERY).fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("haproxy_delivery-")) {
                out.add(e.getValue());
            }
        });
        return out;
    }

    private static JsonNode byId(JsonNode synth, String type, String id) {
        return synth.path("resource").path(type).path(key(synth.path("resource").path(type), id));
    }

    /** @return how Terraform addresses the resource of {@code type} that the tier's construct {@code id} made */
    private static String address(JsonNode synth, String type, String id) {
        return type + "." + key(synth.path("resource").path(type), id);
    }

    /** @return the one key cdktf gave construct {@code id} of the tier {@code haproxy} among {@code entries} */
    private static String key(JsonNode entries, String id) {
        List<String> keys = new ArrayList<>();
        entries.fieldNames().forEachRemaining(k -> {
            if (k.startsWith("haproxy_" + id + "_")) {
                keys.add(k);
            }
        });
        assertThat(keys).as("the key of %s among %s", id, fieldNames(entries)).hasSize(1);
        return keys.get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.elements().forEachRemaining(e -> out.add(e.asText()));
        return out;
    }

    @Test
    void aMinimalTierIsTwoPrivateInstancesEachBehindItsOwnFloatingIp() {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTier tier = HaproxyTierFixture.minimal(stack).build();
        JsonNode synth = TestStacks.synth(stack);

        SynthAssertions.assertResource(synth, FLOATING_IP).hasCount(2)
                .hasProperties(Map.of("service_name", PROJECT, "region", "GRA11", "description", "test-haproxy-1"));
        SynthAssertions.ResourceAssert instances = SynthAssertions.assertResource(synth, INSTANCE).hasCount(2);
        for (int n = 1; n <= 2; n++) {
            JsonNode instance = instances.hasProperties(Map.of(
                    "name", "test-haproxy-" + n,
                    "service_name", PROJECT,
                    "region", "GRA11",
                    "flavor_id", FLAVOR,
                    "image_id", IMAGE,
                    "ssh_key_name", "ops"));
            assertThat(instance.has("availability_zone")).as("one-zone region: no zone in %s", instance).isFalse();
            JsonNode networks = instance.path("networks");
            assertThat(networks).as("only a private port, no public interface: %s", networks).hasSize(1);
            assertThat(networks.get(0).path("subnet_id").asText()).contains("ovh_cloud_project_network_private_subnet.");
            assertThat(networks.get(0).path("ip").asText()).as("the floating IP, associated through the port")
                    .isEqualTo("${" + address(synth, FLOATING_IP, "floating-ip-" + n) + ".id}");
            assertThat(texts(instance.path("security_group_ids"))).singleElement().asString()
                    .startsWith("${ovh_cloud_security_group.haproxy_security-group_");
        }
        assertThat(tier.nodes()).extracting(HaproxyNode::name).containsExactly("test-haproxy-1", "test-haproxy-2");
        TerraformOutput.Builder.create(stack, "origin").value(tier.nodes().get(0).publicIpv4()).build();
        assertThat(TestStacks.synth(stack).path("output").path("origin").path("value").asText())
                .as("the edge's origin is the floating IP")
                .isEqualTo("${" + address(synth, FLOATING_IP, "floating-ip-1") + ".id}");
        assertThat(tier.instances()).hasSize(2);
        assertThat(tier.statsPasswordVariable()).isEmpty();
        assertThat(tier.httpsPort()).isEqualTo(443);
    }

    @Test
    void userDataIsTheSameBootstrapWhateverTheTiersConfigurationWithTheInstancesOwnHostKey() throws IOException {
        TerraformStack one = TestStacks.emptyStack();
        HaproxyTierFixture.minimal(one).build();
        TerraformStack other = TestStacks.emptyStack();
        HaproxyTierFixture.minimal(other).balance(Balance.LEASTCONN).statsPage(StatsPage.defaults())
                .servers(List.of(BackendServer.of("x", "10.10.9.9", 9000))).build();
        JsonNode synth = TestStacks.synth(one);
        JsonNode instance = byId(synth, INSTANCE, "instance-1");
        String cloudConfig = Bootstrap.cloudConfig();

        assertThat(byId(TestStacks.synth(other), INSTANCE, "instance-1").path("user_data"))
                .as("nothing the tier's props say reaches user_data").isEqualTo(instance.path("user_data"));
        String hostKey = address(synth, "tls_private_key", "host-key-1");
        assertThat(instance.path("user_data").asText()).as("the bootstrap with this instance's host key")
                .isEqualTo("${base64encode(replace(replace(local." + key(synth.path("locals"), "bootstrap")
                        + ", \"TANDEM_HOST_KEY_PRIVATE\", jsonencode(" + hostKey + ".private_key_openssh)), "
                        + "\"TANDEM_HOST_KEY_PUBLIC\", jsonencode(trimspace(" + hostKey + ".public_key_openssh))))}");
        SynthAssertions.assertResource(synth, "tls_private_key").hasProperties(Map.of("algorithm", "ED25519"));
        assertThat(cloudConfig).doesNotContain("10.10.1.5", "backend app", "PRIVATE KEY", "TfToken");
        JsonNode parsed = yaml(cloudConfig);
        assertThat(parsed.path("ssh_deletekeys").asBoolean()).as("no host key but the pinned one").isTrue();
        assertThat(parsed.path("ssh_genkeytypes")).isEmpty();
        assertThat(parsed.path("ssh_keys").path("ed25519_private").asText()).isEqualTo("TANDEM_HOST_KEY_PRIVATE");
        assertThat(parsed.path("ssh_keys").path("ed25519_public").asText()).isEqualTo("TANDEM_HOST_KEY_PUBLIC");
        assertThat(texts(parsed.path("packages"))).containsExactly("haproxy", "curl");
        Map<String, JsonNode> files = new java.util.LinkedHashMap<>();
        parsed.path("write_files").elements().forEachRemaining(f -> files.put(f.path("path").asText(), f));
        JsonNode sshd = files.get("/etc/ssh/sshd_config.d/50-tandem.conf");
        assertThat(sshd.path("defer").asBoolean()).as("in place before sshd starts").isFalse();
        assertThat(sshd.path("content").asText()).contains("AllowAgentForwarding no\n", "AllowTcpForwarding no\n",
                "HostKey /etc/ssh/ssh_host_ed25519_key\n", "PasswordAuthentication no\n");
        assertThat(files.get("/usr/local/sbin/tandem-haproxy-apply").path("content").asText())
                .isEqualTo(Bootstrap.resource("tandem-haproxy-apply"));
        assertThat(files.get("/etc/haproxy/tandem/releases/bootstrap/haproxy.cfg").path("content").asText())
                .isEqualTo(Bootstrap.resource("bootstrap-haproxy.cfg"));
        assertThat(files.get("/etc/default/haproxy").path("content").asText()).contains(
                "CONFIG=/etc/haproxy/tandem/current/haproxy.cfg\n",
                "EXTRAOPTS=\"-S /run/haproxy-master.sock -C /etc/haproxy/tandem/current\"\n");
        files.values().stream().filter(f -> f != sshd).forEach(f -> assertThat(f.path("defer").asBoolean())
                .as("%s is written after the package", f.path("path")).isTrue());
        assertThat(parsed.path("runcmd").get(0).asText()).contains(
                "ln -sfn /etc/haproxy/tandem/releases/bootstrap /etc/haproxy/tandem/current",
                "systemctl restart haproxy");
        assertThat(Bootstrap.cloudConfig() + Bootstrap.resource("tandem-haproxy-apply"))
                .as("Cloudflare's shared origin-pull CA is neither fetched nor trusted: the CA is delivered")
                .doesNotContain("developers.cloudflare.com", "authenticated_origin_pull_ca");
        // An OpenSSH Ed25519 private key is about 400 bytes, its public line about 100, each a JSON string.
        assertThat((cloudConfig.length() + 1_000) * 4 / 3).as("ovh_cloud_instance takes 65535 bytes at most")
                .isLessThan(65_535);
    }

    @Test
    void theConfigServesHttpsOnlyToCloudflareWithItsClientCertificate() {
        HaproxyTier tier = HaproxyTierFixture.minimal(TestStacks.emptyStack()).build();

        assertThat(tier.configText()).contains("""
                frontend https
                    bind :443 ssl crt origin.pem ca-file origin-pull-ca.pem verify optional
                    tcp-request connection reject unless { src -f cloudflare-ipv4.lst }
                    monitor-uri /healthz
                    monitor fail if { nbsrv(app) lt 1 }
                    http-request deny deny_status 421 unless { ssl_fc_sni,lower -m str app.example.com } { req.hdr(host),field(1,:),lower -m str app.example.com }
                    http-request deny deny_status 403 unless { ssl_c_used } { ssl_c_verify 0 }
                """, """
                frontend local-health
                    bind 127.0.0.1:8405
                """, "stats socket /run/haproxy/admin.sock mode 660 level admin expose-fd listeners\n")
                .doesNotContain(":80\n");
    }

    @Test
    void theSecurityGroupAdmitsHttpsFromCloudflaresRangesAndSshFromTheOperators() {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTierFixture.minimal(stack).build();
        JsonNode synth = TestStacks.synth(stack);
        JsonNode group = SynthAssertions.assertResource(synth, "ovh_cloud_security_group")
                .hasProperties(Map.of("service_name", PROJECT, "region", "GRA11", "name", "test-haproxy"));
        String ranges = synth.path("data").path("cloudflare_ip_ranges").fieldNames().next();

        assertThat(group.path("rule").asText()).isEqualTo("${concat([for cidr in sort(data.cloudflare_ip_ranges." + ranges
                + ".ipv4_cidrs) : {description = \"HTTPS from Cloudflare\", direction = \"INGRESS\", ethernet_type = "
                + "\"IPV4\", protocol = \"TCP\", port_range_min = 443, port_range_max = 443, remote_ip_prefix = cidr}],"
                + " [{description = \"SSH from the operators (delivery)\", direction = \"INGRESS\", ethernet_type = "
                + "\"IPV4\", protocol = \"TCP\", port_range_min = 22, port_range_max = 22, remote_ip_prefix = "
                + "\"203.0.113.0/24\"}])}");
    }

    @Test
    void eachInstanceGetsItsDeliveryAfterThePreviousInstancesSoChangesRollOneAtATime() {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTier tier = HaproxyTierFixture.minimal(stack).instances(3).build();
        JsonNode synth = TestStacks.synth(stack);
        assertThat(deliveries(synth)).as("one per instance").hasSize(3);

        for (int n = 1; n <= 3; n++) {
            JsonNode instance = byId(synth, INSTANCE, "instance-" + n);
            JsonNode delivery = byId(synth, DELIVERY, "delivery-" + n);
            String instanceAddress = address(synth, INSTANCE, "instance-" + n);
            List<String> instanceAfter = texts(instance.path("depends_on"));
            String gateway = "ovh_cloud_project_gateway." + synth.path("resource").path("ovh_cloud_project_gateway")
                    .fieldNames().next();
            if (n == 1) {
                assertThat(instanceAfter).as("a floating IP needs the subnet's gateway").containsExactly(gateway);
                assertThat(texts(delivery.path("depends_on"))).containsExactly(instanceAddress);
            } else {
                String previous = address(synth, DELIVERY, "delivery-" + (n - 1));
                assertThat(instanceAfter).as("instance %d waits for delivery %d", n, n - 1)
                        .containsExactly(gateway, previous);
                assertThat(texts(delivery.path("depends_on"))).containsExactly(previous, instanceAddress);
            }
            assertThat(delivery.path("connection").path("host").asText())
                    .isEqualTo(instance.path("networks").get(0).path("ip").asText());
            assertThat(delivery.path("connection").path("user").asText()).isEqualTo("debian");
            JsonNode connection = delivery.path("connection");
            String hostKey = address(synth, "tls_private_key", "host-key-" + n);
            assertThat(connection.path("agent").asText()).as("the operator's agent is neither used nor forwarded")
                    .isEqualTo("false");
            assertThat(connection.path("private_key").asText()).isEqualTo("${var.haproxy_deploy_key}");
            assertThat(connection.path("host_key").asText()).as("this instance's own host key is pinned")
                    .isEqualTo("${trimspace(" + hostKey + ".public_key_openssh)}");
            assertThat(connection.path("script_path").asText()).as("not /tmp, which every local user can write")
                    .isEqualTo(".ssh/tandem-delivery-%RAND%.sh").doesNotStartWith("/tmp");
            assertThat(connection.path("timeout").asText()).isEqualTo("1m");
            assertThat(delivery.path("triggers_replace").path("host_key").asText())
                    .isEqualTo("${trimspace(" + hostKey + ".public_key_openssh)}");
            assertThat(delivery.path("triggers_replace").path("instance").asText()).isEqualTo("${" + instanceAddress + ".id}");
        }
        assertThat(tier.deliveries()).hasSize(3);
    }

    @Test
    void theDeliveryUploadsTheConfigCertificateAndRangesThenRunsTheApplyScript() {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTier tier = HaproxyTierFixture.minimal(stack).build();
        JsonNode synth = TestStacks.synth(stack);
        JsonNode delivery = byId(synth, DELIVERY, "delivery-1");
        JsonNode steps = delivery.path("provisioner");

        assertThat(steps).hasSize(7);
        JsonNode probe = steps.get(0).path("local-exec");
        assertThat(probe.path("command").asText()).as("the workstation waits for the banner, bounded")
                .isEqualTo(Bootstrap.resource("tandem-ssh-wait"));
        assertThat(probe.path("environment").path("TANDEM_SSH_WAIT").asText()).isEqualTo("300");
        assertThat(probe.path("environment").path("TANDEM_OPERATOR_CIDR").asText()).isEqualTo("203.0.113.0/24");
        assertThat(probe.path("environment").path("TANDEM_SSH_HOST").asText())
                .isEqualTo(delivery.path("connection").path("host").asText());
        steps = new ObjectMapper().createArrayNode().addAll(
                java.util.stream.StreamSupport.stream(steps.spliterator(), false).skip(1).toList());
        assertThat(texts(steps.get(0).path("remote-exec").path("inline"))).contains("set -eu",
                "cloud-init status --wait > /dev/null || true",
                "sudo install -d -m 0700 -o \"$(id -u)\" -g \"$(id -g)\" /var/lib/tandem/incoming");
        assertThat(steps.get(1).path("file").path("destination").asText()).isEqualTo("/var/lib/tandem/incoming/haproxy.cfg");
        assertThat(steps.get(1).path("file").path("content").asText()).startsWith("${local.haproxy_config_");
        assertThat(steps.get(2).path("file").path("destination").asText()).isEqualTo("/var/lib/tandem/incoming/origin.pem");
        assertThat(steps.get(2).path("file").path("content").asText()).matches(
                "\\$\\{trimspace\\(cloudflare_origin_ca_certificate\\.[^}]*\\.certificate\\)}\n"
                        + "\\$\\{tls_private_key\\.[^}]*\\.private_key_pem}");
        assertThat(steps.get(3).path("file").path("destination").asText())
                .isEqualTo("/var/lib/tandem/incoming/cloudflare-ipv4.lst");
        assertThat(steps.get(4).path("file").path("destination").asText())
                .isEqualTo("/var/lib/tandem/incoming/origin-pull-ca.pem");
        assertThat(texts(steps.get(5).path("remote-exec").path("inline"))).containsExactly(
                "sudo env TANDEM_HAPROXY_HEALTH='http://127.0.0.1:8405/healthz' TANDEM_HAPROXY_SETTLE=18 "
                        + "TANDEM_HAPROXY_WORKER_DEADLINE=60 "
                        + "/usr/local/sbin/tandem-haproxy-apply --detach /var/lib/tandem/incoming");
        JsonNode triggers = delivery.path("triggers_replace");
        assertThat(texts(new ObjectMapper().valueToTree(fieldNames(triggers))))
                .containsExactlyInAnyOrder("instance", "image", "bootstrap", "host_key", "config", "certificate",
                        "cloudflare_ipv4", "origin_pull_ca");
        String ca = "${local." + key(synth.path("locals"), "origin-pull-ca") + "}";
        assertThat(steps.get(4).path("file").path("content").asText()).as("the deployment's CA, not Cloudflare's")
                .isEqualTo(ca);
        assertThat(synth.path("locals").path(key(synth.path("locals"), "origin-pull-ca")).asText())
                .matches("\\$\\{join\\(\"\\\\n\", \\[trimspace\\(tls_self_signed_cert\\.[^)]*\\.cert_pem\\)]\\)}\n");
        assertThat(triggers.path("origin_pull_ca").asText()).as("a CA change is a hitless configuration change")
                .isEqualTo("${sha256(" + ca.substring(2, ca.length() - 1) + ")}");
        assertThat(triggers.path("config").asText()).startsWith("${sha256(local.haproxy_config_");
        assertThat(triggers.path("image").asText()).isEqualTo(IMAGE);
        JsonNode locals = synth.path("locals");
        assertThat(steps.get(1).path("file").path("content").asText())
                .isEqualTo("${local." + key(locals, "config") + "}");
        assertThat(locals.path(key(locals, "config")).asText()).as("the delivered config is the side file's text")
                .isEqualTo(tier.configText());
        assertThat(steps.get(3).path("file").path("content").asText())
                .isEqualTo("${local." + key(locals, "cloudflare-ipv4") + "}");
        String ranges = locals.path(key(locals, "cloudflare-ipv4")).asText();
        assertThat(ranges).matches("\\$\\{join\\(\"\\\\n\", sort\\(data\\.cloudflare_ip_ranges\\.[^}]*\\.ipv4_cidrs\\)\\)}\n");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theSettleTimeCoversTheChecksThatJudgeEveryServerAfterAReload() {
        assertThat(HaproxyTier.settleSeconds(new CheckTiming(Duration.ofSeconds(5), 3, 2, Duration.ofSeconds(2))))
                .as("5 s × 3 + 2 s, plus a second").isEqualTo(18);
        assertThat(HaproxyTier.settleSeconds(new CheckTiming(Duration.ofMillis(400), 2, 2, Duration.ofMillis(300))))
                .as("1.1 s rounds up to 2, plus a second").isEqualTo(3);
    }

    @Test
    void aHealthPathWithShellAndTemplateCharactersReachesTheInstanceLiterally() {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTierFixture.minimal(stack)
                .health(HealthContract.defaults().toBuilder().path("/health$x%y{z}'").build()).build();
        JsonNode synth = TestStacks.synth(stack);

        String config = synth.path("locals").path(key(synth.path("locals"), "config")).asText();
        assertThat(config).contains("monitor-uri /health$x%y{z}'");
        assertThat(texts(byId(synth, DELIVERY, "delivery-1").path("provisioner").get(6).path("remote-exec")
                .path("inline")).get(0)).contains("TANDEM_HAPROXY_HEALTH='http://127.0.0.1:8405/health$x%y{z}'\\'''");
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
    void eachInstancePortNamesTheNetworkTheSubnetAndTheFloatingIpSoTheProviderAssociatesIt() {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTierFixture.minimal(stack).build();
        JsonNode synth = TestStacks.synth(stack);

        List<JsonNode> instances = new ArrayList<>();
        synth.path("resource").path("ovh_cloud_instance").elements().forEachRemaining(instances::add);
        assertThat(instances).hasSize(2).allSatisfy(instance -> {
            JsonNode port = instance.path("networks");
            assertThat(port).hasSize(1);
            assertThat(port.get(0).path("network_id").asText())
                    .startsWith("${ovh_cloud_project_network_private.").endsWith(".regions_openstack_ids[\"GRA11\"]}");
            assertThat(port.get(0).path("subnet_id").asText()).startsWith("${ovh_cloud_project_network_private_subnet.");
            assertThat(port.get(0).path("ip").asText()).startsWith("${ovh_cloud_floating_ip.").endsWith(".id}");
        });
    }

    @Test
    void everyLocalTheTierWritesIsUsed() {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTierFixture.minimal(stack).build();
        JsonNode synth = TestStacks.synth(stack);

        String text = synth.toString();
        synth.path("locals").fieldNames().forEachRemaining(name ->
                assertThat(text).as("local %s is referenced", name).contains("local." + name));
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
        OriginCertificate certificate = HaproxyTierFixture.certificate(stack);
        List<BackendServer> servers = List.of(BackendServer.of("app-1", "10.10.1.5", 8080));
        HaproxyTier viaBuilder = HaproxyTier.Builder.create(stack, "via-builder")
                .network(network).flavorId(FLAVOR).imageId(IMAGE).sshKey(SshKey.existing("ops"))
                .health(HealthContract.defaults()).checkHost("app.example.com").balance(Balance.LEASTCONN)
                .certificate(certificate).originPulls(HaproxyTierFixture.originPulls(stack)).hostname("app.example.com")
                .operatorCidr("198.51.100.0/24").sshUser("ubuntu")
                .servers(servers).statsPage(StatsPage.builder().port(9000).build())
                .build();
        HaproxyTierProps props = HaproxyTierProps.builder()
                .network(network).flavorId(FLAVOR).imageId(IMAGE).sshKey(SshKey.existing("ops"))
                .health(HealthContract.defaults()).checkHost("app.example.com").balance(Balance.LEASTCONN)
                .certificate(certificate).originPulls(HaproxyTierFixture.originPulls(stack)).hostname("app.example.com")
                .operatorCidr("198.51.100.0/24").sshUser("ubuntu")
                .servers(servers).statsPage(StatsPage.builder().port(9000).build())
                .build();
        HaproxyTier viaProps = new HaproxyTier(stack, "via-props", props);

        assertThat(viaProps.props()).isEqualTo(viaBuilder.props());
        assertThat(props.toBuilder().build()).as("toBuilder keeps every setting").isEqualTo(props);
        assertThat(props.toBuilder().instances(3).build().instances()).isEqualTo(3);
        assertThat(viaProps.configText()).contains("balance leastconn\n", "hdr Host app.example.com\n",
                "bind :9000\n", "http-request deny unless { src 198.51.100.0/24 }\n");
        deliveries(TestStacks.synth(stack)).forEach(d -> assertThat(d.path("connection").path("user").asText())
                .isEqualTo("ubuntu"));
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
        assertThat(TestStacks.synth(stack).path("locals").toString()).as("and stays a reference in the delivery")
                .contains("server app-1 ${ovh_cloud_project_network_private_subnet.other_subnet_");
    }

    @Test
    void flavorAndImageMayBeTerraformReferences() {
        TerraformStack stack = TestStacks.emptyStack();
        TerraformVariable image = TerraformVariable.Builder.create(stack, "image").type("string").build();
        HaproxyTierFixture.minimal(stack).imageId(image.getStringValue()).build();
        JsonNode synth = TestStacks.synth(stack);

        SynthAssertions.assertResource(synth, INSTANCE).hasProperties(Map.of("flavor_id", FLAVOR, "image_id", "${var.image}"));
        assertThat(byId(synth, DELIVERY, "delivery-1").path("triggers_replace").path("image").asText())
                .as("a rebuild wipes the disk, so a new image gets the delivery again").isEqualTo("${var.image}");
    }

    @Test
    void aNewSshKeyIsRegisteredFromItsPublicKey() {
        TerraformStack stack = TestStacks.emptyStack();
        String key = SshPublicKeys.ED25519;
        HaproxyTierFixture.minimal(stack).sshKey(SshKey.create("ops-2026", key)).build();
        JsonNode synth = TestStacks.synth(stack);

        SynthAssertions.assertResource(synth, "ovh_cloud_ssh_key")
                .hasProperties(Map.of("name", "ops-2026", "public_key", key, "service_name", PROJECT));
        assertThat(byId(synth, INSTANCE, "instance-1").path("ssh_key_name").asText())
                .startsWith("${ovh_cloud_ssh_key.haproxy_ssh-key_").endsWith(".name}");
    }

    @Test
    void theStatsPasswordIsASensitiveVariableThatOnlyTheDeliveryWrites() {
        TerraformStack stack = TestStacks.emptyStack();
        HaproxyTier tier = HaproxyTierFixture.minimal(stack).statsPage(StatsPage.defaults()).build();
        JsonNode synth = TestStacks.synth(stack);

        JsonNode variable = synth.path("variable").path("haproxy_stats_password");
        assertThat(variable.path("sensitive").asBoolean()).as("exportable as TF_VAR_haproxy_stats_password: %s",
                synth.path("variable")).isTrue();
        assertThat(variable.path("validation").get(0).path("condition").asText()).startsWith("${can(regex(");
        assertThat(tier.configText()).contains("userlist stats-users\n    user admin password $HAPROXY_STATS_PASSWORD_HASH\n",
                "stats http-request auth unless { http_auth(stats-users) }\n", "bind :8404\n",
                "http-request deny unless { src 203.0.113.0/24 }").doesNotContain("stats auth");
        JsonNode delivery = byId(synth, DELIVERY, "delivery-1");
        String uploaded = delivery.path("provisioner").get(2).path("file").path("content").asText();
        String[] around = tier.configText().split("\\$HAPROXY_STATS_PASSWORD_HASH", -1);
        assertThat(around).as("the placeholder is on the user's line only").hasSize(2);
        assertThat(uploaded).as("a salted bcrypt hash on that line, computed in the provisioner only")
                .isEqualTo(around[0] + "${bcrypt(var.haproxy_stats_password, 8)}" + around[1]);
        String hostKey = address(synth, "tls_private_key", "host-key-1");
        assertThat(delivery.path("triggers_replace").path("stats_password").asText())
                .as("state holds the password's digest salted with the instance's host key, not its bare digest")
                .isEqualTo("${sha256(\"${trimspace(" + hostKey + ".public_key_openssh)}:${var.haproxy_stats_password}\")}")
                .isNotEqualTo("${sha256(var.haproxy_stats_password)}");
        assertThat(SynthAssertions.assertResource(synth, "ovh_cloud_security_group").hasProperties(Map.of())
                .path("rule").asText()).contains("port_range_min = 8404, port_range_max = 8404, remote_ip_prefix = "
                        + "\"203.0.113.0/24\"");
        assertThat(byId(synth, INSTANCE, "instance-1").path("user_data").asText()).doesNotContain("stats_password");
    }

    @Test
    void synthWritesTheConfigAndTheBootstrapBesideTheStack() {
        HaproxyTier tier = TandemApp.synthesize(tmp.resolve("cdktf.out"), app -> {
            TerraformStack stack = new TerraformStack(app, "primary");
            OvhProvider.Builder.create(stack, "ovh").endpoint("ovh-eu").build();
            return HaproxyTierFixture.minimal(stack).build();
        });

        assertThat(tmp.resolve("cdktf.out/stacks/primary/haproxy/haproxy.cfg")).hasContent(tier.configText());
        assertThat(tmp.resolve("cdktf.out/stacks/primary/haproxy/haproxy.cloud-init.yaml"))
                .hasContent(Bootstrap.cloudConfig());
    }
}
