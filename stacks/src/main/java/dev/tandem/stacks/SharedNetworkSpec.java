package dev.tandem.stacks;

import dev.tandem.constructs.core.DnsNames;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Values;
import dev.tandem.constructs.network.Ipv4;
import dev.tandem.constructs.network.Ipv4Cidr;
import dev.tandem.constructs.network.RegionPool;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * One vRack private network spanning every region of the deployment, instead of a network per region: what
 * PostgreSQL {@code STREAMING} and {@code SYNCHRONOUS} replication need (each region's standby reaches the other
 * region's read-write service at a fixed private address). Set on the deployment
 * ({@code DeploymentSpec.builder()…sharedNetwork(SharedNetworkSpec.builder().vlanId(30).cidr("10.30.0.0/16").build())});
 * {@link DeploymentStacks#build} then adds an owner stack holding the
 * {@link dev.tandem.constructs.network.SharedPrivateNetwork} (applied before the regions, destroyed after them),
 * and each region's {@link dev.tandem.constructs.network.RegionNetwork} joins it. The regions then take no
 * {@code vlanId} or {@code privateCidr} of their own.
 *
 * <p>Unless {@code pools} are given, the range is cut into equal blocks, one per region in failover order (two
 * regions: two halves). In block <i>i</i> starting at address <i>b</i>: the gateway is <i>b</i>+1, the region's
 * fixed addresses are <i>b</i>+2 … <i>b</i>+17 (the app's load balancer takes the highest, <i>b</i>+17; give the
 * database's {@code streamingAddresses} another, e.g. <i>b</i>+16), and DHCP hands out <i>b</i>+18 up to the
 * block's second-to-last address. For {@code 10.30.0.0/16} and two regions: the first region's gateway is
 * {@code 10.30.0.1}, its fixed addresses {@code 10.30.0.2–10.30.0.17}; the second's {@code 10.30.128.1} and
 * {@code 10.30.128.2–10.30.128.17}.
 *
 * <p>What only the network itself takes (declared pod and service ranges, the gateways' size) is set through the
 * deployment's hook, {@code DeploymentSpec.Builder.customizeSharedNetwork}.
 *
 * @param stackName the owner stack's name
 * @param vlanId    the vRack VLAN every region's part of the network uses
 * @param cidr      the one private range the regions share
 * @param pools     each region's DHCP pool and gateway, when not derived from {@code cidr}
 */
public record SharedNetworkSpec(String stackName, Integer vlanId, String cidr, Optional<List<RegionPool>> pools) {
    /** Addresses each derived block keeps for fixed use, below its pool. */
    static final int FIXED_PER_REGION = 16;
    /** The smallest derived block: gateway, fixed addresses and a DHCP pool of useful size. */
    private static final int SMALLEST_BLOCK = 64;

    /** Copies the pool list, keeping nulls for validation to report. */
    public SharedNetworkSpec {
        pools = pools == null ? Optional.empty() : pools.map(Values::list);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param ovhRegions the deployment's OVH regions, in failover order
     * @return the pools as given, else derived from {@code cidr} (see the class comment); empty when the range
     *         cannot hold them
     */
    public Optional<List<RegionPool>> poolsFor(List<String> ovhRegions) {
        if (pools.isPresent()) {
            return pools;
        }
        Optional<Ipv4Cidr> range = Ipv4Cidr.parse(cidr);
        if (range.isEmpty() || ovhRegions.isEmpty()) {
            return Optional.empty();
        }
        int blocks = 1;
        while (blocks < ovhRegions.size()) {
            blocks <<= 1; // equal blocks: the range splits in powers of two
        }
        long size = (range.get().broadcast() - range.get().network() + 1) / blocks;
        if (size < SMALLEST_BLOCK) {
            return Optional.empty();
        }
        List<RegionPool> derived = new ArrayList<>();
        for (int i = 0; i < ovhRegions.size(); i++) {
            long base = range.get().network() + i * size;
            derived.add(RegionPool.of(ovhRegions.get(i), Ipv4.format(base + 2 + FIXED_PER_REGION),
                    Ipv4.format(base + size - 2), Ipv4.format(base + 1)));
        }
        return Optional.of(List.copyOf(derived));
    }

    /** Checks what the deployment can check before any construct exists; the network checks the rest. */
    void validate(Problems p, List<String> ovhRegions) {
        p.require(DnsNames.isLabel(stackName), "stackName", stackName,
                "must be a DNS label (it names the stack, its folder and its state)", "use e.g. network");
        p.present(vlanId, "vlanId", "pick the vRack VLAN the regions share, 0–4000");
        if (!p.present(cidr, "cidr", "give the shared range, e.g. 10.30.0.0/16")) {
            return;
        }
        if (!p.require(Ipv4Cidr.parse(cidr).isPresent(), "cidr", cidr,
                "must be an IPv4 network in CIDR form (no host bits set)", "use e.g. 10.30.0.0/16")) {
            return;
        }
        if (pools.isEmpty()) {
            p.require(poolsFor(ovhRegions).isPresent(), "cidr", cidr, "is too small to cut into "
                    + ovhRegions.size() + " blocks of at least " + SMALLEST_BLOCK + " addresses, one per region",
                    "use a larger range, e.g. a /16, or give the pools");
        } else {
            List<String> pooled = pools.get().stream().map(pool -> pool == null ? null : pool.region()).toList();
            p.require(new HashSet<>(pooled).equals(new HashSet<>(ovhRegions))
                    && pooled.size() == ovhRegions.size(), "pools", pooled, "must give one pool to each of the "
                    + "deployment's OVH regions " + ovhRegions, "give one RegionPool per region, or leave pools unset");
        }
    }

    /** Builds a {@link SharedNetworkSpec}; checked by {@link DeploymentSpec.Builder#build()} and the network itself. */
    public static final class Builder {
        private String stackName = "network";
        private Integer vlanId;
        private String cidr;
        private List<RegionPool> pools;

        private Builder() {
        }

        /**
         * @param value the owner stack's name, a DNS label; @default {@code network}
         * @return this builder
         */
        public Builder stackName(String value) {
            this.stackName = value;
            return this;
        }

        /**
         * @param value the vRack VLAN the regions share, 0–4000. Required
         * @return this builder
         */
        public Builder vlanId(int value) {
            this.vlanId = value;
            return this;
        }

        /**
         * @param value the shared private range, in RFC 1918 space, e.g. {@code 10.30.0.0/16}. Required
         * @return this builder
         */
        public Builder cidr(String value) {
            this.cidr = value;
            return this;
        }

        /**
         * @param value one pool per region (its DHCP range and gateway), disjoint; each region's fixed addresses are
         *              the free run just below its pool. @default derived from {@code cidr} (class comment)
         * @return this builder
         */
        public Builder pools(List<RegionPool> value) {
            this.pools = value;
            return this;
        }

        /** @return the description; the deployment checks it when it is built */
        public SharedNetworkSpec build() {
            return new SharedNetworkSpec(stackName, vlanId, cidr, Optional.ofNullable(pools));
        }
    }
}
