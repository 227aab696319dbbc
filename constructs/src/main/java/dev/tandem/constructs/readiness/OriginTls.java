package dev.tandem.constructs.readiness;

import dev.tandem.constructs.edge.CloudflareFailoverLb;
import dev.tandem.constructs.edge.OriginPullTrust;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.constructs.haproxy.OriginCertificate;
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

    private OriginTls() {
    }

    static List<CheckResult> check(FailoverChain chain) {
        List<CheckResult> results = new ArrayList<>();
        chain.edge().ifPresent(edge -> chain.regions().forEach(region -> {
            results.add(names(edge, region.haproxy()));
            results.add(clientCertificate(edge, region.haproxy()));
        }));
        for (HaproxyTier tier : chain.tiers()) {
            Duration validity = tier.props().certificate().props().validity();
            results.add(SinglePoints.result(Rule.CERTIFICATE_LIFETIME, tier.getNode().getPath(), "certificate.validity",
                    validity.compareTo(MINIMUM_LIFETIME) >= 0, validity.toDays() + " days",
                    "at least " + MINIMUM_LIFETIME.toDays() + " days",
                    "give the OriginCertificate validity(Duration.ofDays(365)) or more (default 5475)"));
        }
        return results;
    }

    /**
     * The tier accepts only certificates from its {@code originPulls} CA; the zone presents one only from the
     * trust the edge names (zone-level pulls present the zone's own upload, nothing else).
     */
    private static CheckResult clientCertificate(CloudflareFailoverLb edge, HaproxyTier tier) {
        OriginPullTrust required = tier.props().originPulls();
        Optional<OriginPullTrust> presented = edge.originPulls();
        return CheckResult.of(Rule.ORIGIN_TLS, tier.getNode().getPath(), "originPulls",
                presented.filter(t -> t == required).isPresent(),
                "edge presents " + presented.map(t -> t.getNode().getPath()).orElse("no client certificate")
                        + "; tier requires one from " + required.getNode().getPath(),
                "the edge's originPulls is the OriginPullTrust the tier trusts",
                "pass the same OriginPullTrust to the edge's originPulls(…) and the tier's originPulls(…)");
    }

    private static CheckResult names(CloudflareFailoverLb edge, HaproxyTier tier) {
        String hostname = edge.props().hostname();
        OriginCertificate certificate = tier.props().certificate();
        return CheckResult.of(Rule.ORIGIN_TLS, tier.getNode().getPath(), "certificate.hostnames",
                certificate.covers(hostname), certificate.props().hostnames(),
                "a name covering the edge's host name " + hostname,
                "build the region's OriginCertificate with hostnames(List.of(\"" + hostname + "\"))");
    }
}
