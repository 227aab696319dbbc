package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.core.BackendTarget;
import dev.tandem.constructs.core.Values;
import dev.tandem.constructs.edge.OriginPullTrust;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.props.Default;
import dev.tandem.props.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything that describes a {@link HaproxyTier}. Build it with {@link #builder()} or directly
 * through {@link HaproxyTier.Builder}; both share the setters documented on {@link BuilderBase}.
 * Nothing is checked here: the tier validates every value when it is constructed.
 *
 * @param network             The region's private network. The instances attach to it, and the tier takes from
 *                            it the OVH cloud project, the region, and the availability zones the instances are
 *                            spread over (round-robin; none in a one-zone region). Required. The region's
 *                            {@link RegionNetwork}
 * @param instances           Number of HAProxy instances. Fewer than 2 is a single point of failure for the
 *                            region and is refused unless {@link #allowSingleInstance} says it is
 *                            intended. @default 2. 1 or more
 * @param allowSingleInstance Accept {@code instances(1)}: no redundancy inside the region, e.g. for a test
 *                            deployment. @default false. True to accept a single instance
 * @param flavorId            The instances' size: the id (a UUID, per region) of an OVH flavor such as b3-8,
 *                            from {@code openstack flavor list} or
 *                            {@code GET /cloud/project/{serviceName}/flavor}. Not the flavor's name. May be a
 *                            Terraform reference. Required. The flavor's UUID
 * @param imageId             The instances' operating system: the id (a UUID, per region) of a Debian 12 or
 *                            Ubuntu 22.04+ image, from {@code openstack image list} or
 *                            {@code GET /cloud/project/{serviceName}/image}. Not the image's name. May be a
 *                            Terraform reference. Required. The image's UUID
 * @param sshKey              The SSH key installed on the instances: {@link SshKey#existing(String)} or
 *                            {@link SshKey#create(String, String)}. Required. The key
 * @param health              The deployment's health contract: the servers are checked on its path for its
 *                            status, and the tier answers its path itself (503 when no server is usable).
 *                            Required: pass the same value as to the cluster and the edge. The contract
 * @param checkHost           The {@code Host} header of the health checks, so they ask the app what real
 *                            requests ask (an app that routes or filters by host answers {@code localhost}
 *                            differently). @default the host name of the
 *                            {@link #backends backends} (a {@code K8sAppCluster}'s Ingress
 *                            host), else {@code localhost}. A host name, optionally with {@code :port}, e.g.
 *                            the edge's {@code app.example.com}
 * @param backends            Whatever publishes the servers, e.g. the region's {@code K8sAppCluster}; replaces
 *                            {@link BuilderBase#servers servers(List)}. Required unless servers are given. The target
 * @param balance             How requests are spread over the servers. @default {@link Balance#ROUNDROBIN}. The
 *                            algorithm
 * @param checkInterval       Time between two checks of one server; longer than the health contract's timeout,
 *                            which is HAProxy's {@code timeout check}. @default the health contract's interval.
 *                            Whole milliseconds
 * @param fall                Consecutive failed checks that mark a server down: a failure is noticed after
 *                            about {@code checkInterval × fall}. @default 3. 1 or more
 * @param rise                Consecutive passed checks that mark a server up again. @default 2. 1 or more
 * @param retries             Connection attempts after a failed one; the last goes to another server
 *                            ({@code option redispatch}). @default 3. 0 or more
 * @param timeouts            Connect, client and server timeouts. @default {@link Timeouts#defaults()}: 5 s, 30
 *                            s, 30 s. E.g. {@code Timeouts.builder().server(Duration.ofSeconds(60)).build()}
 * @param certificate         The certificate the tier serves on 443, for the edge's host name: the region's
 *                            {@link OriginCertificate} behind Cloudflare, a publicly trusted
 *                            {@link SuppliedCertificate} with {@link OriginExposure#PUBLIC}. It reaches the
 *                            instances only through the delivery, with its private key. Required. The
 *                            certificate
 * @param originPulls         The deployment's origin-pull client CA: HAProxy accepts a request only with a
 *                            client certificate from one of its
 *                            {@link OriginPullTrust#caBundlePem() CA generations} (the certificate Cloudflare
 *                            presents once the trust's zone-level authenticated origin pulls are on), except
 *                            the health path, which Cloudflare's load-balancer monitor may probe without one
 *                            (README, "HTTPS to the origins and authenticated origin pulls"). The CA reaches
 *                            the instances with the configuration, so a new CA generation is a hitless
 *                            configuration change. Required. The trust, usually from the deployment's
 *                            origin-pulls stack (a cross-stack reference)
 * @param hostname            The only host name the tier serves: a request whose TLS SNI or {@code Host} header
 *                            names another is refused with 421 Misdirected Request, so another Cloudflare zone
 *                            pointed at the floating IPs gets nothing even with a certificate. @default the
 *                            {@link #certificate certificate}'s first host name (required
 *                            when that is a wildcard). The edge's balanced host name, e.g.
 *                            {@code app.example.com}
 * @param operatorCidr        The operators' network: the only source SSH (22, which the delivery also uses) and
 *                            the stats page accept, in the security group and, for the stats page, in HAProxy
 *                            too. Terraform must run from inside it. Required. An IPv4 network in CIDR form,
 *                            e.g. {@code 203.0.113.0/24}; not {@code 0.0.0.0/0}
 * @param sshUser             The image's login user, whom the delivery connects as over SSH; it needs
 *                            passwordless sudo, as cloud images give their default user. @default
 *                            {@code debian} (Debian 12's cloud images; Ubuntu's is {@code ubuntu}). A user name
 * @param statsPage           Turns on the statistics page on each instance, for the
 *                            {@link #operatorCidr operator network} only. @default off. E.g.
 *                            {@link StatsPage#defaults()}
 * @param exposure            Who may reach the tier's HTTPS port. {@link OriginExposure#PUBLIC} is for an edge
 *                            whose clients connect directly (Route 53 failover): 443 opens to everyone, no
 *                            client certificate is asked for (leave {@link #originPulls}
 *                            unset), and the {@link #certificate certificate} must be publicly
 *                            trusted. @default {@link OriginExposure#CLOUDFLARE_ONLY}. The exposure
 */
@Settings
public record HaproxyTierProps(
        RegionNetwork network,
        @Default("2") int instances,
        boolean allowSingleInstance,
        String flavorId,
        String imageId,
        SshKey sshKey,
        HealthContract health,
        Optional<String> checkHost,
        BackendTarget backends,
        @Default("Balance.ROUNDROBIN") Balance balance,
        Optional<Duration> checkInterval,
        @Default("3") int fall,
        @Default("2") int rise,
        @Default("3") int retries,
        @Default("Timeouts.defaults()") Timeouts timeouts,
        TierCertificate certificate,
        OriginPullTrust originPulls,
        Optional<String> hostname,
        String operatorCidr,
        @Default("\"debian\"") String sshUser,
        Optional<StatsPage> statsPage,
        @Default("OriginExposure.CLOUDFLARE_ONLY") OriginExposure exposure) {

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
        return new Builder().from(this);
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
    public abstract static class BuilderBase<B extends BuilderBase<B>> extends HaproxyTierPropsSettings<B> {
        BuilderBase() {
        }

        /**
         * A fixed list of servers to balance over; replaces {@link #backends(BackendTarget)}. Required
         * unless backends are given.
         *
         * @param value at least one server, e.g. {@code BackendServer.of("app-1", "10.10.1.5", 8080)}
         * @return this builder
         */
        public B servers(List<BackendServer> value) {
            return backends(new ServerList(Values.list(value)));
        }
    }
}
