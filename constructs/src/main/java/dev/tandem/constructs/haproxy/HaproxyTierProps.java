package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.core.BackendTarget;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.network.RegionNetwork;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything that describes a {@link HaproxyTier}. Immutable; build it with {@link #builder()} or
 * through {@link HaproxyTier.Builder}. Values are checked when the tier is constructed.
 *
 * @param cloudProject        OVH Public Cloud project id ({@code service_name})
 * @param network             the region's private network; the tier's region is the network's
 * @param zones               the region's availability zones; empty for a one-zone region
 * @param instances           number of HAProxy instances; @default 2
 * @param allowSingleInstance accept fewer than 2 instances (no redundancy); @default false
 * @param flavorId            OVH flavor id of the instances (region-specific UUID)
 * @param imageId             OVH image id, a Debian 12 or Ubuntu 22.04+ image (region-specific UUID)
 * @param sshKey              the SSH key installed on the instances
 * @param health              the deployment's health contract: path and expected status of the checks
 * @param checkHost           {@code Host} header of the checks; @default {@code localhost}
 * @param backends            the servers to balance over
 * @param balance             HAProxy balance keyword; @default {@code roundrobin}
 * @param checkInterval       time between checks; @default the health contract's interval
 * @param fall                failed checks that mark a server down; @default 3
 * @param rise                passed checks that mark it up again; @default 2
 * @param retries             connection retries (the last one on another server); @default 3
 * @param timeouts            connect/client/server timeouts; @default {@link Timeouts#defaults()}
 * @param tlsCertificatePath  PEM file on the instances for a TLS bind on 443; @default none (HTTP only)
 * @param statsPage           the statistics page; @default off
 */
public record HaproxyTierProps(
        String cloudProject,
        RegionNetwork network,
        List<String> zones,
        int instances,
        boolean allowSingleInstance,
        String flavorId,
        String imageId,
        SshKey sshKey,
        HealthContract health,
        String checkHost,
        BackendTarget backends,
        String balance,
        Optional<Duration> checkInterval,
        int fall,
        int rise,
        int retries,
        Timeouts timeouts,
        Optional<String> tlsCertificatePath,
        Optional<StatsPage> statsPage) {

    /** Copies the zones. */
    public HaproxyTierProps {
        zones = List.copyOf(zones);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link HaproxyTierProps}; every setter documents its default. */
    public static final class Builder {
        private String cloudProject;
        private RegionNetwork network;
        private List<String> zones = List.of();
        private int instances = 2;
        private boolean allowSingleInstance;
        private String flavorId;
        private String imageId;
        private SshKey sshKey;
        private HealthContract health;
        private String checkHost = "localhost";
        private BackendTarget backends = List::of;
        private String balance = Balance.ROUNDROBIN.keyword();
        private Duration checkInterval;
        private int fall = 3;
        private int rise = 2;
        private int retries = 3;
        private Timeouts timeouts = Timeouts.defaults();
        private String tlsCertificatePath;
        private StatsPage statsPage;

        Builder() {
        }

        /** @param value OVH Public Cloud project id */
        public Builder cloudProject(String value) {
            this.cloudProject = value;
            return this;
        }

        /** @param value the region's private network */
        public Builder network(RegionNetwork value) {
            this.network = value;
            return this;
        }

        /** @param value availability zones to spread over, in order; @default none (one-zone region) */
        public Builder zones(List<String> value) {
            this.zones = value;
            return this;
        }

        /** @param value number of instances; @default 2 */
        public Builder instances(int value) {
            this.instances = value;
            return this;
        }

        /** @param value true to accept a single instance (no redundancy); @default false */
        public Builder allowSingleInstance(boolean value) {
            this.allowSingleInstance = value;
            return this;
        }

        /** @param value flavor id */
        public Builder flavorId(String value) {
            this.flavorId = value;
            return this;
        }

        /** @param value image id */
        public Builder imageId(String value) {
            this.imageId = value;
            return this;
        }

        /** @param value SSH key */
        public Builder sshKey(SshKey value) {
            this.sshKey = value;
            return this;
        }

        /** @param value the deployment's health contract */
        public Builder health(HealthContract value) {
            this.health = value;
            return this;
        }

        /** @param value Host header of health checks; @default localhost */
        public Builder checkHost(String value) {
            this.checkHost = value;
            return this;
        }

        /** @param value a fixed list of servers */
        public Builder servers(List<BackendServer> value) {
            List<BackendServer> copy = List.copyOf(value);
            this.backends = () -> copy;
            return this;
        }

        /** @param value whatever publishes the servers, e.g. the app's Kubernetes cluster */
        public Builder backends(BackendTarget value) {
            this.backends = value;
            return this;
        }

        /** @param value balance algorithm; @default ROUNDROBIN */
        public Builder balance(Balance value) {
            this.balance = value.keyword();
            return this;
        }

        /** @param value HAProxy balance keyword ({@code roundrobin} or {@code leastconn}); @default roundrobin */
        public Builder balance(String value) {
            this.balance = value;
            return this;
        }

        /** @param value time between checks; @default the health contract's interval */
        public Builder checkInterval(Duration value) {
            this.checkInterval = value;
            return this;
        }

        /** @param value failed checks before a server is marked down; @default 3 */
        public Builder fall(int value) {
            this.fall = value;
            return this;
        }

        /** @param value passed checks before a server is marked up; @default 2 */
        public Builder rise(int value) {
            this.rise = value;
            return this;
        }

        /** @param value connection retries; @default 3 */
        public Builder retries(int value) {
            this.retries = value;
            return this;
        }

        /** @param value timeouts; @default {@link Timeouts#defaults()} */
        public Builder timeouts(Timeouts value) {
            this.timeouts = value;
            return this;
        }

        /** @param value absolute path of the PEM file for TLS on 443; @default none */
        public Builder tlsCertificatePath(String value) {
            this.tlsCertificatePath = value;
            return this;
        }

        /** @param value the statistics page; @default off */
        public Builder statsPage(StatsPage value) {
            this.statsPage = value;
            return this;
        }

        /** @return the props */
        public HaproxyTierProps build() {
            return new HaproxyTierProps(cloudProject, network, zones, instances, allowSingleInstance, flavorId,
                    imageId, sshKey, health, checkHost, backends, balance, Optional.ofNullable(checkInterval), fall,
                    rise, retries, timeouts, Optional.ofNullable(tlsCertificatePath), Optional.ofNullable(statsPage));
        }
    }
}
