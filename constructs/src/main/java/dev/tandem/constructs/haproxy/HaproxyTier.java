package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.core.Scopes;
import dev.tandem.constructs.core.TerraformReferences;
import com.hashicorp.cdktf.DefaultTokenResolver;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.ResolveOptions;
import com.hashicorp.cdktf.StringConcat;
import com.hashicorp.cdktf.TerraformLocal;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableValidationConfig;
import com.hashicorp.cdktf.Tokenization;
import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.SideFile;
import dev.tandem.constructs.core.TerraformData;
import dev.tandem.constructs.core.TerraformStrings;
import dev.tandem.constructs.edge.OriginPullTrust;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.providers.cloudflare.data_cloudflare_ip_ranges.DataCloudflareIpRanges;
import dev.tandem.providers.ovh.cloud_floating_ip.CloudFloatingIp;
import dev.tandem.providers.ovh.cloud_instance.CloudInstance;
import dev.tandem.providers.ovh.cloud_instance.CloudInstanceNetworks;
import dev.tandem.providers.ovh.cloud_security_group.CloudSecurityGroup;
import dev.tandem.providers.ovh.cloud_ssh_key.CloudSshKey;
import dev.tandem.providers.tls.private_key.PrivateKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * A health-checked HAProxy tier in one OVH region: at least two private instances behind floating IPs, spread
 * over the network's zones, terminating HTTPS for the edge's host name and answering the health contract's path
 * itself — 200 while a backend server is usable, 503 when none is — so the edge drops the region when its app is
 * down.
 *
 * <pre>{@code
 * HaproxyTier tier = HaproxyTier.Builder.create(stack, "haproxy")
 *     .network(network)                    // gives the cloud project, region, zones and gateway
 *     .flavorId(b3FlavorId)
 *     .imageId(debian12ImageId)
 *     .sshKey(SshKey.existing("ops"))
 *     .health(health)
 *     .certificate(originCertificate)      // OriginCertificate for the edge's host name
 *     .originPulls(trust)                  // OriginPullTrust: the only client CA accepted
 *     .operatorCidr("203.0.113.0/24")      // SSH, the delivery and the stats page
 *     .backends(cluster)
 *     .build();
 * }</pre>
 *
 * <p>It serves the region's {@link OriginCertificate} on 443, and by default only this deployment's Cloudflare zone
 * gets in: Cloudflare's IPv4 ranges, presenting a client certificate of the {@link OriginPullTrust}, for the
 * edge's host name. With {@link OriginExposure#PUBLIC} (Route 53 failover) clients connect directly and the
 * certificate is a {@link SuppliedCertificate}. The configuration is delivered over SSH and reloaded hitlessly,
 * one instance at a time ({@link ConfigDelivery}); a configuration change leaves every instance and floating IP
 * as it is.
 *
 * <p><b>Stats page.</b> When enabled it listens on every instance for the operator network only. Its
 * password is the sensitive Terraform variable {@link #statsPasswordVariable()}, named
 * {@code <id>_stats_password} and so set with {@code TF_VAR_<id>_stats_password}; Terraform accepts 16–128
 * of {@code A-Z a-z 0-9 . _ ~ + = -}, which need no quoting anywhere. The page checks a {@code userlist} whose
 * user line names a placeholder; the delivery writes a salted bcrypt hash of the password there (crypt(3),
 * HAProxy 2.6 configuration.txt 3.4), on that line only. Neither the password nor that hash is in cdktf.out
 * or in state; state holds a SHA-256 of the password salted with each instance's host key (the delivery's
 * trigger).
 *
 * <p><b>SSH.</b> The deliveries connect with the deploy key ({@link #deployKeyVariable()}, whose public half is
 * the {@code sshKey}), no agent, and each instance's own host key pinned ({@link #hostKeys()}, installed by the
 * {@link Bootstrap}); see {@link ConfigDelivery}.
 *
 * <p><b>Validation.</b> Every input is checked before any resource is created, and all problems are
 * thrown at once as a {@link dev.tandem.constructs.core.ValidationException} naming the tier's path, the
 * property as written in the builder, the value and a fix; a value Terraform fills at apply is named
 * as a reference, and a server by its name. The stack needs a {@code TlsProvider} (the host keys) and, behind
 * Cloudflare, a 5.x {@code CloudflareProvider}.
 *
 * <p>Attributes: {@link #nodes()}, {@link #httpsPort()}, {@link #configText()}, {@link #config()},
 * {@link #checkHost()}. Escape hatches: {@link #instances()}, {@link #floatingIps()}, {@link #deliveries()},
 * {@link #securityGroup()}, {@link #configFile()}.
 *
 * <p>How the instances, addresses, bootstrap, delivery and origin lockdown are built, and the sources: the
 * {@link dev.tandem.constructs.haproxy package documentation}.
 */
public class HaproxyTier extends Construct {
    static final int HTTPS_PORT = 443;
    static final int SSH_PORT = 22;
    private static final String BACKEND = "app";
    private static final String DEFAULT_CHECK_HOST = "localhost";
    /** Characters that need no quoting in haproxy.cfg nor in a shell. */
    private static final String PASSWORD_PATTERN = "^[A-Za-z0-9._~+=-]{16,128}$";
    /** The placeholder the configuration names and the delivery replaces with the stats password's hash. */
    static final String STATS_PASSWORD_VARIABLE = "HAPROXY_STATS_PASSWORD_HASH";
    /**
     * bcrypt's cost for the stats password: HAProxy runs crypt(3) on every stats request in a worker thread
     * (configuration.txt 3.4 warns of the CPU), and the page refreshes every 10 s; 2^8 rounds keep that to a
     * few milliseconds while the hash stays salted and slow to reverse.
     */
    static final int STATS_BCRYPT_COST = 8;
    /**
     * What the deploy key variable must hold: an unencrypted private key (Terraform's communicator refuses a
     * passphrase, {@code readPrivateKey}). {@code [ ]} keeps the key marker out of every synthesized file, which the
     * secrets test searches for it.
     */
    private static final String DEPLOY_KEY_PATTERN = "-----BEGIN [A-Z ]*PRIVATE[ ]KEY-----";

    private final HaproxyTierProps props;
    private final HaproxyConfig config;
    private final String configText;
    private final SideFile configFile;
    private final Optional<TerraformVariable> statsPassword;
    private final TerraformVariable deployKey;
    private final List<PrivateKey> hostKeys = new ArrayList<>();
    private final CloudSecurityGroup securityGroup;
    private final List<CloudInstance> instances = new ArrayList<>();
    private final List<CloudFloatingIp> floatingIps = new ArrayList<>();
    private final List<TerraformData> deliveries = new ArrayList<>();
    private final List<HaproxyNode> nodes = new ArrayList<>();

    /**
     * Creates the tier; invalid props throw {@link dev.tandem.constructs.core.ValidationException}
     * listing every problem.
     *
     * @param scope parent construct, usually the region's stack
     * @param id    construct id; also names the side files {@code haproxy/<id>.cfg} and {@code .cloud-init.yaml}
     * @param props the tier's description
     */
    public HaproxyTier(@NotNull Construct scope, @NotNull String id, HaproxyTierProps props) {
        super(Scopes.checked(scope, id, "HaproxyTier"), id);
        Problems problems = Problems.at(this);
        HaproxyTierValidation.validate(this, props, problems);
        problems.throwIfAny();
        this.props = props;
        this.config = config(getNode().getPath(), props, props.backends().backendServers());
        this.configText = HaproxyConfigRenderer.render(config);
        this.configFile = new SideFile(this, "config-file", "haproxy/" + id + ".cfg", readable(configText));
        new SideFile(this, "bootstrap-file", "haproxy/" + id + ".cloud-init.yaml", Bootstrap.cloudConfig());
        this.statsPassword = props.statsPage().map(this::statsPasswordVariable);
        RegionNetwork network = props.network();
        String namePrefix = getNode().getPath().replace('/', '-');
        // A public tier needs no Cloudflare provider: nothing of Cloudflare's is read.
        Optional<DataCloudflareIpRanges> ranges = props.exposure() == OriginExposure.CLOUDFLARE_ONLY
                ? Optional.of(DataCloudflareIpRanges.Builder.create(this, "cloudflare-ranges").build())
                : Optional.empty();
        this.securityGroup = TierSecurityGroup.create(this, namePrefix, ranges);
        String sshKeyName = sshKeyName();
        this.deployKey = newDeployKeyVariable();
        ConfigDelivery delivery = new ConfigDelivery(this, deliveredFiles(ranges),
                new ConfigDelivery.Access(props.sshUser(), deployKey.getStringValue(), props.operatorCidr()),
                props.health().path(), settleSeconds(config.defaults().check()));
        String bootstrap = Bootstrap.cloudConfig();
        String bootstrapTemplate = new TerraformLocal(this, "bootstrap", TerraformStrings.literal(bootstrap))
                .getAsString();
        List<String> zones = network.zones();
        // Validation made sure there is one: a floating IP is associated through the subnet's gateway. A shared
        // network's gateway is in its owner stack, applied before this one, so nothing here waits for it.
        Optional<? extends ITerraformDependable> gateway = network.gateway();
        List<ITerraformDependable> after = new ArrayList<>();
        for (int n = 1; n <= props.instances(); n++) {
            Optional<String> zone = zones.isEmpty() ? Optional.empty() : Optional.of(zones.get((n - 1) % zones.size()));
            String name = namePrefix + "-" + n;
            CloudFloatingIp floatingIp = CloudFloatingIp.Builder.create(this, "floating-ip-" + n)
                    .serviceName(network.cloudProject())
                    .region(network.region())
                    .description(name)
                    .build();
            String publicIpv4 = floatingIp.getId();
            // The instance's SSH host key, pinned by its delivery (the choice over an SSH host CA: docs/haproxy-delivery.md).
            PrivateKey hostKey = PrivateKey.Builder.create(this, "host-key-" + n).algorithm("ED25519").build();
            String userData = Fn.base64encode(Fn.replace(Fn.replace(bootstrapTemplate, Bootstrap.HOST_KEY_PRIVATE,
                    Fn.jsonencode(hostKey.getPrivateKeyOpenssh())), Bootstrap.HOST_KEY_PUBLIC,
                    Fn.jsonencode(Fn.trimspace(hostKey.getPublicKeyOpenssh()))));
            CloudInstance.Builder instance = CloudInstance.Builder.create(this, "instance-" + n)
                    .serviceName(network.cloudProject())
                    .region(network.region())
                    .name(name)
                    .flavorId(props.flavorId())
                    .imageId(props.imageId())
                    .sshKeyName(sshKeyName)
                    .networks(List.of(floatingIpPort(network, publicIpv4)))
                    .securityGroupIds(List.of(securityGroup.getId()))
                    .userData(userData);
            zone.ifPresent(instance::availabilityZone);
            List<ITerraformDependable> instanceAfter = new ArrayList<>();
            gateway.ifPresent(instanceAfter::add);
            instanceAfter.addAll(after);
            CloudInstance built = instance.dependsOn(instanceAfter).build();
            after.add(built);
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("instance", built.getId());
            facts.put("image", props.imageId());
            facts.put("bootstrap", sha256Hex(bootstrap));
            facts.put("host_key", Fn.trimspace(hostKey.getPublicKeyOpenssh()));
            TerraformData delivered = delivery.deliver(n, publicIpv4, hostKey.getPublicKeyOpenssh(), facts,
                    List.copyOf(after));
            after.clear();
            after.add(delivered);
            instances.add(built);
            hostKeys.add(hostKey);
            floatingIps.add(floatingIp);
            deliveries.add(delivered);
            nodes.add(new HaproxyNode(name, zone, publicIpv4));
        }
    }

    /**
     * The instance's one port: on the region's subnet, with the floating IP associated to it. The provider
     * reads {@code ip} as a floating IP to associate only together with {@code network_id} and
     * {@code subnet_id}; without {@code network_id} it means a public IP the project already owns
     * (ovh/terraform-provider-ovh {@code ovh/types_cloud_instance.go}, the {@code networks[].ip} description;
     * {@code docs/resources/cloud_instance.md}, "Network interfaces"; the acceptance test
     * {@code TestAccCloudInstance_floatingIP}, which sets all three). {@code network_id} is the network's
     * OpenStack id in the region, the id Managed Kubernetes attaches to as well (see
     * {@link RegionNetwork#openstackNetworkId()} for why the network stays an API v1 resource).
     */
    static CloudInstanceNetworks floatingIpPort(RegionNetwork network, String floatingIp) {
        return CloudInstanceNetworks.builder()
                .networkId(network.openstackNetworkId())
                .subnetId(network.subnetId())
                .ip(floatingIp)
                .build();
    }

    /** The only host name served: the one set, else the certificate's first name unless it is a wildcard. */
    static Optional<String> hostname(HaproxyTierProps props) {
        return props.hostname().or(() -> props.certificate().hostnames().stream().findFirst()
                .filter(name -> !name.startsWith("*.")));
    }

    /** The Host header of the checks: the one set, else the backends' host name, else {@code localhost}. */
    static Optional<String> checkHost(HaproxyTierProps props) {
        return props.checkHost().or(() -> Optional.ofNullable(props.backends().hostname()).flatMap(h -> h));
    }

    static HaproxyConfig config(String path, HaproxyTierProps props, List<BackendServer> servers) {
        HealthContract health = props.health();
        Duration inter = props.checkInterval().orElse(health.interval());
        Monitor monitor = new Monitor(health.path(), BACKEND);
        boolean cloudflare = props.exposure() == OriginExposure.CLOUDFLARE_ONLY;
        // The monitor may probe without the zone's client certificate (unverified either way): only the health
        // path is answered without one, and only to Cloudflare's ranges (docs/edge.md, authenticated origin pulls).
        // A public tier (DNS failover) asks no client certificate and admits every source.
        TlsTermination tls = cloudflare ? new TlsTermination(InstanceLayout.CERTIFICATE,
                Optional.of(InstanceLayout.ORIGIN_PULL_CA), ClientCertificates.REQUIRED_EXCEPT_MONITOR)
                : TlsTermination.serverOnly(InstanceLayout.CERTIFICATE);
        Frontend https = new Frontend("https", List.of(Bind.tls(HTTPS_PORT, tls)),
                cloudflare ? Optional.of(InstanceLayout.CLOUDFLARE_IPV4) : Optional.empty(), hostname(props),
                Optional.of(monitor), BACKEND);
        Optional<StatsFrontend> stats = props.statsPage().map(s -> new StatsFrontend(Bind.all(s.port()),
                props.operatorCidr(), s.user(), STATS_PASSWORD_VARIABLE));
        Backend app = new Backend(BACKEND, props.balance(),
                new HttpCheck(health.path(), checkHost(props).orElse(DEFAULT_CHECK_HOST), health.expectedStatus()),
                servers);
        return new HaproxyConfig(
                List.of("Generated by Tandem for " + path + ": change the HaproxyTier props, not this file.",
                        "File names are relative to the release directory HAProxy runs from (-C)."),
                GlobalSection.debian(),
                new DefaultsSection(props.timeouts(), new CheckTiming(inter, props.fall(), props.rise(),
                        health.timeout()), props.retries()),
                List.of(https), new LocalHealth(Bind.loopback(InstanceLayout.LOCAL_HEALTH_PORT), monitor), stats,
                List.of(app));
    }

    /**
     * @return the seconds a new worker needs before its checks have judged every server: servers start up
     *         after a reload, and a dead one is down after {@code inter × fall} plus the last check's timeout
     */
    static long settleSeconds(CheckTiming timing) {
        Duration judged = timing.inter().multipliedBy(timing.fall()).plus(timing.timeout());
        return judged.plusMillis(999).getSeconds() + 1;
    }

    /** Terraform references in server addresses are shown as their expressions, not as cdktf's placeholders. */
    private String readable(String text) {
        if (!TerraformReferences.isReference(text)) {
            return text;
        }
        return (String) Tokenization.resolve(text, ResolveOptions.builder().scope(this)
                .resolver(new DefaultTokenResolver(new StringConcat())).build());
    }

    private TerraformVariable statsPasswordVariable(StatsPage page) {
        TerraformVariable password = TerraformVariable.Builder.create(this, "stats-password")
                .type("string")
                .sensitive(true)
                .nullable(false)
                .description("Password of user " + page.user() + " on the HAProxy stats page of "
                        + getNode().getPath())
                .build();
        // cdktf's generated name has a hash and a hyphen, which no shell can export as TF_VAR_<name>.
        String stackPath = TerraformStack.of(this).getNode().getPath();
        password.overrideLogicalId(getNode().getPath().substring(stackPath.length() + 1)
                .replaceAll("[^A-Za-z0-9_]", "_") + "_stats_password");
        password.addValidation(TerraformVariableValidationConfig.builder()
                .condition(Fn.can(Fn.regex(PASSWORD_PATTERN, password.getStringValue())))
                .errorMessage("The stats password must be 16-128 characters of A-Z a-z 0-9 . _ ~ + = -.")
                .build());
        return password;
    }

    /**
     * The deploy key's private half, {@code <id>_deploy_key} ({@code TF_VAR_<id>_deploy_key}): sensitive, so
     * Terraform redacts it; a variable, so it is in no file under cdktf.out. Terraform keeps it out of state
     * (connection blocks are not stored), but a saved plan file holds it.
     */
    private TerraformVariable newDeployKeyVariable() {
        TerraformVariable key = TerraformVariable.Builder.create(this, "deploy-key")
                .type("string")
                .sensitive(true)
                .nullable(false)
                .description("Private half of the SSH deploy key whose public half is the sshKey of "
                        + getNode().getPath() + " (unencrypted; e.g. the content of ~/.ssh/tandem-deploy)")
                .build();
        String stackPath = TerraformStack.of(this).getNode().getPath();
        key.overrideLogicalId(getNode().getPath().substring(stackPath.length() + 1)
                .replaceAll("[^A-Za-z0-9_]", "_") + "_deploy_key");
        key.addValidation(TerraformVariableValidationConfig.builder()
                .condition(Fn.can(Fn.regex(DEPLOY_KEY_PATTERN, key.getStringValue())))
                .errorMessage("The deploy key must be an unencrypted SSH private key, e.g. the content of the file"
                        + " ssh-keygen -t ed25519 -N '' -f ~/.ssh/tandem-deploy wrote.")
                .build());
        return key;
    }

    /** @return the name of the SSH key the instances get, registering it first when it is a new one */
    private String sshKeyName() {
        SshKey key = props.sshKey();
        return key.publicKey().map(publicKey -> CloudSshKey.Builder.create(this, "ssh-key")
                .serviceName(props.network().cloudProject())
                .name(TerraformStrings.literal(key.name()))
                .publicKey(TerraformStrings.literal(publicKey))
                .build().getName()).orElse(TerraformStrings.literal(key.name()));
    }

    /** What every delivery uploads, with the fingerprints whose change replaces the deliveries. */
    private ConfigDelivery.Files deliveredFiles(Optional<DataCloudflareIpRanges> ranges) {
        String template = new TerraformLocal(this, "config", TerraformStrings.literal(configText)).getAsString();
        // A public tier's configuration names neither file; the delivery still uploads four non-empty files
        // (tandem-haproxy-apply refuses a missing or empty one), so they say what they are.
        String allowList = ranges.map(r -> new TerraformLocal(this, "cloudflare-ipv4",
                Fn.join("\n", Fn.sort(r.getIpv4Cidrs())) + "\n").getAsString())
                .orElse("# unused: this tier admits every source (OriginExposure.PUBLIC)\n");
        TierCertificate certificate = props.certificate();
        // Cloudflare's PEM may lack the final newline; HAProxy needs the key's BEGIN line on a line of its own.
        String pem = Fn.trimspace(certificate.certificatePem()) + "\n" + certificate.privateKeyPem();
        // A local holds the other stack's output once, for the upload and the fingerprint.
        Optional<String> clientCa = Optional.ofNullable(props.originPulls())
                .map(t -> new TerraformLocal(this, "origin-pull-ca", t.caBundlePem()).getAsString());
        Map<String, String> fingerprints = new LinkedHashMap<>();
        fingerprints.put("config", Fn.sha256(template));
        fingerprints.put("certificate", Fn.sha256(certificate.certificatePem()));
        ranges.ifPresent(r -> fingerprints.put("cloudflare_ipv4", Fn.sha256(allowList)));
        clientCa.ifPresent(ca -> fingerprints.put("origin_pull_ca", Fn.sha256(ca)));
        String config = statsPassword.map(password -> withStatsHash(password.getStringValue())).orElse(template);
        return new ConfigDelivery.Files(config, pem, allowList,
                clientCa.orElse("# unused: this tier asks for no client certificate (OriginExposure.PUBLIC)\n"),
                fingerprints, statsPassword.map(TerraformVariable::getStringValue));
    }

    /**
     * The configuration with the stats password's bcrypt hash on the userlist's line and nowhere else: the text
     * is cut at that line, so a placeholder-like string anywhere else (a path, a name) stays as written. bcrypt
     * draws a new salt on every run, which Terraform allows in provisioner content only (its {@code bcrypt}
     * documentation): here it is the uploaded file's content, never a resource argument, so state holds no hash.
     */
    private String withStatsHash(String password) {
        StatsFrontend stats = config.stats().orElseThrow();
        String line = "\n    " + StatsFrontend.userLine(stats.user(), stats.passwordVariable()) + "\n";
        int at = configText.indexOf(line);
        if (at < 0 || at != configText.lastIndexOf(line)) {
            throw new IllegalStateException("the stats user's line must be in the configuration once: " + line);
        }
        int placeholder = at + line.indexOf('$');
        return TerraformStrings.literal(configText.substring(0, placeholder))
                + Fn.bcrypt(password, STATS_BCRYPT_COST)
                + TerraformStrings.literal(configText.substring(placeholder + STATS_PASSWORD_VARIABLE.length() + 1));
    }

    /** @return the SHA-256 of {@code text}, hex, computed here: the bootstrap is known at synth */
    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** @return the props the tier was built from */
    public HaproxyTierProps props() {
        return props;
    }

    /**
     * @return the {@code Host} header of the health checks: {@code checkHost} when set, else the backends'
     *         host name, else {@code localhost}
     */
    public String checkHost() {
        return config.backends().get(0).check().host();
    }

    /** @return the configuration model */
    public HaproxyConfig config() {
        return config;
    }

    /** @return the haproxy.cfg text every instance runs */
    public String configText() {
        return configText;
    }

    /** @return the instances with their zone and addresses, in creation order */
    public List<HaproxyNode> nodes() {
        return List.copyOf(nodes);
    }

    /** @return the port the tier serves HTTPS on, for Cloudflare and its monitor: 443 (port 80 is closed) */
    public int httpsPort() {
        return HTTPS_PORT;
    }

    /** @return the sensitive variable holding the deploy key's private half ({@code TF_VAR_<id>_deploy_key}) */
    public TerraformVariable deployKeyVariable() {
        return deployKey;
    }

    /** @return each instance's {@code tls_private_key} SSH host key, pinned by its delivery (escape hatch) */
    public List<PrivateKey> hostKeys() {
        return List.copyOf(hostKeys);
    }

    /** @return the sensitive variable holding the stats password, when the stats page is on */
    public Optional<TerraformVariable> statsPasswordVariable() {
        return statsPassword;
    }

    /** @return the underlying {@code ovh_cloud_instance} resources, in creation order (escape hatch) */
    public List<CloudInstance> instances() {
        return List.copyOf(instances);
    }

    /** @return the instances' {@code ovh_cloud_floating_ip} resources, in the same order (escape hatch) */
    public List<CloudFloatingIp> floatingIps() {
        return List.copyOf(floatingIps);
    }

    /** @return the per-instance {@code terraform_data} deliveries, in rollout order (escape hatch) */
    public List<TerraformData> deliveries() {
        return List.copyOf(deliveries);
    }

    /** @return the instances' {@code ovh_cloud_security_group} (escape hatch) */
    public CloudSecurityGroup securityGroup() {
        return securityGroup;
    }

    /** @return the side file {@code haproxy/<id>.cfg} */
    public SideFile configFile() {
        return configFile;
    }

    /** Fluent creation in the style of the AWS CDK: {@code HaproxyTier.Builder.create(scope, id)…build()}. */
    public static final class Builder extends HaproxyTierProps.BuilderBase<Builder> {
        private final Construct scope;
        private final String id;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /**
         * @param scope parent construct, usually the region's stack
         * @param id    construct id; also names the side file {@code haproxy/<id>.cfg}
         * @return a builder for a tier under {@code scope}
         */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @return the tier, validated (throws ValidationException listing every problem) */
        public HaproxyTier build() {
            return new HaproxyTier(scope, id, props());
        }
    }
}
