package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.core.TerraformReferences;
import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.core.DnsNames;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.StackProviders;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.network.Ipv4;
import dev.tandem.constructs.network.Ipv4Cidr;
import dev.tandem.providers.cloudflare.provider.CloudflareProvider;
import dev.tandem.providers.tls.provider.TlsProvider;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.constructs.Construct;

/** Checks {@link HaproxyTierProps} against what HAProxy, OVH and a redundant tier need. */
final class HaproxyTierValidation {
    /** How a value that Terraform fills at apply is shown: its placeholder would mean nothing to the user. */
    static final String REFERENCE = "a Terraform reference";
    /** HAProxy's server names allow letters, digits, '-', '_', '.' and ':'; ':' is left out to keep them plain. */
    private static final Pattern SERVER_NAME = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    /**
     * OVH names flavors and images by UUID: ovh/terraform-provider-ovh,
     * docs/resources/cloud_project_instance.md ({@code flavor_id = "UUID"}, {@code image_id = "UUID"}).
     */
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    /** A login name as Debian's adduser accepts it by default (NAME_REGEX in adduser.conf(5)). */
    private static final Pattern USER = Pattern.compile("^[a-z][-a-z0-9_]{0,31}$");
    /** Wider operator networks admit a sizeable share of the internet to SSH. */
    static final int WIDEST_OPERATOR_PREFIX = 8;
    private static final Pattern PORT = Pattern.compile("^[0-9]{1,5}$");

    private HaproxyTierValidation() {
    }

    /**
     * Records every problem of {@code props}; throws nothing.
     *
     * @param tier  the tier being built (its stack must hold the providers it reads)
     * @param props its description
     * @param p     where to record problems
     */
    static void validate(Construct tier, HaproxyTierProps props, Problems p) {
        if (props == null || props.exposure() == OriginExposure.CLOUDFLARE_ONLY) {
            StackProviders.require(tier, CloudflareProvider.class, p, "add CloudflareProvider.Builder.create(stack,"
                    + " \"cloudflare\").build() (dev.tandem.providers.cloudflare, provider 5.x) to the stack: the tier"
                    + " reads Cloudflare's address ranges");
        }
        // The instances' SSH host keys are tls_private_key resources.
        StackProviders.require(tier, TlsProvider.class, p,
                "add TlsProvider.Builder.create(stack, \"tls\").build() (dev.tandem.providers.tls) to the stack");
        if (!p.present(props, "props", "pass HaproxyTierProps.builder()…build(), or use HaproxyTier.Builder")) {
            return;
        }
        if (p.present(props.network(), "network", "pass the region's RegionNetwork")) {
            p.require(props.network().hasGateway(), "network", props.network().getNode().getPath()
                            + " (GatewaySpec.none())",
                    "must have its gateway: the instances are private and their floating IPs are associated"
                            + " through the subnet's gateway", "build " + props.network().gatewayOwner().getNode().getPath()
                            + " with its default gateway");
        }
        checkInstances(p, props);
        checkInstanceIds(p, props);
        if (p.present(props.sshKey(), "sshKey", "use SshKey.existing(name) or SshKey.create(name, publicKey)")) {
            props.sshKey().validate(p.nested("sshKey"));
        }
        p.present(props.health(), "health", "pass the deployment's HealthContract, the one the cluster and edge get");
        if (p.present(props.backends(), "servers",
                "pass servers(List.of(BackendServer.of(\"app-1\", \"10.10.1.5\", 8080))) or backends(cluster)")) {
            checkServers(p, props.backends().backendServers());
            checkSameNetwork(p, props);
            checkHost(p, props);
        }
        p.present(props.balance(), "balance", "use Balance.ROUNDROBIN (the default) or Balance.LEASTCONN");
        checkTiming(p, props);
        if (p.present(props.timeouts(), "timeouts", "use Timeouts.defaults() or Timeouts.builder()…build()")) {
            props.timeouts().validate(p.nested("timeouts"));
        }
        p.present(props.certificate(), "certificate", props.exposure() == OriginExposure.PUBLIC
                ? "pass a publicly trusted certificate for the edge's host name, e.g. SuppliedCertificate"
                : "pass the region's OriginCertificate for the edge's host name");
        checkExposure(p, props);
        checkHostname(p, props);
        checkOperatorCidr(p, props.operatorCidr());
        String userFix = "use the image's default user, e.g. debian (Debian 12) or ubuntu (Ubuntu)";
        if (p.present(props.sshUser(), "sshUser", userFix) && !TerraformReferences.isReference(props.sshUser())) {
            p.require(USER.matcher(props.sshUser()).matches(), "sshUser", props.sshUser(),
                    "must be a login name: a lower-case letter, then up to 31 of a-z 0-9 - _", userFix);
        }
        props.statsPage().ifPresent(s -> s.validate(p.nested("statsPage")));
    }

