package dev.tandem.constructs.haproxy;

import com.hashicorp.cdktf.Token;
import dev.tandem.providers.cloudflare.data_cloudflare_ip_ranges.DataCloudflareIpRanges;
import dev.tandem.providers.ovh.cloud_security_group.CloudSecurityGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * The instances' {@code ovh_cloud_security_group}: inbound 443 from each of Cloudflare's IPv4 ranges, as
 * {@code cloudflare_ip_ranges} lists them at every plan, and SSH (and the stats page) from the operator
 * network; nothing else. The default allow-all egress rule stays (it is not managed by the resource), so
 * the instances reach the package mirror and Cloudflare's CA through the gateway.
 *
 * <p>{@code rule} is a nested attribute, not a block, so the rule per range is a {@code for} expression
 * rather than a {@code dynamic} block. Field names and {@code "TCP"} follow the provider's own examples
 * (ovh/terraform-provider-ovh, {@code docs/resources/cloud_security_group.md} and the acceptance test
 * {@code TestAccCloudSecurityGroup_basic}).
 */
final class TierSecurityGroup {
    private TierSecurityGroup() {
    }

    static CloudSecurityGroup create(HaproxyTier tier, String name, DataCloudflareIpRanges ranges) {
        HaproxyTierProps props = tier.props();
        List<String> operatorRules = new ArrayList<>(List.of(
                rule("SSH from the operators (delivery)", HaproxyTier.SSH_PORT, "\"" + props.operatorCidr() + "\"")));
        props.statsPage().ifPresent(page -> operatorRules.add(
                rule("HAProxy stats page from the operators", page.port(), "\"" + props.operatorCidr() + "\"")));
        String cloudflare = "[for cidr in " + ranges.getFqn() + ".ipv4_cidrs : "
                + rule("HTTPS from Cloudflare", HaproxyTier.HTTPS_PORT, "cidr") + "]";
        return CloudSecurityGroup.Builder.create(tier, "security-group")
                .serviceName(props.network().cloudProject())
                .region(props.network().region())
                .name(name)
                .description("Tandem HAProxy tier " + tier.getNode().getPath()
                        + ": HTTPS from Cloudflare, SSH and stats from the operators")
                .rule(Token.asAny("${concat(" + cloudflare + ", [" + String.join(", ", operatorRules) + "])}"))
                .build();
    }

    /** One ingress rule as an HCL object; {@code source} is an expression (a quoted CIDR or a variable). */
    private static String rule(String description, int port, String source) {
        return "{description = \"" + description + "\", direction = \"INGRESS\", ethernet_type = \"IPV4\", "
                + "protocol = \"TCP\", port_range_min = " + port + ", port_range_max = " + port
                + ", remote_ip_prefix = " + source + "}";
    }
}
