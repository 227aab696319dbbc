package dev.tandem.constructs.network;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The availability zones of OVH's multi-zone (3-AZ) Public Cloud regions. Every other region code
 * is taken as a one-zone region (GRA11, DE1, WAW1, …), whose resources take no zone.
 *
 * <p>Source: the 3-AZ examples of ovh/terraform-provider-ovh ({@code examples/resources/
 * cloud_project_kube/example_9.tf} and {@code example_10.tf}, tag v2.19.0: {@code eu-west-par-a/b/c})
 * and OVH's region list (EU-SOUTH-MIL: {@code eu-south-mil-a/b/c}); the Milan names come only from that
 * list and third-party sources (unverified against the API).
 * A 3-AZ region opened later is refused zones until it is added here.
 */
final class OvhZones {
    private static final Map<String, List<String>> MULTI_ZONE = new TreeMap<>(Map.of(
            "EU-WEST-PAR", List.of("eu-west-par-a", "eu-west-par-b", "eu-west-par-c"),
            "EU-SOUTH-MIL", List.of("eu-south-mil-a", "eu-south-mil-b", "eu-south-mil-c")));

    private OvhZones() {
    }

    /** @return the zones of {@code region}, empty for a one-zone region (or none given) */
    static List<String> of(String region) {
        return region == null ? List.of() : MULTI_ZONE.getOrDefault(region, List.of());
    }

    /** @return the multi-zone regions and their zones, for messages: {@code EU-SOUTH-MIL (eu-south-mil-a, …); …} */
    static String describe() {
        return MULTI_ZONE.entrySet().stream()
                .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining("; "));
    }
}
