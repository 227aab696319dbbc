package dev.tandem.constructs.network;

import dev.tandem.constructs.core.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks {@link SharedPrivateNetworkProps}: the pools and gateways against the range and each other, the
 * Kubernetes ranges against the range, and the VLAN and range against every {@link RegionNetwork} of the app.
 */
final class SharedPrivateNetworkValidation {
    private SharedPrivateNetworkValidation() {
    }

    /** A pool's parsed bounds, for the pairwise checks. */
    private record Bounds(String region, long start, long end, int index) {
        boolean overlaps(Bounds other) {
            return start <= other.end && other.start <= end;
        }

        boolean contains(long ip) {
            return ip >= start && ip <= end;
        }
    }

    static void validate(Problems p, SharedPrivateNetworkProps props, List<RegionNetwork> regionNetworks) {
        if (!p.present(props, "props", "build it with SharedPrivateNetwork.Builder.create(stack, id)…build()")) {
            return;
        }
        RegionNetworkValidation.checkProject(p, props.cloudProject());
        if (p.present(props.vlanId(), "vlanId", "pick a vRack VLAN no region's own network uses")) {
            p.require(props.vlanId() >= 0 && props.vlanId() <= RegionNetworkValidation.MAX_VLAN, "vlanId",
                    props.vlanId(), "must be 0–" + RegionNetworkValidation.MAX_VLAN, "pick a vRack VLAN in that range");
        }
        Optional<Ipv4Cidr> cidr = RegionNetworkValidation.checkCidr(p, props.cidr());
        if (p.present(props.gateway(), "gateway", "omit it for size-S gateways, or pass GatewaySpec.none()")) {
            props.gateway().validate(p.nested("gateway"));
        }
        cidr.ifPresent(c -> kubernetesRange(p, "podsCidr", props.podsCidr(), c));
        cidr.ifPresent(c -> kubernetesRange(p, "servicesCidr", props.servicesCidr(), c));
        if (props.podsCidr().isPresent() && props.servicesCidr().isPresent()) {
            Optional<Ipv4Cidr> pods = Ipv4Cidr.parse(props.podsCidr().get());
            Optional<Ipv4Cidr> services = Ipv4Cidr.parse(props.servicesCidr().get());
            if (pods.isPresent() && services.isPresent()) {
                p.require(!pods.get().overlaps(services.get()), "servicesCidr", props.servicesCidr().get(),
                        "overlaps podsCidr " + pods.get(), "give pods and services disjoint ranges");
            }
        }
        if (p.presentElements(props.pools(), "pools", "give each region a pool: RegionPool.of(region, start, end, gateway)")) {
            cidr.ifPresent(c -> pools(p, props.pools(), c));
        }
        if (p.isEmpty()) {
            for (RegionNetwork other : regionNetworks) {
                p.require(other.vlanId() != props.vlanId(), "vlanId", props.vlanId(), "is already the VLAN of "
                        + other.getNode().getPath() + ": OVH takes one private network per VLAN id",
                        "pick a VLAN no region's own network uses");
                p.require(!other.cidr().overlaps(cidr.orElseThrow()), "cidr", props.cidr(), "overlaps "
                        + other.cidr() + " of " + other.getNode().getPath() + ": a node on both could not tell them apart",
                        "pick a range no region's own network uses");
            }
        }
    }

    private static void kubernetesRange(Problems p, String property, Optional<String> value, Ipv4Cidr network) {
        value.ifPresent(text -> {
            Optional<Ipv4Cidr> range = Ipv4Cidr.parse(text);
            if (p.require(range.isPresent(), property, text, "must be an IPv4 network in CIDR form",
                    "use e.g. 10.7.0.0/16")) {
                p.require(!range.get().overlaps(network), property, text, "overlaps the shared network " + network
                        + ": pods or services there would shadow the other region's addresses",
                        "pick a range outside " + network + " (changing it recreates the cluster)");
            }
        });
    }

    private static void pools(Problems p, List<RegionPool> pools, Ipv4Cidr cidr) {
        p.require(pools.size() >= 2, "pools", pools.size() + " region(s)", "must span at least two regions: a "
                + "network in one region is a RegionNetwork", "add the other region's pool");
        Set<String> regions = new HashSet<>();
        List<Bounds> bounds = new ArrayList<>();
        List<Long> gateways = new ArrayList<>();
        for (int i = 0; i < pools.size(); i++) {
            RegionPool pool = pools.get(i);
            String at = "pools[" + i + "]";
            if (!RegionNetworkValidation.checkRegion(p.nested(at), pool.region())) {
                continue;
            }
            p.require(regions.add(pool.region()), at + ".region", pool.region(), "appears more than once",
                    "give each region one pool");
            Optional<Long> start = address(p, at + ".start", pool.start(), cidr);
            Optional<Long> end = address(p, at + ".end", pool.end(), cidr);
            Optional<Long> gateway = address(p, at + ".gateway", pool.gateway(), cidr);
            if (start.isPresent() && end.isPresent() && p.require(start.get() <= end.get(), at + ".end", pool.end(),
                    "is below the pool's start " + pool.start(), "swap start and end")) {
                bounds.add(new Bounds(pool.region(), start.get(), end.get(), i));
            }
            gateway.ifPresent(gateways::add);
        }
        for (int i = 0; i < bounds.size(); i++) {
            for (int j = i + 1; j < bounds.size(); j++) {
                Bounds a = bounds.get(i);
                Bounds b = bounds.get(j);
                p.require(!a.overlaps(b), "pools[" + b.index() + "]", pools.get(b.index()).start() + "–"
                        + pools.get(b.index()).end(), "overlaps the pool of " + a.region() + ": one broadcast domain "
                        + "with two DHCP servers handing out one address", "give each region a disjoint part of " + cidr);
            }
        }
        for (int g = 0; g < gateways.size(); g++) {
            long ip = gateways.get(g);
            for (Bounds b : bounds) {
                p.require(!b.contains(ip), "pools[" + g + "].gateway", Ipv4.format(ip), "lies in the DHCP pool of "
                        + b.region() + ": DHCP could hand the gateway's address to a port", "put the gateway outside every pool");
            }
            p.require(gateways.indexOf(ip) == g, "pools[" + g + "].gateway", Ipv4.format(ip),
                    "is another region's gateway too", "give each region's gateway its own address");
        }
    }

    private static Optional<Long> address(Problems p, String property, String text, Ipv4Cidr cidr) {
        if (!p.present(text, property, "write an address inside " + cidr)) {
            return Optional.empty();
        }
        Optional<Long> ip = Ipv4.parse(text);
        if (!p.require(ip.isPresent(), property, text, "must be an IPv4 address", "write e.g. "
                + Ipv4.format(cidr.network() + 2))) {
            return Optional.empty();
        }
        boolean usable = cidr.contains(ip.get()) && ip.get() != cidr.network() && ip.get() != cidr.broadcast();
        return p.require(usable, property, text, "must be a host address inside " + cidr + " (not its network or "
                + "broadcast address)", "pick an address inside " + cidr) ? ip : Optional.empty();
    }
}
