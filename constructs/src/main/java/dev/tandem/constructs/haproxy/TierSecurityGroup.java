package dev.tandem.constructs.haproxy;

import com.hashicorp.cdktf.Token;
import dev.tandem.providers.cloudflare.data_cloudflare_ip_ranges.DataCloudflareIpRanges;
import dev.tandem.providers.ovh.cloud_security_group.CloudSecurityGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The instances' {@code ovh_cloud_security_group}: inbound 443 from each of Cloudflare's IPv4 ranges, as
 * {@code cloudflare_ip_ranges} lists them at every plan, and SSH (and the stats page) from the operator
 * network; nothing else. The default allow-all egress rule stays (it is not managed by the resource), so
 * the instances reach the package mirror and Cloudflare's CA through the gateway.
 *
 * <p><b>Rule order.</b> The rules are written in one order that depends only on the settings: Cloudflare's
 * ranges sorted, then the operator rules. The provider rebuilds {@code rule} from the API's
 * {@code targetSpec.rules}, the specification as it was sent, not from the observed OpenStack rules
 * ({@code MergeWith} in {@code ovh/types_cloud_security_group.go}), and its acceptance test
 * {@code TestAccCloudSecurityGroup_comprehensive} applies four rules in no sorted order: the testing
 * framework plans again after every apply and fails on any diff, so that order came back as sent. The
 * same test's comment says the API does not guarantee the order of the observed rules
 * ({@code current_state.rules}), which Terraform only reads. Unverified against the live API here.
 *
 * <p>{@code rule} is a nested attribute, not a block, so the rule per range is a {@code for} expression
 * rather than a {@code dynamic} block. Field names and {@code "TCP"} follow the provider's own examples
 * (ovh/terraform-provider-ovh, {@code docs/resources/cloud_security_group.md} and the acceptance test
 * {@code TestAccCloudSecurityGroup_basic}).
 */
final class TierSecurityGroup {
    private TierSecurityGroup() {
    }

    static CloudSecurityGroup create(HaproxyTier tier, String name, Optional<DataCloudflareIpRanges> ranges) {
        HaproxyTierProps props = tier.props();
        List<String> operatorRules = new ArrayList<>(List.of(
                rule("SSH from the operators (delivery)", HaproxyTier.SSH_PORT, "\"" + props.operatorCidr() + "\"")));
        props.statsPage().ifPresent(page -> operatorRules.add(
                rule("HAProxy stats page from the operators", page.port(), "\"" + props.operatorCidr() + "\"")));
        // Sorted, so the rule list does not change when Cloudflare lists the same ranges in another order.
        // Without Cloudflare (a DNS failover edge) clients and the edge's health checkers come from anywhere.
        String https = ranges.map(r -> "[for cidr in sort(" + r.getFqn() + ".ipv4_cidrs) : "
                + rule("HTTPS from Cloudflare", HaproxyTier.HTTPS_PORT, "cidr") + "]")
                .orElse("[" + rule("HTTPS from every client", HaproxyTier.HTTPS_PORT, "\"0.0.0.0/0\"") + "]");
        return CloudSecurityGroup.Builder.create(tier, "security-group")
                .serviceName(props.network().cloudProject())
                .region(props.network().region())
                .name(name)
                .description("Tandem HAProxy tier " + tier.getNode().getPath() + ": HTTPS from "
                        + (ranges.isPresent() ? "Cloudflare" : "everyone") + ", "
                        + (props.statsPage().isPresent() ? "SSH and stats" : "SSH") + " from the operators")
                .rule(Token.asAny("${concat(" + https + ", [" + String.join(", ", operatorRules) + "])}"))
                .build();
    }

    /** One ingress rule as an HCL object; {@code source} is an expression (a quoted CIDR or a variable). */
    private static String rule(String description, int port, String source) {
        return "{description = \"" + description + "\", direction = \"INGRESS\", ethernet_type = \"IPV4\", "
                + "protocol = \"TCP\", port_range_min = " + port + ", port_range_max = " + port
                + ", remote_ip_prefix = " + source + "}";
    }
}
