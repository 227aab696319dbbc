package dev.tandem.constructs.network;

import dev.tandem.constructs.core.TerraformReferences;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks {@link RegionNetworkProps} on its own, then against every other {@link RegionNetwork}
 * already in the app, before anything is synthesized.
 */
final class RegionNetworkValidation {
    private static final Pattern PROJECT = Pattern.compile("^[0-9a-f]{32}$");
    /** OVH region codes: upper-case letters and digits in dash-separated parts, e.g. GRA11, DE1, EU-WEST-PAR. */
    private static final Pattern REGION = Pattern.compile("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$");
    static final int MAX_VLAN = 4000;
    /** The smallest subnet worth splitting into a DHCP range and a reserved top: 16 addresses. */
    private static final int LONGEST_PREFIX = 28;

    private RegionNetworkValidation() {
    }

    private static boolean isToken(String value) {
        return TerraformReferences.isReference(value);
    }

    /**
     * @param stack  the stack the network is in, if any
     * @param others the networks built before it in the app
     */
    static void validate(RegionNetwork self, RegionNetworkProps props, Optional<TerraformStack> stack,
            List<RegionNetwork> others) {
        Problems p = new Problems(self.getNode().getPath());
        p.require(stack.isPresent(), "scope", p.path(), "must be inside a TerraformStack: its resources belong "
                + "to a stack", "create the network under the region's stack");
        if (p.present(props, "props", "build the network with RegionNetwork.Builder.create(scope, id)…build()")) {
            checkProject(p, props.cloudProject());
            boolean regionOk = checkRegion(p, props.region());
            props.zones().ifPresent(zones -> checkZones(p, regionOk ? props.region() : null, zones));
            if (p.present(props.vlanId(), "vlanId", "pick a vRack VLAN, 0–" + MAX_VLAN + ", distinct per region")) {
                p.require(props.vlanId() >= 0 && props.vlanId() <= MAX_VLAN, "vlanId", props.vlanId(),
                        "must be 0–" + MAX_VLAN + " (0 is the vRack's untagged VLAN)",
                        "pick a vRack VLAN in 0–" + MAX_VLAN);
            }
            if (p.present(props.gateway(), "gateway", "omit it for a size-S gateway, or pass GatewaySpec.none() "
                    + "to opt out")) {
                props.gateway().validate(p.nested("gateway"));
            }
            Optional<Ipv4Cidr> cidr = checkCidr(p, props.cidr());
            if (p.isEmpty() && cidr.isPresent()) {
                checkOtherNetworks(p, others, stack.get(), props, cidr.get());
            }
        }
        p.throwIfAny();
    }

    static void checkProject(Problems p, String project) {
        if (p.present(project, "cloudProject", "copy the id from the OVH control panel (Public Cloud → project → id)")
                && !isToken(project)) {
            p.require(PROJECT.matcher(project).matches(), "cloudProject", project,
                    "must be an OVH Public Cloud project id (32 lower-case hexadecimal characters)",
                    "copy it from the OVH control panel (Public Cloud → project → id)");
        }
    }

    static boolean checkRegion(Problems p, String region) {
        if (!p.present(region, "region", "name the OVH region, e.g. EU-WEST-PAR or DE1")) {
            return false;
        }
        if (isToken(region)) {
            p.add("region", "an unresolved Terraform value", "must be known at synth time: the zones, the "
                    + "network's region list and its OpenStack id depend on it", "write the region code, e.g. DE1");
            return false;
        }
        return p.require(REGION.matcher(region).matches(), "region", region,
                "must be an OVH region code (upper case, e.g. EU-WEST-PAR, DE1, GRA11)",
                "use the code from the OVH control panel, e.g. EU-WEST-PAR");
    }

    /** @param region the network's region, or null when it is invalid (then only the list itself is checked) */
    private static void checkZones(Problems p, String region, List<String> zones) {
        List<String> valid = OvhZones.of(region);
        String fix = valid.isEmpty() ? "leave zones unset: " + region + " has one zone"
                : "list at least two of " + String.join(", ", valid) + ", or leave zones unset for all of them";
        if (!p.presentElements(zones, "zones", region == null ? "list zone names, or leave zones unset" : fix)
                || region == null) {
            return;
        }
        if (valid.isEmpty()) {
            p.require(zones.isEmpty(), "zones", zones, "must be empty: " + region + " is a one-zone region; the "
                    + "multi-zone regions are " + OvhZones.describe(), fix);
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < zones.size(); i++) {
            String zone = zones.get(i);
            p.require(valid.contains(zone), "zones[" + i + "]", zone, "must be a zone of " + region + " ("
                    + String.join(", ", valid) + ")", fix);
            p.require(seen.add(zone), "zones[" + i + "]", zone, "appears more than once", "list each zone once");
        }
        p.require(seen.size() >= 2, "zones", zones, "must name at least two zones of " + region
                + ", so losing one zone leaves the region running", fix);
    }

    static Optional<Ipv4Cidr> checkCidr(Problems p, String text) {
        if (!p.present(text, "cidr", "give the region a private range, e.g. 10.10.0.0/16")) {
            return Optional.empty();
        }
        if (isToken(text)) {
            p.add("cidr", "an unresolved Terraform value", "must be known at synth time: the DHCP range and the "
                    + "reserved addresses are computed from it", "write the range, e.g. 10.10.0.0/16");
            return Optional.empty();
        }
        Optional<Ipv4Cidr> cidr = Ipv4Cidr.parse(text);
        if (!p.require(cidr.isPresent(), "cidr", text, "must be an IPv4 network address in CIDR form (no host "
                + "bits set)", "use e.g. 10.10.0.0/16")) {
            return Optional.empty();
        }
        return Optional.of(cidr.get()).filter(c -> p.require(c.isPrivate() && c.prefix() <= LONGEST_PREFIX, "cidr",
                text, "must lie entirely in RFC 1918 private space (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) "
                        + "with a prefix of /" + LONGEST_PREFIX + " or shorter", "use e.g. 10.10.0.0/16"));
    }

    /** VLAN, range and OVH region must differ from every network built before this one in the app. */
    private static void checkOtherNetworks(Problems p, List<RegionNetwork> others, TerraformStack stack,
            RegionNetworkProps props, Ipv4Cidr cidr) {
        for (RegionNetwork other : others) {
            // paths are read only for a problem: each read is a call into jsii
            if (other.vlanId() == props.vlanId()) {
                p.add("vlanId", props.vlanId(), "is already the VLAN of " + other.getNode().getPath()
                        + ": OVH takes one private network per VLAN id", "pick a VLAN no other region uses");
            }
            if (other.cidr().overlaps(cidr)) {
                p.add("cidr", props.cidr(), "overlaps " + other.cidr() + " of " + other.getNode().getPath()
                        + ": regions' ranges must not overlap to be routable", "pick a range no other region uses");
            }
            if (other.region().equals(props.region()) && other.stack() != stack) {
                p.add("region", props.region(), "is already the OVH region of " + other.getNode().getPath()
                        + " in another stack: two regions of a deployment in one OVH region fail together",
                        "put each region stack in its own OVH region");
            }
        }
    }
}
