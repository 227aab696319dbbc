package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.edge.OriginPullTrust;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.providers.cloudflare.provider.CloudflareProvider;
import dev.tandem.providers.tls.provider.TlsProvider;
import java.util.List;
import software.constructs.Construct;

/** A valid tier for tests here and in the end-to-end module (through the test jar). */
public final class HaproxyTierFixture {
    /** A syntactically valid OVH project id. */
    public static final String PROJECT = "0123456789abcdef0123456789abcdef";
    /** A flavor id in OVH's shape (a UUID). */
    public static final String FLAVOR = "3c2a6d3e-6f0b-4a5e-9d8e-1b2c3d4e5f60";
    /** An image id in OVH's shape (a UUID). */
    public static final String IMAGE = "5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    /** The operators' network (TEST-NET-3, RFC 5737). */
    public static final String OPERATOR_CIDR = "203.0.113.0/24";
    /** The edge's host name the certificate is for. */
    public static final String HOSTNAME = "app.example.com";

    private HaproxyTierFixture() {
    }

    /** @return network {@code network} in one-zone region GRA11, {@code 10.10.0.0/16} */
    public static RegionNetwork network(Construct stack) {
        return RegionNetwork.Builder.create(stack, "network").cloudProject(PROJECT).region("GRA11").vlanId(10)
                .cidr("10.10.0.0/16").build();
    }

    /**
     * @return a builder for tier {@code haproxy} in a one-zone region (network {@code 10.10.0.0/16}) with two
     *     app servers on port 8080; change what a test is about, build
     */
    public static HaproxyTier.Builder minimal(Construct stack) {
        return on(stack, network(stack));
    }

    /** @return the same tier as {@link #minimal(Construct)} on {@code network} */
    public static HaproxyTier.Builder on(Construct stack, RegionNetwork network) {
        return HaproxyTier.Builder.create(stack, "haproxy")
                .network(network)
                .flavorId(FLAVOR)
                .imageId(IMAGE)
                .sshKey(SshKey.existing("ops"))
                .health(HealthContract.defaults())
                .certificate(certificate(stack))
                .originPulls(originPulls(stack))
                .operatorCidr(OPERATOR_CIDR)
                .servers(List.of(BackendServer.of("app-1", "10.10.1.5", 8080),
                        BackendServer.of("app-2", "10.10.1.6", 8080)));
    }

    /** Adds the 5.x Cloudflare and the tls providers to {@code stack}, unless they are there. */
    public static void providers(Construct stack) {
        if (stack.getNode().tryFindChild("cloudflare") == null) {
            CloudflareProvider.Builder.create(stack, "cloudflare").build();
        }
        if (stack.getNode().tryFindChild("tls") == null) {
            TlsProvider.Builder.create(stack, "tls").build();
        }
    }

    /** A syntactically valid Cloudflare zone id. */
    public static final String ZONE = "fedcba9876543210fedcba9876543210";

    /** @return the stack's origin-pull client CA {@code origin-pulls} for {@link #ZONE}, made on first use */
    public static OriginPullTrust originPulls(Construct stack) {
        providers(stack);
        Object existing = stack.getNode().tryFindChild("origin-pulls");
        return existing != null ? (OriginPullTrust) existing
                : OriginPullTrust.Builder.create(stack, "origin-pulls").zoneId(ZONE).build();
    }

    /** @return the stack's certificate {@code origin-certificate} for {@link #HOSTNAME}, made on first use */
    public static OriginCertificate certificate(Construct stack) {
        providers(stack);
        Object existing = stack.getNode().tryFindChild("origin-certificate");
        return existing != null ? (OriginCertificate) existing
                : OriginCertificate.Builder.create(stack, "origin-certificate").hostnames(List.of(HOSTNAME)).build();
    }
}
