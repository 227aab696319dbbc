package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.core.Values;
import dev.tandem.props.Default;
import dev.tandem.props.Settings;
import java.time.Duration;
import java.util.List;

/**
 * Everything that describes an {@link OriginCertificate}. Build it with {@link #builder()} or directly
 * through {@link OriginCertificate.Builder}; both share the setters documented on {@link BuilderBase}.
 * Nothing is checked here: the certificate construct validates every value when it is built.
 *
 * @param hostnames The names the certificate covers: the edge's balanced host name, in a zone of the Cloudflare
 *                  account; a {@code *.} wildcard covers one level. The first is also the request's common
 *                  name. Required. E.g. {@code List.of("app.example.com")}
 * @param validity  How long the Cloudflare Origin CA signs the certificate for. cloudflare/cloudflare 5.x does
 *                  not renew it (4.x's {@code min_days_for_renewal} is gone): rotate it before it expires
 *                  (README, "Changing the configuration and rotating the certificate"). @default 5475 days (15
 *                  years, Cloudflare's default). One of 7, 30, 90, 365, 730, 1095 or 5475 days
 */
@Settings
public record OriginCertificateProps(
        List<String> hostnames,
        @Default("OriginCertificate.DEFAULT_VALIDITY") Duration validity) {

    /** Copies the host names (nulls are kept for validation to report). */
    public OriginCertificateProps {
        hostnames = Values.list(hostnames);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these props, to change some of them */
    public Builder toBuilder() {
        return new Builder().from(this);
    }

    /** Builds {@link OriginCertificateProps}. */
    public static final class Builder extends BuilderBase<Builder> {
        Builder() {
        }

        /** @return the props; checked when the certificate is built */
        public OriginCertificateProps build() {
            return props();
        }
    }

    /**
     * The settings of an {@link OriginCertificate}, shared by {@link Builder} and {@link OriginCertificate.Builder}.
     *
     * @param <B> the concrete builder
     */
    public abstract static class BuilderBase<B extends BuilderBase<B>> extends OriginCertificatePropsSettings<B> {
        BuilderBase() {
        }
    }
}