    /** Cloudflare's lockdown needs its client CA; a public tier must serve what browsers trust, and asks no client CA. */
    private static void checkExposure(Problems p, HaproxyTierProps props) {
        if (props.exposure() == OriginExposure.CLOUDFLARE_ONLY) {
            p.present(props.originPulls(), "originPulls",
                    "pass the deployment's OriginPullTrust, whose CA signs the client certificate Cloudflare presents");
            return;
        }
        p.require(props.originPulls() == null, "originPulls", props.originPulls() == null ? null
                : props.originPulls().getNode().getPath(), "must be unset with exposure PUBLIC: clients reaching the "
                        + "tier directly present no client certificate", "remove originPulls(…), or use "
                        + "OriginExposure.CLOUDFLARE_ONLY behind Cloudflare");
        if (props.certificate() != null) {
            p.require(props.certificate().publiclyTrusted(), "certificate", props.certificate().getClass().getSimpleName(),
                    "must be publicly trusted with exposure PUBLIC: browsers refuse Cloudflare's Origin CA",
                    "pass a SuppliedCertificate (a public CA's certificate for the host name)");
        }
    }

    /** The servers are private addresses of the backends' network: only a tier on that network reaches them. */
    private static void checkSameNetwork(Problems p, HaproxyTierProps props) {
        props.backends().network().filter(n -> props.network() != null && n != props.network()).ifPresent(n ->
                p.require(false, "backends", n.getNode().getPath(),
                        "must be on the tier's network " + props.network().getNode().getPath()
                                + ": the servers are private addresses that only that network reaches",
                        "pass the K8sAppCluster built on the same RegionNetwork as the tier"));
    }

    /**
     * The served host name must be known at synth (it is in haproxy.cfg); whether the certificate covers the edge's
     * name is the readiness pass's {@code origin-tls} check.
     */
    private static void checkHostname(Problems p, HaproxyTierProps props) {
        if (props.certificate() == null) {
            return;
        }
        Optional<String> hostname = HaproxyTier.hostname(props);
        String fix = "set hostname(\"app.example.com\"): the edge's balanced host name";
        if (p.require(hostname.isPresent(), "hostname", "none (the certificate's first name is a wildcard)",
                "is required: HAProxy refuses every other SNI and Host", fix)
                && literal(p, "hostname", hostname.get(), fix)) {
            p.require(DnsNames.isHostname(hostname.get()), "hostname", hostname.get(), "must be a lower-case host name",
                    fix);
        }
    }

    private static void checkOperatorCidr(Problems p, String cidr) {
        String fix = "give the network Terraform and the operators connect from, e.g. 203.0.113.0/24";
        if (!p.present(cidr, "operatorCidr", fix) || !literal(p, "operatorCidr", cidr, fix)) {
            return;
        }
        Optional<Ipv4Cidr> parsed = Ipv4Cidr.parse(cidr);
        if (p.require(parsed.isPresent(), "operatorCidr", cidr, "must be an IPv4 network in CIDR form", fix)) {
            p.require(parsed.get().prefix() >= WIDEST_OPERATOR_PREFIX, "operatorCidr", cidr,
                    "must be /" + WIDEST_OPERATOR_PREFIX + " or narrower: SSH and the stats page accept only this"
                            + " network, and a wider one admits a large part of the internet", fix);
        }
    }

