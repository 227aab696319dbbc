package dev.tandem.constructs.edge;

/**
 * Whether the edge manages the zone's zone-level authenticated origin pulls: Cloudflare presenting a
 * client certificate on every proxied connection to the origins, so an origin that requires one (HAProxy's
 * {@code verify required}) serves Cloudflare and nobody else.
 *
 * <p>Managed through {@code cloudflare_authenticated_origin_pulls_settings} (terraform-provider-cloudflare
 * v5.22.0 {@code internal/services/authenticated_origin_pulls_settings/}: {@code zone_id} and
 * {@code enabled}, calling the zone's {@code origin_tls_client_auth/settings}). With no certificate of the
 * zone's own uploaded, zone-level pulls present Cloudflare's shared origin-pull certificate
 * (cloudflare-docs {@code ssl/origin-configuration/authenticated-origin-pull/set-up/zone-level.mdx}, step 1).
 * The zone's SSL/TLS mode must be Full or stricter (same page, "Before you begin").
 *
 * <p>The provider's delete is a no-op ({@code resource.go}): removing the setting from the deployment
 * leaves the zone as it was, which is why switching the pulls off is its own value.
 */
public enum AuthenticatedOriginPulls {
    /** The edge leaves the zone's setting as it is (the default): nothing is created. */
    UNMANAGED,
    /** The edge switches zone-level authenticated origin pulls on. */
    ENABLED,
    /** The edge switches them off: only once no origin requires a client certificate any more. */
    DISABLED
}
