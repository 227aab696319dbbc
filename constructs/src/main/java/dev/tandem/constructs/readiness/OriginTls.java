package dev.tandem.constructs.readiness;

import dev.tandem.constructs.edge.CloudflareFailoverLb;
import dev.tandem.constructs.edge.OriginPullTrust;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.constructs.haproxy.OriginExposure;
import dev.tandem.constructs.haproxy.TierCertificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Rule#ORIGIN_TLS} and {@link Rule#CERTIFICATE_LIFETIME}: the certificate each tier serves on 443,
 * against the edge's host name and the time it stays valid.
 */
final class OriginTls {
    /** The shortest validity that does not lapse within the year. */
    static final Duration MINIMUM_LIFETIME = Duration.ofDays(365);
    /** A public CA's certificate is short-lived by rule; what counts is that it is renewed: a month's margin. */
    static final Duration PUBLIC_MINIMUM_LIFETIME = Duration.ofDays(30);

    private OriginTls() {
    }

    static List<CheckResult> check(FailoverChain chain) {
        List<CheckResult> results = new ArrayList<>();
        chain.edge().ifPresent(edge -> chain.regions().forEach(region -> {
            results.add(names(edge.props().hostname(), region.haproxy()));
            results.add(clientCertificate(edge, region.haproxy()));
        }));
        chain.dnsEdge().ifPresent(edge -> chain.regions().forEach(region -> {
            results.add(names(edge.hostname(), region.haproxy()));
            results.add(publicOrigin(region.haproxy()));
        }));
        for (HaproxyTier tier : chain.tiers()) {
            results.add(lifetime(tier));
        }
        return results;
    }

    private static CheckResult lifetime(HaproxyTier tier) {
        TierCertificate certificate = tier.props().certificate();
        String path = tier.getNode().getPath();
        return certificate.validity().map(validity -> SinglePoints.result(Rule.CERTIFICATE_LIFETIME, path,
                "certificate.validity", validity.compareTo(MINIMUM_LIFETIME) >= 0 || certificate.publiclyTrusted()
                        && validity.compareTo(PUBLIC_MINIMUM_LIFETIME) >= 0, validity.toDays() + " days",
                certificate.publiclyTrusted() ? "at least " + PUBLIC_MINIMUM_LIFETIME.toDays() + " days, renewed "
                        + "before it ends" : "at least " + MINIMUM_LIFETIME.toDays() + " days",
                certificate.publiclyTrusted() ? "renew it before it has less than " + PUBLIC_MINIMUM_LIFETIME.toDays()
                        + " days left" : "give the OriginCertificate validity(Duration.ofDays(365)) or more (default 5475)"))
                .orElseGet(() -> SinglePoints.result(Rule.CERTIFICATE_LIFETIME, path, "certificate.validity", false,
                        "unknown at synth (" + certificate.getClass().getSimpleName() + ": you supply and renew it)",
                        "a validity Tandem knows, renewed by automation before it ends",
                        "declare it with SuppliedCertificate validity(…) once renewal is automated"));
    }

    /** A tier behind DNS failover serves clients directly: no Cloudflare-only lockdown, a public certificate. */
    private static CheckResult publicOrigin(HaproxyTier tier) {
        boolean open = tier.props().exposure() == OriginExposure.PUBLIC;
        boolean trusted = tier.props().certificate().publiclyTrusted();
        return CheckResult.of(Rule.ORIGIN_TLS, tier.getNode().getPath(), "exposure", open && trusted,
                tier.props().exposure() + ", " + (trusted ? "publicly trusted" : "not publicly trusted") + " certificate",
                "PUBLIC with a publicly trusted certificate: Route 53 sends clients and its health checkers to the "
                        + "tier directly, with no client certificate",
                "build the tier with exposure(OriginExposure.PUBLIC) and a SuppliedCertificate");
    }

    /**
     * The tier accepts only certificates from its {@code originPulls} CA; the zone presents one only from the
     * trust the edge names (zone-level pulls present the zone's own upload, nothing else).
     */
    private static CheckResult clientCertificate(CloudflareFailoverLb edge, HaproxyTier tier) {
        OriginPullTrust required = tier.props().originPulls();
        Optional<OriginPullTrust> presented = edge.originPulls();
        return CheckResult.of(Rule.ORIGIN_TLS, tier.getNode().getPath(), "originPulls",
                required != null && presented.filter(t -> t == required).isPresent(),
                "edge presents " + presented.map(t -> t.getNode().getPath()).orElse("no client certificate")
                        + "; tier requires " + (required == null ? "none (exposure " + tier.props().exposure()
                                + ": open to every source)" : "one from " + required.getNode().getPath()),
                "the edge's originPulls is the OriginPullTrust the tier trusts",
                "pass the same OriginPullTrust to the edge's originPulls(…) and the tier's originPulls(…)");
    }

    private static CheckResult names(String hostname, HaproxyTier tier) {
        TierCertificate certificate = tier.props().certificate();
        return CheckResult.of(Rule.ORIGIN_TLS, tier.getNode().getPath(), "certificate.hostnames",
                certificate.covers(hostname), certificate.hostnames(),
                "a name covering the edge's host name " + hostname,
                "build the region's certificate with hostnames(List.of(\"" + hostname + "\"))");
    }
}
