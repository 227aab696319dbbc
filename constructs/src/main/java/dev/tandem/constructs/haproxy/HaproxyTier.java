package dev.tandem.constructs.haproxy;

import com.hashicorp.cdktf.DefaultTokenResolver;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.ResolveOptions;
import com.hashicorp.cdktf.StringConcat;
import com.hashicorp.cdktf.TerraformLocal;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableValidationConfig;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.Tokenization;
import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.SideFile;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.network.Ipv4;
import dev.tandem.constructs.network.Ipv4Cidr;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.providers.ovh.cloud_project_instance.CloudProjectInstance;
import dev.tandem.providers.ovh.cloud_project_instance.CloudProjectInstanceBootFrom;
import dev.tandem.providers.ovh.cloud_project_instance.CloudProjectInstanceFlavor;
import dev.tandem.providers.ovh.cloud_project_instance.CloudProjectInstanceNetwork;
import dev.tandem.providers.ovh.cloud_project_instance.CloudProjectInstanceNetworkPrivate;
import dev.tandem.providers.ovh.cloud_project_instance.CloudProjectInstanceNetworkPrivateNetwork;
import dev.tandem.providers.ovh.cloud_project_instance.CloudProjectInstanceSshKey;
import dev.tandem.providers.ovh.cloud_project_instance.CloudProjectInstanceSshKeyCreate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * A health-checked HAProxy tier in one OVH region: at least two Public Cloud instances with public
 * addresses for the edge, attached to the region's private network, each running HAProxy with the
 * configuration rendered from the props. The backend's servers are checked with the deployment's
 * {@link HealthContract}, and the tier answers the contract's path itself — 200 while a server is
 * usable, 503 when none is — so the edge's monitor drops the region when its app is down.
 *
 * <pre>{@code
 * HaproxyTier tier = HaproxyTier.Builder.create(stack, "haproxy")
 *     .network(network)                    // gives the cloud project, region and zones
 *     .flavorId(b3FlavorId)
 *     .imageId(debian12ImageId)
 *     .sshKey(SshKey.existing("ops"))
 *     .health(health)
 *     .checkHost("app.example.com")
 *     .servers(List.of(BackendServer.of("app-1", "10.10.1.5", 8080), BackendServer.of("app-2", "10.10.1.6", 8080)))
 *     .build();
 * }</pre>
 *
 * <p><b>Instances.</b> Each is an {@code ovh_cloud_project_instance}: in provider 2.19.0 it is the only
 * instance resource with {@code user_data}, which is how HAProxy and its configuration arrive. In a
 * region with availability zones the instances are placed round-robin over the network's
 * {@link RegionNetwork#zones() zones}, so losing a zone leaves the others serving. <b>One-zone regions
 * get no anti-affinity:</b> the provider's only placement group ({@code ovh_cloud_instance_group})
 * admits only the new {@code ovh_cloud_instance}, which has no {@code user_data}, and the legacy
 * instance's {@code group} block reads a key its schema does not have, so setting it would break the
 * apply. Both instances may then share a hypervisor; the other region is the remedy for that failure.
 * Revisit when the provider fixes either side.
 *
 * <p><b>Configuration.</b> {@link #configText()} is written byte for byte to
 * {@code /etc/haproxy/haproxy.cfg} by cloud-init and, as a side file, to
 * {@code cdktf.out/stacks/<stack>/haproxy/<id>.cfg}. Every argument of the legacy instance forces
 * replacement, so a configuration change replaces the instances — new ones first
 * ({@code create_before_destroy}), and their public addresses change.
 *
 * <p><b>Stats page.</b> When enabled it listens on the private address only and refuses sources
 * outside the private network. Its password is the sensitive Terraform variable
 * {@link #statsPasswordVariable()}, named {@code <id>_stats_password} and so set with
 * {@code TF_VAR_<id>_stats_password}; Terraform accepts 16–128 of {@code A-Z a-z 0-9 . _ ~ + = -},
 * which need no quoting anywhere. The configuration names an environment variable instead, so the
 * clear password is only in Terraform state and the instances' user data, never in cdktf.out.
 *
 * <p><b>Validation.</b> Every input is checked before any resource is created, and all problems are
 * thrown at once as a {@link dev.tandem.constructs.core.ValidationException} naming the tier's path, the
 * property as written in the builder, the value and a fix; a value Terraform fills at apply is named
 * as a reference, and a server by its name.
 *
 * <p>Attributes: {@link #nodes()}, {@link #configText()}, {@link #config()}, {@link #checkHost()}. Escape hatch:
 * {@link #instances()}, {@link #configFile()}.
 */
public class HaproxyTier extends Construct {
    static final int HTTP_PORT = 80;
    static final int HTTPS_PORT = 443;
    private static final String BACKEND = "app";
    private static final String DEFAULT_CHECK_HOST = "localhost";
    /** Characters that need no quoting in the environment file nor in haproxy.cfg. */
    private static final String PASSWORD_PATTERN = "^[A-Za-z0-9._~+=-]{16,128}$";

    private final HaproxyTierProps props;
    private final HaproxyConfig config;
    private final String configText;
    private final SideFile configFile;
    private final Optional<TerraformVariable> statsPassword;
    private final List<CloudProjectInstance> instances = new ArrayList<>();
    private final List<HaproxyNode> nodes = new ArrayList<>();

    /**
     * Creates the tier; invalid props throw {@link dev.tandem.constructs.core.ValidationException}
     * listing every problem.
     *
     * @param scope parent construct, usually the region's stack
     * @param id    construct id; also names the side file {@code haproxy/<id>.cfg}
     * @param props the tier's description
     */
    public HaproxyTier(@NotNull Construct scope, @NotNull String id, HaproxyTierProps props) {
        super(scope, id);
        Problems problems = new Problems(getNode().getPath());
        List<BackendServer> servers = HaproxyTierValidation.validate(problems, props);
        problems.throwIfAny();
        this.props = props;
        this.config = config(getNode().getPath(), props, servers);
        this.configText = HaproxyConfigRenderer.render(config);
        this.configFile = new SideFile(this, "config-file", "haproxy/" + id + ".cfg", readable(configText));
        this.statsPassword = props.statsPage().map(this::statsPasswordVariable);
        String userData = CloudInit.userData(configText, props.network().cidr(),
                statsPassword.map(TerraformVariable::getStringValue));
        String namePrefix = getNode().getPath().replace('/', '-');
        List<String> zones = props.network().zones();
        for (int i = 0; i < props.instances(); i++) {
            Optional<String> zone = zones.isEmpty() ? Optional.empty() : Optional.of(zones.get(i % zones.size()));
            String name = namePrefix + "-" + (i + 1);
            CloudProjectInstance instance = instance(i + 1, name, zone, userData);
            instances.add(instance);
            nodes.add(new HaproxyNode(name, zone,
                    address(instance, i + 1, "public-ipv4", "!="), address(instance, i + 1, "private-ipv4", "==")));
        }
    }

    /** The Host header of the checks: the one set, else the backends' host name, else {@code localhost}. */
    static Optional<String> checkHost(HaproxyTierProps props) {
        return props.checkHost().or(() -> Optional.ofNullable(props.backends().hostname()).flatMap(h -> h));
    }

    static HaproxyConfig config(String path, HaproxyTierProps props, List<BackendServer> servers) {
        HealthContract health = props.health();
        Duration inter = props.checkInterval().orElse(health.interval());
        List<Bind> binds = new ArrayList<>(List.of(Bind.all(HTTP_PORT)));
        props.tlsCertificatePath().ifPresent(crt -> binds.add(Bind.tls(HTTPS_PORT, crt)));
        Frontend http = new Frontend("http", binds, Optional.of(new Monitor(health.path(), BACKEND)), BACKEND);
        Optional<StatsFrontend> stats = props.statsPage().map(s -> new StatsFrontend(
                Bind.fromEnvironment(CloudInit.PRIVATE_IP_VARIABLE, s.port()), props.network().cidr().toString(),
                s.user(), CloudInit.STATS_PASSWORD_VARIABLE));
        Backend app = new Backend(BACKEND, props.balance(),
                new HttpCheck(health.path(), checkHost(props).orElse(DEFAULT_CHECK_HOST), health.expectedStatus()),
                servers);
        return new HaproxyConfig(
                List.of("Generated by Tandem for " + path + ": change the HaproxyTier props, not this file."),
                GlobalSection.debian(),
                new DefaultsSection(props.timeouts(), new CheckTiming(inter, props.fall(), props.rise(),
                        health.timeout()), props.retries()),
                List.of(http), stats, List.of(app));
    }

    /** Terraform references in server addresses are shown as their expressions, not as cdktf's placeholders. */
    private String readable(String text) {
        if (!Token.isUnresolved(text)) {
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

    private CloudProjectInstance instance(int number, String name, Optional<String> zone, String userData) {
        RegionNetwork network = props.network();
        CloudProjectInstance.Builder b = CloudProjectInstance.Builder.create(this, "instance-" + number)
                .serviceName(network.cloudProject())
                .region(network.region())
                .name(name)
                .billingPeriod("hourly")
                .flavor(CloudProjectInstanceFlavor.builder().flavorId(props.flavorId()).build())
                .bootFrom(CloudProjectInstanceBootFrom.builder().imageId(props.imageId()).build())
                .network(CloudProjectInstanceNetwork.builder()
                        .publicValue(true)
                        .privateValue(CloudProjectInstanceNetworkPrivate.builder()
                                .network(CloudProjectInstanceNetworkPrivateNetwork.builder()
                                        .id(network.openstackNetworkId())
                                        .subnetId(network.subnetId())
                                        .build())
                                .build())
                        .build())
                .userData(userData)
                // Every change replaces the instance: bring the new one up before the old one goes.
                .lifecycle(TerraformResourceLifecycle.builder().createBeforeDestroy(true).build());
        zone.ifPresent(b::availabilityZone);
        SshKey key = props.sshKey();
        key.publicKey().ifPresentOrElse(
                pk -> b.sshKeyCreate(CloudProjectInstanceSshKeyCreate.builder().name(key.name()).publicKey(pk).build()),
                () -> b.sshKey(CloudProjectInstanceSshKey.builder().name(key.name()).build()));
        return b.build();
    }

    /**
     * The instance's IPv4 address inside ({@code ==}) or outside ({@code !=}) the private network.
     * {@code addresses} does not say which is which, so the private CIDR tells them apart. A local,
     * unlike a raw expression, can be referenced from another stack (the edge's pools).
     */
    private String address(CloudProjectInstance instance, int number, String kind, String comparison) {
        Ipv4Cidr cidr = props.network().cidr();
        return new TerraformLocal(this, "instance-" + number + "-" + kind,
                "${one([for a in " + instance.getFqn() + ".addresses : a.ip if a.version == 4 && "
                        + "cidrhost(format(\"%s/%d\", a.ip, " + cidr.prefix() + "), 0) " + comparison + " \""
                        + Ipv4.format(cidr.network()) + "\"])}").getAsString();
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

    /** @return the port the edge sends HTTP to and checks the tier's health on */
    public int httpPort() {
        return HTTP_PORT;
    }

    /** @return the sensitive variable holding the stats password, when the stats page is on */
    public Optional<TerraformVariable> statsPasswordVariable() {
        return statsPassword;
    }

    /** @return the underlying {@code ovh_cloud_project_instance} resources (escape hatch) */
    public List<CloudProjectInstance> instances() {
        return List.copyOf(instances);
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
