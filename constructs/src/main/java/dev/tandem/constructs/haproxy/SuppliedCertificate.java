package dev.tandem.constructs.haproxy;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableValidationConfig;
import dev.tandem.constructs.core.DnsNames;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Scopes;
import dev.tandem.constructs.core.TerraformReferences;
import dev.tandem.constructs.core.TerraformStrings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * A publicly trusted certificate you supply, with its private key: what a {@link HaproxyTier} serves when its
 * clients reach it directly (the Route 53 edge), where Cloudflare's Origin CA certificate would be refused by
 * every browser.
 *
 * <pre>{@code
 * SuppliedCertificate certificate = SuppliedCertificate.Builder.create(stack, "tls")
 *     .hostnames(List.of("app.example.com"))
 *     .build();                        // TF_VAR_tls_certificate_pem, TF_VAR_tls_private_key_pem
 * }</pre>
 *
 * <p>By default the PEM text comes from two Terraform variables of the stack, named after the construct's path
 * ({@link #certificateVariable()}, {@link #privateKeyVariable()}; the key's is sensitive), so neither is ever
 * written into {@code cdktf.out}; each refuses a value without the PEM header it needs. Give
 * {@code certificatePem}/{@code privateKeyPem} to take them from elsewhere (a file, another resource).
 *
 * <p><b>Renewal is yours.</b> A new certificate is a new variable value: the next apply of the region stack
 * changes the tier's delivery fingerprint, and the deliveries install it instance by instance, hitlessly, like
 * any configuration change. Public CAs issue for at most a few months, so automate it; issuing it in Terraform
 * with ACME (DNS-01 on the edge's hosted zone) is the planned next step (docs/edge.md, "Choosing the edge").
 *
 * <p>Attributes: {@link #certificatePem()}, {@link #privateKeyPem()}, {@link #hostnames()}. Escape hatches:
 * {@link #certificateVariable()}, {@link #privateKeyVariable()}.
 */
public class SuppliedCertificate extends Construct implements TierCertificate {
    // The armour as regular expressions written so the synthesized JSON never spells a PEM header out (secret
    // scanners read a spelled-out header as key material).
    private static final String CERTIFICATE_HEADER = "-----BEGIN[ ]CERTIFICATE-----";
    private static final String KEY_HEADER = "-----BEGIN [A-Z ]*PRIVATE[ ]KEY-----";

    private final SuppliedCertificateProps props;
    private final Optional<TerraformVariable> certificateVariable;
    private final Optional<TerraformVariable> privateKeyVariable;
    private final String certificatePem;
    private final String privateKeyPem;

    /**
     * Creates the certificate's inputs; invalid props throw {@link dev.tandem.constructs.core.ValidationException}
     * listing every problem. Prefer {@link Builder}.
     *
     * @param scope the region's stack (or a construct in it)
     * @param id    construct id; also names the variables
     * @param props the certificate's description
     */
    public SuppliedCertificate(@NotNull Construct scope, @NotNull String id, SuppliedCertificateProps props) {
        super(Scopes.checked(scope, id, "SuppliedCertificate"), id);
        validate(getNode().getPath(), props);
        this.props = props;
        this.certificateVariable = props.certificatePem().isPresent() ? Optional.empty()
                : Optional.of(variable("certificate_pem", false, CERTIFICATE_HEADER, "a certificate",
                        "The certificate (then its intermediates), PEM, that " + getNode().getPath() + " serves for "
                                + String.join(", ", props.hostnames())));
        this.privateKeyVariable = props.privateKeyPem().isPresent() ? Optional.empty()
                : Optional.of(variable("private_key_pem", true, KEY_HEADER, "a private key",
                        "The private key, PEM, of the certificate " + getNode().getPath()));
        // PEM text given here is text: escaped so Terraform reads no template in it; a reference stays one.
        this.certificatePem = props.certificatePem().map(TerraformStrings::literal).orElseGet(() -> certificateVariable.orElseThrow().getStringValue());
        this.privateKeyPem = props.privateKeyPem().orElseGet(() -> privateKeyVariable.orElseThrow().getStringValue());
    }

    private static void validate(String path, SuppliedCertificateProps props) {
        Problems p = new Problems(path);
        if (!p.present(props, "props", "use SuppliedCertificate.Builder")) {
            p.throwIfAny();
        }
        if (p.presentElements(props.hostnames(), "hostnames", "name the edge's host name: List.of(\"app.example.com\")")) {
            p.require(!props.hostnames().isEmpty(), "hostnames", props.hostnames(), "must name at least one host",
                    "name the edge's host name: List.of(\"app.example.com\")");
            for (String name : props.hostnames()) {
                String host = name.startsWith("*.") ? name.substring(2) : name;
                p.require(DnsNames.isQualifiedHostname(host), "hostnames", name,
                        "must be lower-case DNS names with at least two labels (a *. wildcard covers one level)",
                        "use e.g. app.example.com");
            }
        }
        props.privateKeyPem().ifPresent(key -> p.require(TerraformReferences.isReference(key), "privateKeyPem",
                "a literal key", "must be a Terraform reference: a literal key would be written into cdktf.out",
                "leave privateKeyPem unset (a sensitive variable holds it) or pass a sensitive reference"));
        props.validity().ifPresent(v -> p.require(!v.isNegative() && !v.isZero(), "validity", v, "must be positive",
                "give each certificate's validity, e.g. Duration.ofDays(90)"));
        p.throwIfAny();
    }

    private TerraformVariable variable(String suffix, boolean sensitive, String header, String what,
            String description) {
        TerraformVariable v = TerraformVariable.Builder.create(this, suffix.replace('_', '-'))
                .type("string")
                .sensitive(sensitive)
                .nullable(false)
                .description(description)
                .build();
        // cdktf's generated name has a hash and a hyphen, which no shell can export as TF_VAR_<name>.
        String stackPath = TerraformStack.of(this).getNode().getPath();
        v.overrideLogicalId(getNode().getPath().substring(stackPath.length() + 1).replaceAll("[^A-Za-z0-9_]", "_")
                + "_" + suffix);
        v.addValidation(TerraformVariableValidationConfig.builder()
                .condition(Fn.can(Fn.regex(header, v.getStringValue())))
                .errorMessage("The value must be " + what + " in PEM form (its BEGIN line first).")
                .build());
        return v;
    }

    @Override
    public String certificatePem() {
        return certificatePem;
    }

    @Override
    public String privateKeyPem() {
        return privateKeyPem;
    }

    @Override
    public List<String> hostnames() {
        return props.hostnames();
    }

    /** @return the validity you declared for each certificate, if any */
    @Override
    public Optional<Duration> validity() {
        return props.validity();
    }

    /** @return true: you supply a certificate from a public CA (Tandem cannot check it before the apply) */
    @Override
    public boolean publiclyTrusted() {
        return true;
    }

    /** @return the props */
    public SuppliedCertificateProps props() {
        return props;
    }

    /** @return the variable holding the certificate, unless {@code certificatePem} was given (escape hatch) */
    public Optional<TerraformVariable> certificateVariable() {
        return certificateVariable;
    }

    /** @return the sensitive variable holding the key, unless {@code privateKeyPem} was given (escape hatch) */
    public Optional<TerraformVariable> privateKeyVariable() {
        return privateKeyVariable;
    }

    /** Fluent creation: {@code SuppliedCertificate.Builder.create(scope, id)…build()}. */
    public static final class Builder extends SuppliedCertificateProps.BuilderBase<Builder> {
        private final Construct scope;
        private final String id;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /**
         * @param scope the region's stack
         * @param id    construct id; names the variables {@code <id>_certificate_pem} and {@code <id>_private_key_pem}
         * @return a builder
         */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @return the certificate, validated (throws a ValidationException listing every problem) */
        public SuppliedCertificate build() {
            return new SuppliedCertificate(scope, id, props());
        }
    }
}
