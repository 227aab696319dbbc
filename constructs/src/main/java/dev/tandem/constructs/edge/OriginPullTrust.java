package dev.tandem.constructs.edge;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.LocalExecProvisioner;
import com.hashicorp.cdktf.TerraformResourceConfig;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import dev.tandem.constructs.core.DnsNames;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Scopes;
import dev.tandem.constructs.core.StackProviders;
import dev.tandem.constructs.core.TerraformData;
import dev.tandem.constructs.core.TerraformReferences;
import dev.tandem.constructs.core.TerraformStrings;
import dev.tandem.providers.cloudflare.authenticated_origin_pulls_certificate.AuthenticatedOriginPullsCertificate;
import dev.tandem.providers.cloudflare.authenticated_origin_pulls_settings.AuthenticatedOriginPullsSettings;
import dev.tandem.providers.cloudflare.provider.CloudflareProvider;
import dev.tandem.providers.tls.cert_request.CertRequest;
import dev.tandem.providers.tls.cert_request.CertRequestSubject;
import dev.tandem.providers.tls.locally_signed_cert.LocallySignedCert;
import dev.tandem.providers.tls.private_key.PrivateKey;
import dev.tandem.providers.tls.provider.TlsProvider;
import dev.tandem.providers.tls.self_signed_cert.SelfSignedCert;
import dev.tandem.providers.tls.self_signed_cert.SelfSignedCertSubject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * The deployment's own client CA for Cloudflare's zone-level authenticated origin pulls: Cloudflare presents
 * a client certificate this CA signed on every proxied connection to the origins, and the origins trust this
 * CA only — so a request proves "this zone", not "some Cloudflare zone" as Cloudflare's shared certificate would.
 *
 * <pre>{@code
 * OriginPullTrust trust = OriginPullTrust.Builder.create(originPullsStack, "origin-pulls")
 *     .zoneId(zoneId)
 *     .build();
 * // each region's tier trusts its CA, and the load balancer's zone presents its client certificate:
 * HaproxyTier.Builder.create(regionStack, "haproxy").originPulls(trust);           // … the tier's other settings
 * CloudflareFailoverLb.Builder.create(edgeStack, "failover").originPulls(trust);   // … the load balancer's
 * }</pre>
 *
 * <p>It lives in a stack of its own, applied first: the region stacks reference {@link #caBundlePem()} (a
 * cross-stack output), and the CA keys stay in this stack's state only, which therefore holds secrets: keep it
 * in an encrypted remote backend. The client certificate renews itself on an apply within its early-renewal
 * window; the CA is replaced in three steps with
 * {@link OriginPullTrustProps.BuilderBase#caGenerations(List) CA generations} (docs/rotation.md).
 *
 * <p>Attributes: {@link #caBundlePem()}, {@link #caCertificatePem()}, {@link #activeGeneration()},
 * {@link #props()}. Escape hatches: {@link #caCertificates()}, {@link #clientCertificate()}, {@link #resource()},
 * {@link #settings()}.
 *
 * <p>What is made, why it lives where it does, how rotation avoids refusing a request, and the sources: the
 * {@link dev.tandem.constructs.edge package documentation}.
 */
public class OriginPullTrust extends Construct {
    /** How long the apply waits for Cloudflare to report an upload active: 60 polls, 10 s apart. */
    static final int ACTIVE_POLLS = 60;

    private final OriginPullTrustProps props;
    private final Map<String, SelfSignedCert> cas = new LinkedHashMap<>();
    private final Map<String, PrivateKey> caKeys = new LinkedHashMap<>();
    private final LocallySignedCert clientCertificate;
    private final AuthenticatedOriginPullsCertificate upload;
    private final AuthenticatedOriginPullsSettings settings;

    /**
     * Creates the trust; invalid props throw {@link dev.tandem.constructs.core.ValidationException} listing every
     * problem. Prefer {@link Builder}.
     *
     * @param scope the origin-pulls stack (or a construct in it)
     * @param id    construct id
     * @param props the trust's description
     */
    public OriginPullTrust(@NotNull Construct scope, @NotNull String id, OriginPullTrustProps props) {
        super(Scopes.checked(scope, id, "OriginPullTrust"), id);
        Problems p = Problems.at(this);
        validate(p, props);
        p.throwIfAny();
        this.props = props;
        TerraformResourceLifecycle newFirst = TerraformResourceLifecycle.builder().createBeforeDestroy(true).build();
        for (String generation : props.caGenerations()) {
            PrivateKey caKey = props.keyAlgorithm().applyTo(PrivateKey.Builder.create(this, "ca-" + generation + "-key"))
                    .build();
            caKeys.put(generation, caKey);
            cas.put(generation, SelfSignedCert.Builder.create(this, "ca-" + generation)
                    .privateKeyPem(caKey.getPrivateKeyPem())
                    .isCaCertificate(true)
                    .setSubjectKeyId(true)
                    .allowedUses(List.of("cert_signing", "digital_signature"))
                    .validityPeriodHours(props.caValidity().toHours())
                    .subject(List.of(SelfSignedCertSubject.builder()
                            .commonName(TerraformStrings.literal(props.commonName() + " " + generation)).build()))
                    .build());
        }
        SelfSignedCert active = cas.get(props.active());
        PrivateKey clientKey = props.keyAlgorithm().applyTo(PrivateKey.Builder.create(this, "client-key")).build();
        CertRequest request = CertRequest.Builder.create(this, "client-request")
                .privateKeyPem(clientKey.getPrivateKeyPem())
                .subject(List.of(CertRequestSubject.builder()
                        .commonName(TerraformStrings.literal(props.commonName() + " client")).build()))
                .build();
        this.clientCertificate = LocallySignedCert.Builder.create(this, "client-certificate")
                .certRequestPem(request.getCertRequestPem())
                .caCertPem(active.getCertPem())
                .caPrivateKeyPem(caKeys.get(props.active()).getPrivateKeyPem())
                .allowedUses(List.of("client_auth", "digital_signature"))
                .validityPeriodHours(props.clientValidity().toHours())
                .earlyRenewalHours(props.earlyRenewal().toHours())
                .lifecycle(newFirst)
                .build();
        this.upload = AuthenticatedOriginPullsCertificate.Builder.create(this, "upload")
                .zoneId(props.zoneId())
                .certificate(clientCertificate.getCertPem())
                .privateKey(clientKey.getPrivateKeyPem())
                .lifecycle(newFirst)
                .build();
        getNode().setDefaultChild(this.upload);
        // Terraform destroys a create-before-destroy object's old copy only after its dependents are done, so the
        // previous upload stays until this wait sees the new one active (unverified: no Cloudflare here).
        TerraformData uploaded = new TerraformData(this, "upload-active", Map.of("certificate_id", upload.getId()),
                TerraformResourceConfig.builder().lifecycle(newFirst).provisioners(List.of(LocalExecProvisioner.builder()
                        .type("local-exec").interpreter(List.of("/bin/sh", "-c")).command(waitForActive()).build())));
        this.settings = AuthenticatedOriginPullsSettings.Builder.create(this, "settings")
                .zoneId(props.zoneId())
                .enabled(true)
                .dependsOn(List.of(uploaded))
                .build();
    }

    /** Polls the upload's status with the API token the provider reads, up to {@link #ACTIVE_POLLS} times. */
    private String waitForActive() {
        String url = "https://api.cloudflare.com/client/v4/zones/" + props.zoneId() + "/origin_tls_client_auth/"
                + upload.getId();
        return "n=0; until curl -fsS --proto =https -H \"Authorization: Bearer $CLOUDFLARE_API_TOKEN\" '" + url + "'"
                + " | grep -Eq '\"status\": *\"active\"'; do n=$((n+1)); if [ $n -ge " + ACTIVE_POLLS + " ]; then"
                + " echo 'tandem: the origin-pull certificate is not active after 10 minutes; the previous one is"
                + " kept' >&2; exit 1; fi; sleep 10; done";
    }

    private void validate(Problems p, OriginPullTrustProps props) {
        StackProviders.require(this, TlsProvider.class, p,
                "add TlsProvider.Builder.create(stack, \"tls\").build() (dev.tandem.providers.tls) to the stack");
        StackProviders.require(this, CloudflareProvider.class, p,
                "add CloudflareProvider.Builder.create(stack, \"cloudflare\").build() (dev.tandem.providers.cloudflare,"
                        + " provider 5.x) to the stack");
        if (!p.present(props, "props", "pass OriginPullTrustProps.builder()…build(), or use OriginPullTrust.Builder")) {
            return;
        }
        String zoneFix = "copy it from the zone's Overview page (API → Zone ID)";
        if (p.present(props.zoneId(), "zoneId", zoneFix) && !TerraformReferences.isReference(props.zoneId())) {
            p.require(props.zoneId().matches("^[0-9a-f]{32}$"), "zoneId", props.zoneId(),
                    "must be a Cloudflare zone id: 32 lower-case hex characters", zoneFix);
        }
        String nameFix = "use a short literal name, e.g. \"Tandem origin-pull CA\"";
        if (p.present(props.commonName(), "commonName", nameFix)) {
            p.require(!props.commonName().isBlank() && !TerraformReferences.isReference(props.commonName())
                    && props.commonName().length() <= 48, "commonName", props.commonName(),
                    "must be 1-48 characters known at synth (the CA's subject)", nameFix);
        }
        checkGenerations(p, props);
        checkDurations(p, props);
        p.present(props.keyAlgorithm(), "keyAlgorithm", "use OriginPullKeyAlgorithm.ECDSA_P256 (the default)");
    }

    private static void checkGenerations(Problems p, OriginPullTrustProps props) {
        String fix = "name each generation once with lower-case letters, digits and hyphens, e.g. List.of(\"2026\")";
        if (!p.presentElements(props.caGenerations(), "caGenerations", fix)
                || !p.require(!props.caGenerations().isEmpty(), "caGenerations", "[]", "must name a generation", fix)) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String g : props.caGenerations()) {
            p.require(DnsNames.isLabel(g), "caGenerations", g, "must be lower-case letters, digits and hyphens", fix);
            p.require(seen.add(g), "caGenerations", g, "appears more than once", fix);
        }
        props.activeGeneration().ifPresent(a -> p.require(seen.contains(a), "activeGeneration", a,
                "must be one of caGenerations " + props.caGenerations() + ": the origins trust only those",
                "add it to caGenerations first (and apply the region stacks), then make it active"));
    }

    private static void checkDurations(Problems p, OriginPullTrustProps props) {
        Duration ca = props.caValidity();
        Duration client = props.clientValidity();
        Duration early = props.earlyRenewal();
        String fix = "use whole hours, e.g. Duration.ofDays(365) for the client and Duration.ofDays(30) early renewal";
        boolean ok = hours(p, "caValidity", ca, fix) & hours(p, "clientValidity", client, fix)
                & hours(p, "earlyRenewal", early, fix);
        if (ok) {
            p.require(early.compareTo(client) < 0, "earlyRenewal", early,
                    "must be shorter than clientValidity " + client + ", or every apply re-issues the certificate", fix);
            p.require(client.compareTo(ca) < 0, "clientValidity", client,
                    "must be shorter than caValidity " + ca + ": a certificate cannot outlive its CA",
                    "shorten clientValidity or lengthen caValidity");
        }
    }

    private static boolean hours(Problems p, String property, Duration d, String fix) {
        return p.present(d, property, fix) && p.require(!d.isNegative() && !d.isZero()
                && d.equals(Duration.ofHours(d.toHours())), property, d, "must be a positive whole number of hours", fix);
    }

    /** @return the props the trust was built from */
    public OriginPullTrustProps props() {
        return props;
    }

    /** @return the generation whose CA signs the client certificate Cloudflare presents */
    public String activeGeneration() {
        return props.active();
    }

    /**
     * @return every generation's CA certificate, PEM, one after another (a Terraform reference): what the origins
     *         trust ({@code ca-file}); public, so it may cross into the region stacks
     */
    public String caBundlePem() {
        List<String> pems = new ArrayList<>();
        cas.values().forEach(ca -> pems.add(Fn.trimspace(ca.getCertPem())));
        return Fn.join("\n", pems) + "\n";
    }

    /** @return the active generation's CA certificate, PEM (a Terraform reference) */
    public String caCertificatePem() {
        return cas.get(props.active()).getCertPem();
    }

    /** @return the {@code tls_self_signed_cert} of each generation, by name, oldest first (escape hatch) */
    public Map<String, SelfSignedCert> caCertificates() {
        return Collections.unmodifiableMap(cas);
    }

    /** @return the client certificate's {@code tls_locally_signed_cert} (escape hatch) */
    public LocallySignedCert clientCertificate() {
        return clientCertificate;
    }

    /** @return the {@code cloudflare_authenticated_origin_pulls_certificate}, the default child (escape hatch) */
    public AuthenticatedOriginPullsCertificate resource() {
        return upload;
    }

    /** @return the zone's {@code cloudflare_authenticated_origin_pulls_settings} (escape hatch) */
    public AuthenticatedOriginPullsSettings settings() {
        return settings;
    }

    /** Fluent creation in the style of the AWS CDK: {@code OriginPullTrust.Builder.create(scope, id)…build()}. */
    public static final class Builder extends OriginPullTrustProps.BuilderBase<Builder> {
        private final Construct scope;
        private final String id;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /**
         * @param scope the origin-pulls stack (or a construct in it)
         * @param id    construct id
         * @return a builder for the trust under {@code scope}
         */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @return the trust, validated (throws ValidationException listing every problem) */
        public OriginPullTrust build() {
            return new OriginPullTrust(scope, id, props());
        }
    }
}
