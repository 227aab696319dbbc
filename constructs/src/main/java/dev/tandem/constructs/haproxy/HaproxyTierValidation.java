package dev.tandem.constructs.haproxy;

import com.hashicorp.cdktf.Token;
import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.network.Ipv4;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks {@link HaproxyTierProps} against what HAProxy, OVH and a redundant tier need. */
final class HaproxyTierValidation {
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9._-]+$");
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$");
    private static final Pattern HOST_HEADER = Pattern.compile("^[A-Za-z0-9.-]+(:[0-9]{1,5})?$");
    private static final Pattern PROJECT = Pattern.compile("^[0-9a-f]{32}$");
    private static final Pattern ZONE = Pattern.compile("^[a-z0-9-]+$");
    private static final Pattern PATH = Pattern.compile("^/\\S*$");

    private HaproxyTierValidation() {
    }

    static void validate(String path, HaproxyTierProps props, List<BackendServer> servers) {
        Problems p = new Problems(path);
        p.require(props.cloudProject() != null && PROJECT.matcher(props.cloudProject()).matches(), "cloudProject",
                props.cloudProject(), "must be an OVH Public Cloud project id (32 hex characters)",
                "copy it from the OVH control panel (Public Cloud → project → id)");
        p.require(props.network() != null, "network", null, "is required", "pass the region's RegionNetwork");
        props.zones().forEach(z -> p.require(z != null && ZONE.matcher(z).matches(), "zones", z,
                "must be an OVH availability zone name", "use e.g. eu-west-par-a, or no zones in a one-zone region"));
        checkInstances(p, props);
        p.require(props.health() != null, "health", null, "is required", "pass the deployment's HealthContract");
        p.require(props.checkHost() != null && HOST_HEADER.matcher(props.checkHost()).matches(), "checkHost",
                props.checkHost(), "must be a host name, optionally with :port", "use e.g. app.example.com");
        checkServers(p, servers);
        p.require(Balance.parse(props.balance()).isPresent(), "balance", props.balance(),
                "must be roundrobin or leastconn", "use Balance.ROUNDROBIN or Balance.LEASTCONN");
        props.checkInterval().ifPresent(i -> positive(p, "checkInterval", i));
        p.require(props.fall() >= 1, "fall", props.fall(), "must be at least 1",
                "use e.g. 3: a server is marked down after that many failed checks");
        p.require(props.rise() >= 1, "rise", props.rise(), "must be at least 1",
                "use e.g. 2: a server is marked up after that many passed checks");
        p.require(props.retries() >= 0, "retries", props.retries(), "must be 0 or more", "use e.g. 3");
        if (p.require(props.timeouts() != null, "timeouts", null, "is required", "use Timeouts.defaults()")) {
            positive(p, "timeouts.connect", props.timeouts().connect());
            positive(p, "timeouts.client", props.timeouts().client());
            positive(p, "timeouts.server", props.timeouts().server());
        }
        props.tlsCertificatePath().ifPresent(c -> p.require(c.startsWith("/") && PATH.matcher(c).matches(),
                "tlsCertificatePath", c, "must be an absolute path without spaces",
                "use e.g. /etc/haproxy/certs/origin.pem"));
        props.statsPage().ifPresent(s -> {
            p.require(s.port() >= 1 && s.port() <= 65535 && s.port() != HaproxyTier.HTTP_PORT
                    && s.port() != HaproxyTier.HTTPS_PORT, "statsPage.port", s.port(),
                    "must be 1–65535 and not 80 or 443", "use e.g. 8404");
            p.require(s.user() != null && NAME.matcher(s.user()).matches(), "statsPage.user", s.user(),
                    "must be letters, digits, '.', '_' or '-'", "use e.g. admin");
        });
        p.throwIfAny();
    }

    private static void checkInstances(Problems p, HaproxyTierProps props) {
        if (p.require(props.instances() >= 1, "instances", props.instances(), "must be at least 1",
                "use 2 or more")) {
            p.require(props.instances() >= 2 || props.allowSingleInstance(), "instances", props.instances(),
                    "must be at least 2: one instance is a single point of failure for the region",
                    "use 2 or more, or allowSingleInstance(true) where no redundancy is acceptable");
        }
        p.require(props.flavorId() != null && !props.flavorId().isBlank(), "flavorId", props.flavorId(),
                "is required", "use the id of a flavor in the region, e.g. from `openstack flavor list`");
        p.require(props.imageId() != null && !props.imageId().isBlank(), "imageId", props.imageId(),
                "is required", "use the id of a Debian 12 image in the region");
        if (p.require(props.sshKey() != null, "sshKey", null, "is required", "use SshKey.existing(name)")) {
            SshKey k = props.sshKey();
            p.require(k.name() != null && !k.name().isBlank(), "sshKey.name", k.name(), "is required",
                    "name the key");
            k.publicKey().ifPresent(pk -> p.require(pk.startsWith("ssh-") || pk.startsWith("ecdsa-"),
                    "sshKey.publicKey", pk, "must be an OpenSSH public key", "paste the content of id_ed25519.pub"));
        }
    }

    private static void checkServers(Problems p, List<BackendServer> servers) {
        if (!p.require(servers != null && !servers.isEmpty(), "servers", servers,
                "must list at least one server", "pass servers(List.of(BackendServer.of(\"app-1\", ip, port)))")) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (BackendServer s : servers) {
            String prop = "servers[" + s.name() + "]";
            if (p.require(s.name() != null && NAME.matcher(s.name()).matches(), prop + ".name", s.name(),
                    "must be letters, digits, '.', '_' or '-'", "use e.g. app-1")) {
                p.require(names.add(s.name()), prop + ".name", s.name(), "appears more than once",
                        "give every server its own name");
            }
            // A Terraform reference is filled at apply; only a literal can be checked here.
            p.require(s.address() != null && (Token.isUnresolved(s.address()) || isAddress(s.address())),
                    prop + ".address", s.address(), "must be an IPv4 address or a host name", "use e.g. 10.10.1.5");
            p.require(s.port() >= 1 && s.port() <= 65535, prop + ".port", s.port(), "must be between 1 and 65535",
                    "use the TCP port the app listens on");
            p.require(s.weight() >= 0 && s.weight() <= 256, prop + ".weight", s.weight(),
                    "must be 0–256", "use 1 for an even share");
        }
    }

    private static boolean isAddress(String text) {
        return text.matches("^[0-9.]+$") ? Ipv4.parse(text).isPresent() : HOST.matcher(text).matches();
    }

    private static void positive(Problems p, String property, Duration d) {
        p.require(d != null && d.toMillis() > 0 && d.equals(Duration.ofMillis(d.toMillis())), property, d,
                "must be a positive whole number of milliseconds", "use e.g. Duration.ofSeconds(5)");
    }
}
