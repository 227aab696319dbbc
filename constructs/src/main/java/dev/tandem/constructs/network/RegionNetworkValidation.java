package dev.tandem.constructs.network;

import dev.tandem.constructs.core.TerraformReferences;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.constructs.Construct;

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
     * Records every problem of {@code props}, alone and against the networks built before it in the
     * app; throws nothing.
     *
     * @param scope the network being built (it must be inside a stack)
     * @param props its description
     * @param p     where to record problems
     */
    static void validate(Construct scope, RegionNetworkProps props, Problems p) {
        Optional<TerraformStack> stack = RegionNetwork.stackOf(scope);
        List<RegionNetwork> others = RegionNetworks.of(scope).built();
        p.require(stack.isPresent(), "scope", p.path(), "must be inside a TerraformStack: its resources belong "
                + "to a stack", "create the network under the region's stack");
        if (p.present(props, "props", "build the network with RegionNetwork.Builder.create(scope, id)…build()")) {
            checkProject(p, props.cloudProject());
            boolean regionOk = checkRegion(p, props.region());
            props.zones().ifPresent(zones -> checkZones(p, regionOk ? props.region() : null, zones));
            if (props.shared().isPresent()) {
                checkJoined(p, props, props.shared().get(), regionOk);
                if (p.isEmpty()) {
                    checkOtherNetworks(p, others, stack.get(), props, props.shared().get().cidr());
                }
                return;
            }
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
    }

    /**
     * A region joining a shared network takes its VLAN, range, subnet and gateway from it: setting them here
     * would describe a second network. The shared network must span the region, in the same project, and leave
     * the region fixed addresses.
     */
    private static void checkJoined(Problems p, RegionNetworkProps props, SharedPrivateNetwork shared, boolean regionOk) {
        String sharedPath = shared.getNode().getPath();
        p.require(props.vlanId() == null, "vlanId", props.vlanId(), "is set, but the network joins " + sharedPath
                + ", whose VLAN " + shared.vlanId() + " every region of it uses", "leave vlanId unset");
        p.require(props.cidr() == null, "cidr", props.cidr(), "is set, but the network joins " + sharedPath
                + ", whose range " + shared.cidr() + " every region of it shares", "leave cidr unset");
        p.require(GatewaySpec.defaults().equals(props.gateway()), "gateway", props.gateway(), "is set, but the "
                + "network joins " + sharedPath + ", whose gateway in the region serves it",
                "leave gateway unset; set it on the SharedPrivateNetwork");
        p.require(props.cloudProject() == null || props.cloudProject().equals(shared.props().cloudProject()),
                "cloudProject", props.cloudProject(), "differs from " + sharedPath + "'s project "
                        + shared.props().cloudProject() + ": a vRack network belongs to one project",
                "use the shared network's project");
        if (!regionOk) {
            return;
        }
        if (p.require(shared.spans(props.region()), "region", props.region(), "is not one of the regions "
                + sharedPath + " spans " + shared.regions(), "add a pool for " + props.region()
                + " to the shared network, or join the region's own network")) {
            p.require(shared.fixedAddresses(props.region()).isPresent(), "shared", sharedPath, "leaves "
                    + props.region() + " no free address just below its DHCP pool for fixed use (load balancers, "
                    + "the database's read-write service)", "start the region's pool a few addresses above a free "
                    + "run of the range, e.g. 16 above its gateway");
        }
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
        Optional<SharedPrivateNetwork> joined = props.shared();
        for (RegionNetwork other : others) {
            // Regions of one shared network share its VLAN and range by design; only their regions must differ.
            boolean sameShared = joined.isPresent() && other.sharedNetwork().equals(joined);
            if (sameShared) {
                if (other.region().equals(props.region())) {
                    p.add("region", props.region(), "already joined " + joined.get().getNode().getPath() + " as "
                            + other.getNode().getPath() + ": one region, one part of the shared network",
                            "join each region once");
                }
                continue;
            }
            int vlan = joined.map(SharedPrivateNetwork::vlanId).orElseGet(props::vlanId);
            String range = joined.map(s -> s.cidr().toString()).orElseGet(props::cidr);
            // paths are read only for a problem: each read is a call into jsii
            if (other.vlanId() == vlan) {
                p.add("vlanId", vlan, "is already the VLAN of " + other.getNode().getPath()
                        + ": OVH takes one private network per VLAN id", "pick a VLAN no other region uses");
            }
            if (other.cidr().overlaps(cidr)) {
                p.add("cidr", range, "overlaps " + other.cidr() + " of " + other.getNode().getPath()
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
