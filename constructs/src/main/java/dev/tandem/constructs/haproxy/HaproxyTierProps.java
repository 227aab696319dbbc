package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.core.BackendTarget;
import dev.tandem.constructs.core.Values;
import dev.tandem.constructs.edge.OriginPullTrust;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.network.RegionNetwork;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything that describes a {@link HaproxyTier}. Build it with {@link #builder()} or directly
 * through {@link HaproxyTier.Builder}; both share the setters documented on {@link BuilderBase}.
 * Nothing is checked here: the tier validates every value when it is constructed.
 *
 * @param network             the region's private network; it gives the tier its cloud project, region and zones
 * @param instances           number of HAProxy instances
 * @param allowSingleInstance accept a single instance (no redundancy)
 * @param flavorId            OVH flavor id of the instances (a UUID)
 * @param imageId             OVH image id of the instances (a UUID)
 * @param sshKey              the SSH key installed on the instances
 * @param health              the deployment's health contract
 * @param checkHost           {@code Host} header of the checks, when set; see {@link HaproxyTier#checkHost()}
 * @param backends            what publishes the servers to balance over
 * @param balance             how requests are spread
 * @param checkInterval       time between checks, when it is not the health contract's interval
 * @param fall                failed checks that mark a server down
 * @param rise                passed checks that mark it up again
 * @param retries             connection retries (the last one on another server)
 * @param timeouts            connect/client/server timeouts
 * @param certificate         the certificate served on 443
 * @param originPulls         the client CA whose certificates the edge presents: the only ones accepted (null
 *                            with {@link OriginExposure#PUBLIC})
 * @param hostname            the only host name served (SNI and Host), when not the certificate's first name
 * @param operatorCidr        the only network SSH and the stats page accept
 * @param sshUser             the image's login user, whom the delivery connects as
 * @param statsPage           the statistics page, when enabled
 * @param exposure            who may reach 443: the Cloudflare zone only, or every client (a DNS failover edge)
 */
public record HaproxyTierProps(
        RegionNetwork network,
        int instances,
        boolean allowSingleInstance,
        String flavorId,
        String imageId,
        SshKey sshKey,
        HealthContract health,
        Optional<String> checkHost,
        BackendTarget backends,
        Balance balance,
        Optional<Duration> checkInterval,
        int fall,
        int rise,
        int retries,
        Timeouts timeouts,
        TierCertificate certificate,
        OriginPullTrust originPulls,
        Optional<String> hostname,
        String operatorCidr,
        String sshUser,
        Optional<StatsPage> statsPage,
        OriginExposure exposure) {

    /** Reads a null {@code Optional} as absent, so a hand-made record cannot fail later. */
    public HaproxyTierProps {
        checkHost = absentIfNull(checkHost);
        hostname = absentIfNull(hostname);
        checkInterval = absentIfNull(checkInterval);
        statsPage = absentIfNull(statsPage);
        exposure = exposure == null ? OriginExposure.CLOUDFLARE_ONLY : exposure;
    }

    private static <T> Optional<T> absentIfNull(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these props, to change some of them */
    public Builder toBuilder() {
        return new Builder().network(network).instances(instances).allowSingleInstance(allowSingleInstance)
                .flavorId(flavorId).imageId(imageId).sshKey(sshKey).health(health)
                .checkHost(checkHost.orElse(null)).backends(backends).balance(balance)
                .checkInterval(checkInterval.orElse(null)).fall(fall).rise(rise).retries(retries).timeouts(timeouts)
                .certificate(certificate).originPulls(originPulls).hostname(hostname.orElse(null))
                .operatorCidr(operatorCidr).sshUser(sshUser).statsPage(statsPage.orElse(null)).exposure(exposure);
    }

    /** Builds {@link HaproxyTierProps}. */
    public static final class Builder extends BuilderBase<Builder> {
        Builder() {
        }

        /** @return the props; checked when the tier is built */
        public HaproxyTierProps build() {
            return props();
        }
    }

    /** A fixed list of servers given to {@link BuilderBase#servers(List)}. */
    private record ServerList(List<BackendServer> servers) implements BackendTarget {
        @Override
        public List<BackendServer> backendServers() {
            return servers;
        }
    }

    /**
     * The settings of a {@link HaproxyTier}, shared by {@link Builder} and {@link HaproxyTier.Builder}.
     *
     * @param <B> the concrete builder
     */
    public abstract static class BuilderBase<B extends BuilderBase<B>> {
        private RegionNetwork network;
        private int instances = 2;
        private boolean allowSingleInstance;
        private String flavorId;
        private String imageId;
        private SshKey sshKey;
        private HealthContract health;
        private Optional<String> checkHost = Optional.empty();
        private BackendTarget backends;
        private Balance balance = Balance.ROUNDROBIN;
        private Optional<Duration> checkInterval = Optional.empty();
        private int fall = 3;
        private int rise = 2;
        private int retries = 3;
        private Timeouts timeouts = Timeouts.defaults();
        private TierCertificate certificate;
        private OriginPullTrust originPulls;
        private Optional<String> hostname = Optional.empty();
        private String operatorCidr;
        private String sshUser = "debian";
        private Optional<StatsPage> statsPage = Optional.empty();
        private OriginExposure exposure = OriginExposure.CLOUDFLARE_ONLY;

        BuilderBase() {
        }

        /**
         * The region's private network. The instances attach to it, and the tier takes from it the OVH
         * cloud project, the region, and the availability zones the instances are spread over
         * (round-robin; none in a one-zone region). Required.
         *
         * @param value the region's {@link RegionNetwork}
         * @return this builder
         */
        public B network(RegionNetwork value) {
            this.network = value;
            return self();
        }

        /**
         * Number of HAProxy instances. Fewer than 2 is a single point of failure for the region and is
         * refused unless {@link #allowSingleInstance(boolean)} says it is intended. @default 2
         *
         * @param value 1 or more
         * @return this builder
         */
        public B instances(int value) {
            this.instances = value;
            return self();
        }

        /**
         * Accept {@code instances(1)}: no redundancy inside the region, e.g. for a test deployment. @default false
         *
         * @param value true to accept a single instance
         * @return this builder
         */
        public B allowSingleInstance(boolean value) {
            this.allowSingleInstance = value;
            return self();
        }

        /**
         * The instances' size: the id (a UUID, per region) of an OVH flavor such as b3-8, from
         * {@code openstack flavor list} or {@code GET /cloud/project/{serviceName}/flavor}. Not the flavor's
         * name. May be a Terraform reference. Required.
         *
         * @param value the flavor's UUID
         * @return this builder
         */
        public B flavorId(String value) {
            this.flavorId = value;
            return self();
        }

        /**
         * The instances' operating system: the id (a UUID, per region) of a Debian 12 or Ubuntu 22.04+
         * image, from {@code openstack image list} or {@code GET /cloud/project/{serviceName}/image}. Not
         * the image's name. May be a Terraform reference. Required.
         *
         * @param value the image's UUID
         * @return this builder
         */
        public B imageId(String value) {
            this.imageId = value;
            return self();
        }

        /**
         * The SSH key installed on the instances: {@link SshKey#existing(String)} or
         * {@link SshKey#create(String, String)}. Required.
         *
         * @param value the key
         * @return this builder
         */
        public B sshKey(SshKey value) {
            this.sshKey = value;
            return self();
        }

        /**
         * The deployment's health contract: the servers are checked on its path for its status, and
         * the tier answers its path itself (503 when no server is usable). Required: pass the same
         * value as to the cluster and the edge.
         *
         * @param value the contract
         * @return this builder
         */
        public B health(HealthContract value) {
            this.health = value;
            return self();
        }

        /**
         * The {@code Host} header of the health checks, so they ask the app what real requests ask
         * (an app that routes or filters by host answers {@code localhost} differently). @default the host
         * name of the {@link #backends(BackendTarget) backends} (a {@code K8sAppCluster}'s Ingress host), else
         * {@code localhost}
         *
         * @param value a host name, optionally with {@code :port}, e.g. the edge's {@code app.example.com}
         * @return this builder
         */
        public B checkHost(String value) {
            this.checkHost = Optional.ofNullable(value);
            return self();
        }

        /**
         * A fixed list of servers to balance over; replaces {@link #backends(BackendTarget)}. Required
         * unless backends are given.
         *
         * @param value at least one server, e.g. {@code BackendServer.of("app-1", "10.10.1.5", 8080)}
         * @return this builder
         */
        public B servers(List<BackendServer> value) {
            this.backends = new ServerList(Values.list(value));
            return self();
        }

        /**
         * Whatever publishes the servers, e.g. the region's {@code K8sAppCluster}; replaces
         * {@link #servers(List)}. Required unless servers are given.
         *
         * @param value the target
         * @return this builder
         */
        public B backends(BackendTarget value) {
            this.backends = value;
            return self();
        }

        /**
         * How requests are spread over the servers. @default {@link Balance#ROUNDROBIN}
         *
         * @param value the algorithm
         * @return this builder
         */
        public B balance(Balance value) {
            this.balance = value;
            return self();
        }

        /**
         * Time between two checks of one server; longer than the health contract's timeout, which is
         * HAProxy's {@code timeout check}. @default the health contract's interval
         *
         * @param value whole milliseconds
         * @return this builder
         */
        public B checkInterval(Duration value) {
            this.checkInterval = Optional.ofNullable(value);
            return self();
        }

        /**
         * Consecutive failed checks that mark a server down: a failure is noticed after about
         * {@code checkInterval × fall}. @default 3
         *
         * @param value 1 or more
         * @return this builder
         */
        public B fall(int value) {
            this.fall = value;
            return self();
        }

        /**
         * Consecutive passed checks that mark a server up again. @default 2
         *
         * @param value 1 or more
         * @return this builder
         */
        public B rise(int value) {
            this.rise = value;
            return self();
        }

        /**
         * Connection attempts after a failed one; the last goes to another server
         * ({@code option redispatch}). @default 3
         *
         * @param value 0 or more
         * @return this builder
         */
        public B retries(int value) {
            this.retries = value;
            return self();
        }

        /**
         * Connect, client and server timeouts. @default {@link Timeouts#defaults()}: 5 s, 30 s, 30 s
         *
         * @param value e.g. {@code Timeouts.builder().server(Duration.ofSeconds(60)).build()}
         * @return this builder
         */
        public B timeouts(Timeouts value) {
            this.timeouts = value;
            return self();
        }

        /**
         * The certificate the tier serves on 443, for the edge's host name: the region's {@link OriginCertificate}
         * behind Cloudflare, a publicly trusted {@link SuppliedCertificate} with {@link OriginExposure#PUBLIC}. It
         * reaches the instances only through the delivery, with its private key. Required.
         *
         * @param value the certificate
         * @return this builder
         */
        public B certificate(TierCertificate value) {
            this.certificate = value;
            return self();
        }

        /**
         * The deployment's origin-pull client CA: HAProxy accepts a request only with a client certificate from
         * one of its {@link OriginPullTrust#caBundlePem() CA generations} (the certificate Cloudflare presents
         * once the trust's zone-level authenticated origin pulls are on), except the health path, which
         * Cloudflare's load-balancer monitor may probe without one (README, "HTTPS to the origins and
         * authenticated origin pulls"). The CA reaches the instances with the configuration, so a new CA
         * generation is a hitless configuration change. Required.
         *
         * @param value the trust, usually from the deployment's origin-pulls stack (a cross-stack reference)
         * @return this builder
         */
        public B originPulls(OriginPullTrust value) {
            this.originPulls = value;
            return self();
        }

        /**
         * The only host name the tier serves: a request whose TLS SNI or {@code Host} header names another is
         * refused with 421 Misdirected Request, so another Cloudflare zone pointed at the floating IPs gets
         * nothing even with a certificate. @default the {@link #certificate(OriginCertificate) certificate}'s
         * first host name (required when that is a wildcard)
         *
         * @param value the edge's balanced host name, e.g. {@code app.example.com}
         * @return this builder
         */
        public B hostname(String value) {
            this.hostname = Optional.ofNullable(value);
            return self();
        }

        /**
         * The operators' network: the only source SSH (22, which the delivery also uses) and the stats page
         * accept, in the security group and, for the stats page, in HAProxy too. Terraform must run from
         * inside it. Required.
         *
         * @param value an IPv4 network in CIDR form, e.g. {@code 203.0.113.0/24}; not {@code 0.0.0.0/0}
         * @return this builder
         */
        public B operatorCidr(String value) {
            this.operatorCidr = value;
            return self();
        }

        /**
         * The image's login user, whom the delivery connects as over SSH; it needs passwordless sudo, as
         * cloud images give their default user. @default {@code debian} (Debian 12's cloud images; Ubuntu's is
         * {@code ubuntu})
         *
         * @param value a user name
         * @return this builder
         */
        public B sshUser(String value) {
            this.sshUser = value;
            return self();
        }

        /**
         * Turns on the statistics page on each instance, for the {@link #operatorCidr(String) operator network}
         * only. @default off
         *
         * @param value e.g. {@link StatsPage#defaults()}
         * @return this builder
         */
        public B statsPage(StatsPage value) {
            this.statsPage = Optional.ofNullable(value);
            return self();
        }

        /**
         * Who may reach the tier's HTTPS port. {@link OriginExposure#PUBLIC} is for an edge whose clients connect
         * directly (Route 53 failover): 443 opens to everyone, no client certificate is asked for (leave
         * {@link #originPulls(OriginPullTrust)} unset), and the {@link #certificate(TierCertificate) certificate}
         * must be publicly trusted. @default {@link OriginExposure#CLOUDFLARE_ONLY}
         *
         * @param value the exposure
         * @return this builder
         */
        public B exposure(OriginExposure value) {
            this.exposure = value;
            return self();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** @return the props as set so far */
        protected HaproxyTierProps props() {
            return new HaproxyTierProps(network, instances, allowSingleInstance, flavorId, imageId, sshKey, health,
                    checkHost, backends, balance, checkInterval, fall, rise, retries, timeouts, certificate, originPulls,
                    hostname, operatorCidr, sshUser, statsPage, exposure);
        }
    }
}