    /** A tier is a handful of VMs; a count beyond this is a typo that would otherwise exhaust the synth's memory. */
    static final int MAX_INSTANCES = 20;

    private static void checkInstances(Problems p, HaproxyTierProps props) {
        if (p.require(props.instances() >= 1, "instances", props.instances(), "must be at least 1",
                "use 2 or more") && p.require(props.instances() <= MAX_INSTANCES, "instances", props.instances(),
                "must be at most " + MAX_INSTANCES + ": each instance is a VM, a floating IP, an origin of the"
                        + " region's pool and an SSH delivery on every apply", "use 2 to " + MAX_INSTANCES
                        + " instances, and larger flavors for more capacity")) {
            p.require(props.instances() >= 2 || props.allowSingleInstance(), "instances", props.instances(),
                    "must be at least 2: one instance is a single point of failure for the region",
                    "use 2 or more, or allowSingleInstance(true) where no redundancy is acceptable");
        }
    }

    private static void checkInstanceIds(Problems p, HaproxyTierProps props) {
        boolean flavor = ovhId(p, "flavorId", props.flavorId(), "flavor (the instances' size, e.g. b3-8)",
                "copy the id of the flavor from `openstack flavor list` or GET /cloud/project/{serviceName}/flavor"
                        + " in the network's region");
        boolean image = ovhId(p, "imageId", props.imageId(), "image (the instances' system, e.g. Debian 12)",
                "copy the id of the image from `openstack image list` or GET /cloud/project/{serviceName}/image"
                        + " in the network's region");
        if (flavor && image && !TerraformReferences.isReference(props.flavorId())) {
            p.require(!props.flavorId().equalsIgnoreCase(props.imageId()), "imageId", props.imageId(),
                    "must differ from flavorId: one id cannot name both a flavor and an image",
                    "set flavorId to the flavor's id and imageId to the image's id");
        }
    }

    /** @return true when the id is a literal UUID (false for a reference, which Terraform checks at apply) */
    private static boolean ovhId(Problems p, String property, String id, String what, String fix) {
        if (!p.present(id, property, fix) || TerraformReferences.isReference(id)) {
            return false;
        }
        return p.require(UUID.matcher(id).matches(), property, id,
                "must be the id (a UUID) of an OVH " + what + ", not its name", fix);
    }

    private static void checkServers(Problems p, List<BackendServer> servers) {
        String fix = "pass servers(List.of(BackendServer.of(\"app-1\", \"10.10.1.5\", 8080)))";
        if (!p.present(servers, "servers", fix)
                || !p.require(!servers.isEmpty(), "servers", "[]", "must list at least one server", fix)) {
            return;
        }
        Set<String> names = new HashSet<>();
        boolean anyWeight = false;
        for (int i = 0; i < servers.size(); i++) {
            BackendServer s = servers.get(i);
            if (!p.require(s != null, "servers[" + i + "]", null, "must not be null", "remove it or give a server")) {
                continue;
            }
            anyWeight |= s.weight() > 0;
            boolean named = s.name() != null && !TerraformReferences.isReference(s.name())
                    && SERVER_NAME.matcher(s.name()).matches();
            // A server whose name cannot label it is reported by its position instead.
            Problems server = p.nested("servers[" + (named ? s.name() : String.valueOf(i)) + "]");
            if (p.present(s.name(), "servers[" + i + "].name", "name the server, e.g. app-1")
                    && literal(server, "name", s.name(), "use a literal name such as app-1")) {
                if (server.require(named, "name", s.name(), "must be 1–64 letters, digits, '.', '_' or '-'",
                        "use e.g. app-1")) {
                    server.require(names.add(s.name()), "name", s.name(), "appears more than once",
                            "give every server its own name");
                }
            }
            // A Terraform reference is filled at apply; only a literal can be checked here.
            if (server.present(s.address(), "address", "use the server's IPv4 address, e.g. 10.10.1.5")
                    && !TerraformReferences.isReference(s.address())) {
                server.require(isAddress(s.address()), "address",
                        s.address(), "must be an IPv4 address or a lower-case host name",
                        "use e.g. 10.10.1.5 or app.internal");
            }
            server.require(s.port() >= 1 && s.port() <= 65535, "port", s.port(), "must be between 1 and 65535",
                    "use the TCP port the app listens on");
            server.require(s.weight() >= 0 && s.weight() <= 256, "weight", s.weight(), "must be 0–256",
                    "use 1 (the default) for an even share, 0 to drain the server");
        }
        boolean allPresent = servers.stream().allMatch(s -> s != null);
        // Checked with Debian's haproxy 2.6.12 on loopback: with every weight 0, monitor-uri and requests get 503.
        p.require(anyWeight || !allPresent, "servers", "every weight 0",
                "must give at least one server a weight above 0: HAProxy counts a server of weight 0 as unusable,"
                        + " so the tier would serve nothing and answer its health path with 503",
                "keep weight 1 (the default) on the servers that should serve");
    }

