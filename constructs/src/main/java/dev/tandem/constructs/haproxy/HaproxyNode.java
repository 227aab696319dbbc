package dev.tandem.constructs.haproxy;

import java.util.Optional;

/**
 * One instance of the tier as the layers around it need it: the edge sends traffic to
 * {@code publicIpv4}, its floating IP, which outlives the instance; inside the region's network the
 * instance answers on {@code privateIpv4}.
 *
 * @param name        instance name, e.g. {@code primary-haproxy-1}
 * @param zone        availability zone, empty in a one-zone region
 * @param publicIpv4  the instance's floating IP (a Terraform reference to the {@code ovh_cloud_floating_ip})
 * @param privateIpv4 its fixed address on the region's private network (a Terraform reference)
 */
public record HaproxyNode(String name, Optional<String> zone, String publicIpv4, String privateIpv4) {
}
