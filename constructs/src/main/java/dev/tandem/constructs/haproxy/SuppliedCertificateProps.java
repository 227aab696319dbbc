package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.core.Values;
import dev.tandem.props.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything that describes a {@link SuppliedCertificate}. Build it with {@link #builder()} or directly
 * through {@link SuppliedCertificate.Builder}; both share the setters documented on {@link BuilderBase}.
 * Nothing is checked here: the construct validates every value when it is built.
 *
 * @param hostnames      The names the certificate covers: the edge's host name (a {@code *.} wildcard covers
 *                       one level). Tandem cannot read a certificate it is given only at apply, so this is what
 *                       the readiness pass checks. Required. E.g. {@code List.of("app.example.com")}
 * @param certificatePem The certificate followed by its intermediates, PEM, e.g.
 *                       {@code Fn.file("certs/app.pem")} or another resource's attribute. @default a Terraform
 *                       variable {@code <id>_certificate_pem}, set with {@code TF_VAR_<id>_certificate_pem}.
 *                       PEM text or a Terraform reference
 * @param privateKeyPem  The certificate's private key, PEM, e.g. a sensitive reference. @default a sensitive
 *                       Terraform variable {@code <id>_private_key_pem}, set with
 *                       {@code TF_VAR_<id>_private_key_pem}. A Terraform reference (a literal key would be
 *                       written into cdktf.out)
 * @param validity       How long each certificate you supply is valid, for the readiness pass's
 *                       {@code certificate-lifetime} rule. @default unknown: the rule then asks you to accept
 *                       the risk (you renew it yourself). E.g. {@code Duration.ofDays(90)} for an ACME
 *                       certificate
 */
@Settings
public record SuppliedCertificateProps(List<String> hostnames, Optional<String> certificatePem,
        Optional<String> privateKeyPem, Optional<Duration> validity) {

    /** Copies the host names (nulls are kept for validation to report); reads null optionals as absent. */
    public SuppliedCertificateProps {
        hostnames = Values.list(hostnames);
        certificatePem = certificatePem == null ? Optional.empty() : certificatePem;
        privateKeyPem = privateKeyPem == null ? Optional.empty() : privateKeyPem;
        validity = validity == null ? Optional.empty() : validity;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SuppliedCertificateProps}. */
    public static final class Builder extends BuilderBase<Builder> {
        Builder() {
        }

        /** @return the props; checked when the certificate is built */
        public SuppliedCertificateProps build() {
            return props();
        }
    }

    /**
     * The settings of a {@link SuppliedCertificate}.
     *
     * @param <B> the concrete builder
     */
    public abstract static class BuilderBase<B extends BuilderBase<B>> extends SuppliedCertificatePropsSettings<B> {
        BuilderBase() {
        }
    }
}
