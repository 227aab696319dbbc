package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.core.TerraformReferences;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import dev.tandem.constructs.core.DnsNames;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Scopes;
import dev.tandem.constructs.core.StackProviders;
import dev.tandem.providers.cloudflare.origin_ca_certificate.OriginCaCertificate;
import dev.tandem.providers.cloudflare.provider.CloudflareProvider;
import dev.tandem.providers.tls.cert_request.CertRequest;
import dev.tandem.providers.tls.cert_request.CertRequestSubject;
import dev.tandem.providers.tls.private_key.PrivateKey;
import dev.tandem.providers.tls.provider.TlsProvider;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * A certificate the Cloudflare Origin CA signs for the origin, with its private key, made by Terraform:
 * what a {@link HaproxyTier} serves on 443 so that Cloudflare's Full (strict) mode, which accepts the
 * Origin CA's certificates, reaches the region over HTTPS.
 *
 * <pre>{@code
 * OriginCertificate certificate = OriginCertificate.Builder.create(stack, "origin-certificate")
 *     .hostnames(List.of("app.example.com"))
 *     .build();
 * }</pre>
 *
 * <p>The private key is a sensitive value that lives in Terraform state only. The stack needs a
 * {@code TlsProvider} and a 5.x {@code CloudflareProvider} whose API token may edit the zone's SSL and
 * certificates. Rotating it is replacing its key (docs/rotation.md); the tier's delivery rolls the new
 * certificate out instance by instance before the old one is revoked.
 *
 * <p>Attributes: {@link #certificatePem()}, {@link #privateKeyPem()}, {@link #props()}. Escape hatches:
 * {@link #key()}, {@link #request()}, {@link #resource()}.
 *
 * <p>The three resources it makes, and the sources: the {@link dev.tandem.constructs.haproxy package
 * documentation}.
 */
public class OriginCertificate extends Construct implements TierCertificate {
    /** Cloudflare's default validity: 15 years. */
    static final Duration DEFAULT_VALIDITY = Duration.ofDays(5475);
    /** The validities the Origin CA signs for, in days (schema.go above, {@code requested_validity}). */
    static final Set<Long> VALIDITY_DAYS = Set.of(7L, 30L, 90L, 365L, 730L, 1095L, 5475L);

    private final OriginCertificateProps props;
    private final PrivateKey key;
    private final CertRequest request;
    private final OriginCaCertificate certificate;

    /**
     * Creates the certificate; invalid props throw {@link dev.tandem.constructs.core.ValidationException}
     * listing every problem. Prefer {@link Builder}.
     *
     * @param scope the region's stack (or a construct in it)
     * @param id    construct id
     * @param props the certificate's description
     */
    public OriginCertificate(@NotNull Construct scope, @NotNull String id, OriginCertificateProps props) {
        super(Scopes.checked(scope, id, "OriginCertificate"), id);
        Problems p = Problems.at(this);
        validate(p, props);
        p.throwIfAny();
        this.props = props;
        // A rotation creates the new key, request and certificate, lets the deliveries install them, and only
        // then destroys the old certificate, which revokes it at Cloudflare (the API's DELETE is its revocation).
        TerraformResourceLifecycle newFirst = TerraformResourceLifecycle.builder().createBeforeDestroy(true).build();
        this.key = PrivateKey.Builder.create(this, "key").algorithm("ECDSA").ecdsaCurve("P256").lifecycle(newFirst)
                .build();
        this.request = CertRequest.Builder.create(this, "request")
                .privateKeyPem(key.getPrivateKeyPem())
                .dnsNames(props.hostnames())
                .subject(List.of(CertRequestSubject.builder().commonName(props.hostnames().get(0)).build()))
                .lifecycle(newFirst)
                .build();
        this.certificate = OriginCaCertificate.Builder.create(this, "certificate")
                .csr(request.getCertRequestPem())
                .hostnames(props.hostnames())
                .requestType("origin-ecc")
                .requestedValidity(props.validity().toDays())
                .lifecycle(newFirst)
                .build();
        getNode().setDefaultChild(this.certificate);
    }

    private void validate(Problems p, OriginCertificateProps props) {
        StackProviders.require(this, TlsProvider.class, p,
                "add TlsProvider.Builder.create(stack, \"tls\").build() (dev.tandem.providers.tls) to the stack");
        StackProviders.require(this, CloudflareProvider.class, p,
                "add CloudflareProvider.Builder.create(stack, \"cloudflare\").build() (dev.tandem.providers.cloudflare,"
                        + " provider 5.x) to the stack");
        if (!p.present(props, "props", "pass OriginCertificateProps.builder()…build(), or use OriginCertificate.Builder")) {
            return;
        }
        String fix = "list the edge's host name, e.g. List.of(\"app.example.com\")";
        if (p.presentElements(props.hostnames(), "hostnames", fix)
                && p.require(!props.hostnames().isEmpty(), "hostnames", "[]", "must name at least one host", fix)) {
            Set<String> seen = new HashSet<>();
            for (String name : props.hostnames()) {
                if (p.require(!TerraformReferences.isReference(name), "hostnames", HaproxyTierValidation.REFERENCE,
                        "must be known at synth: the readiness pass compares them with the edge's host name",
                        "use literal host names")) {
                    p.require(isCertifiable(name), "hostnames", name,
                            "must be a lower-case host name, or *. and one, with at least two labels",
                            "use e.g. app.example.com or *.example.com");
                    p.require(seen.add(name), "hostnames", name, "appears more than once", "list each name once");
                }
            }
        }
        if (p.present(props.validity(), "validity", "use e.g. Duration.ofDays(365), or leave the default")) {
            Duration v = props.validity();
            p.require(v.equals(Duration.ofDays(v.toDays())) && VALIDITY_DAYS.contains(v.toDays()), "validity", v,
                    "must be one of " + VALIDITY_DAYS.stream().sorted().map(d -> d + " days")
                            .collect(Collectors.joining(", ")) + ": the validities the Origin CA signs for",
                    "use e.g. Duration.ofDays(365)");
        }
    }

    private static boolean isCertifiable(String name) {
        String host = name.startsWith("*.") ? name.substring(2) : name;
        return DnsNames.isHostname(host) && host.contains(".");
    }

    @Override
    public List<String> hostnames() {
        return props.hostnames();
    }

    /** @return the validity asked of the Origin CA */
    @Override
    public Optional<Duration> validity() {
        return Optional.of(props.validity());
    }

    /** @return false: the Origin CA is trusted by Cloudflare only, so this serves the Cloudflare edge alone */
    @Override
    public boolean publiclyTrusted() {
        return false;
    }

    /** @return the props the certificate was built from */
    public OriginCertificateProps props() {
        return props;
    }

    /** @return the signed certificate, PEM (a Terraform reference) */
    @Override
    public String certificatePem() {
        return certificate.getCertificate();
    }

    /** @return the private key, PEM (a sensitive Terraform reference) */
    @Override
    public String privateKeyPem() {
        return key.getPrivateKeyPem();
    }

    /** @return the {@code tls_private_key} (escape hatch) */
    public PrivateKey key() {
        return key;
    }

    /** @return the {@code tls_cert_request} (escape hatch) */
    public CertRequest request() {
        return request;
    }

    /** @return the {@code cloudflare_origin_ca_certificate}, the node's default child (escape hatch) */
    public OriginCaCertificate resource() {
        return certificate;
    }

    /** Fluent creation in the style of the AWS CDK: {@code OriginCertificate.Builder.create(scope, id)…build()}. */
    public static final class Builder extends OriginCertificateProps.BuilderBase<Builder> {
        private final Construct scope;
        private final String id;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /**
         * @param scope the region's stack (or a construct in it)
         * @param id    construct id
         * @return a builder for a certificate under {@code scope}
         */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @return the certificate, validated (throws ValidationException listing every problem) */
        public OriginCertificate build() {
            return new OriginCertificate(scope, id, props());
        }
    }
}
