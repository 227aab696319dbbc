package dev.tandem.constructs.haproxy;

import java.util.Optional;

/**
 * One instance of the tier as the layers around it need it: the edge sends traffic to
 * {@code publicIpv4}, operators reach the stats page on {@code privateIpv4}.
 *
 * @param name        instance name, e.g. {@code primary-haproxy-1}
 * @param zone        availability zone, empty in a one-zone region
 * @param publicIpv4  public IPv4 address (a Terraform reference, known after apply)
 * @param privateIpv4 address on the region's private network (a Terraform reference)
 */
public record HaproxyNode(String name, Optional<String> zone, String publicIpv4, String privateIpv4) {
}