    /**
     * An IPv4 address in strict form or a host name. Digits and dots only must be strict IPv4: HAProxy
     * resolves the name through libc, which reads {@code 10.1} as 10.0.0.1 (inet_aton).
     */
    private static boolean isAddress(String text) {
        return Ipv4.parse(text).isPresent() || DnsNames.isHostname(text) && !text.chars().allMatch(
                c -> c == '.' || c >= '0' && c <= '9');
    }

    private static void checkHost(Problems p, HaproxyTierProps props) {
        Optional<String> host = HaproxyTier.checkHost(props);
        String source = props.checkHost().isPresent() ? "" : " (taken from the backends' host name)";
        String fix = "set checkHost to the host name clients use, e.g. app.example.com";
        if (host.isEmpty() || !literal(p, "checkHost", host.get(), fix)) {
            return;
        }
        String text = host.get();
        int colon = text.lastIndexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String port = colon < 0 ? "" : text.substring(colon + 1);
        boolean portOk = colon < 0 || PORT.matcher(port).matches() && Integer.parseInt(port) >= 1
                && Integer.parseInt(port) <= 65535;
        p.require((DnsNames.isHostname(name) || Ipv4.parse(name).isPresent()) && portOk, "checkHost", text,
                "must be a lower-case host name or IPv4 address, optionally with :port (1–65535)" + source, fix);
    }

    private static void checkTiming(Problems p, HaproxyTierProps props) {
        HealthContract health = props.health();
        boolean timeoutOk = health != null && HaproxyDurations.check(p, "health.timeout", health.timeout(),
                "use a health contract timeout in whole milliseconds (it is HAProxy's timeout check)");
        Optional<Duration> interval = props.checkInterval();
        boolean intervalOk = interval.isPresent()
                ? HaproxyDurations.check(p, "checkInterval", interval.get(), "use e.g. Duration.ofSeconds(5)")
                : health != null && HaproxyDurations.check(p, "health.interval", health.interval(),
                        "use a health contract interval in whole milliseconds, or set checkInterval");
        if (interval.isPresent() && intervalOk && timeoutOk) {
            p.require(interval.get().compareTo(health.timeout()) > 0, "checkInterval", interval.get(),
                    "must be longer than the health contract's timeout (" + health.timeout()
                            + "), HAProxy's timeout check: a check must end before the next one is due",
                    "raise checkInterval above " + health.timeout() + " or lower the contract's timeout");
        }
        p.require(props.fall() >= 1, "fall", props.fall(), "must be at least 1",
                "use e.g. 3: a server is marked down after that many failed checks");
        p.require(props.rise() >= 1, "rise", props.rise(), "must be at least 1",
                "use e.g. 2: a server is marked up after that many passed checks");
        p.require(props.retries() >= 0, "retries", props.retries(), "must be 0 or more", "use e.g. 3");
    }

    /**
     * Records a problem when {@code value} (present) is a Terraform reference where haproxy.cfg needs the
     * text at synth; the reference is shown as such, never as cdktf's placeholder.
     *
     * @return true when the value is a literal
     */
    static boolean literal(Problems p, String property, String value, String fix) {
        return p.require(!TerraformReferences.isReference(value), property, REFERENCE,
                "must be known at synth: it is written into haproxy.cfg", fix);
    }
}
