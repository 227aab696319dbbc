package dev.tandem.constructs.haproxy;

import java.util.Optional;

/**
 * One instance of the tier as the layers around it need it: the edge sends traffic to
 * {@code publicIpv4}, its floating IP, which outlives the instance. (Its private address is in the
 * instance's {@code current_state.networks}: {@link HaproxyTier#instances()}.)
 *
 * @param name       instance name, e.g. {@code primary-haproxy-1}
 * @param zone       availability zone, empty in a one-zone region
 * @param publicIpv4 the instance's floating IP (a Terraform reference to the {@code ovh_cloud_floating_ip})
 */
public record HaproxyNode(String name, Optional<String> zone, String publicIpv4) {
}
