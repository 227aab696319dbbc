package dev.tandem.constructs.readiness;

import dev.tandem.constructs.core.TerraformReferences;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.constructs.network.Ipv4Cidr;
import java.util.List;
import java.util.Optional;

/**
 * {@link Rule#OPERATOR_NETWORK}: the network each tier admits SSH from is one a workstation can be in.
 * Every delivery is an SSH connection from the machine that runs Terraform to a floating IP; when the
 * security group admits only a documentation range (an example's placeholder), loopback or link-local
 * space, no packet ever matches, and the first apply waits for SSH (5 minutes, the delivery's bound) on the
 * first instance before it fails. Accepting the finding is for examples and rehearsals that never deploy.
 */
final class OperatorNetwork {
    private OperatorNetwork() {
    }

    static List<CheckResult> check(FailoverChain chain) {
        return chain.tiers().stream().map(OperatorNetwork::check).flatMap(Optional::stream).toList();
    }

    private static Optional<CheckResult> check(HaproxyTier tier) {
        String cidr = tier.props().operatorCidr();
        if (TerraformReferences.isReference(cidr)) {
            return Optional.empty();
        }
        return Ipv4Cidr.parse(cidr).map(parsed -> {
            Optional<String> unroutable = parsed.unroutableRange();
            return SinglePoints.result(Rule.OPERATOR_NETWORK, tier.getNode().getPath(), "operatorCidr",
                    unroutable.isEmpty(), unroutable.map(range -> cidr + " (in " + range + ")").orElse(cidr),
                    "a network the machine running Terraform reaches the floating IPs from",
                    "set operatorCidr to your operators' public network (the address your workstation or CI "
                            + "leaves from, e.g. from `curl -4 ifconfig.co`, as a /32 or its range)");
        });
    }
}
