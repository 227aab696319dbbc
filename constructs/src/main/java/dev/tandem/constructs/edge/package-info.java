/**
 * The edge that switches clients between regions: {@link CloudflareFailoverLb} (a Cloudflare load balancer)
 * with the zone's {@link OriginPullTrust}, or {@link Route53Failover} (Route 53 failover records), both built
 * from the regions' {@link OriginPool}s and the shared health contract.
 *
 * <h2>CloudflareFailoverLb: sources and decisions</h2>
 *
 * <p>What is written, and why, where provider 5.22.0 would otherwise drift (src/cloudflare/README.md):
 * a pool's origins sorted by name, as the API returns them (provider issue #7179); no origin
 * {@code port} (#7329); no empty {@code region_pools}/{@code country_pools} map (#7339); the monitor's
 * {@code port}, {@code consecutive_down} and {@code consecutive_up}, which are optional and not computed;
 * and {@code proxied}, whose provider default is false.
 *
 * <h2>OriginPullTrust: sources and decisions</h2>
 *
 * <p><b>What is made</b> (hashicorp/tls 4.2.1, cloudflare/cloudflare 5.22.0): per CA generation a
 * {@code tls_private_key} and a {@code tls_self_signed_cert} ({@code is_ca_certificate}, usages
 * {@code cert_signing}, {@code digital_signature}); one client {@code tls_private_key}, {@code tls_cert_request}
 * and {@code tls_locally_signed_cert} signed by the active generation ({@code client_auth},
 * {@code digital_signature}, {@code early_renewal_hours}); its upload,
 * {@code cloudflare_authenticated_origin_pulls_certificate} ({@code zone_id}, {@code certificate},
 * {@code private_key}: {@code internal/services/authenticated_origin_pulls_certificate/schema.go}); a wait until
 * Cloudflare reports the upload {@code active}; and {@code cloudflare_authenticated_origin_pulls_settings}
 * ({@code enabled = true}) after it. Zone-level pulls present only a certificate the zone uploaded; global pulls
 * (the zone setting {@code tls_client_auth}) present Cloudflare's shared one, and the two are independent
 * (cloudflare-docs {@code ssl/origin-configuration/authenticated-origin-pull/set-up/zone-level.mdx} and
 * {@code global.mdx}). The provider's own acceptance configurations upload a certificate and switch the
 * setting on the same way ({@code authenticated_origin_pulls_certificate/testdata/}, {@code
 * authenticated_origin_pulls_settings/testdata/authenticatedoriginpullssettings.tf}).
 *
 * <p><b>Where it lives.</b> In a stack of its own, applied first: the region stacks reference
 * {@link OriginPullTrust#caBundlePem()} (public; cdktf turns it into a cross-stack output), the edge stack already depends on
 * the region stacks, and the secondary region must not depend on the primary. The CA keys stay in this
 * stack's state only, which therefore holds secrets: keep it in an encrypted remote backend.
 *
 * <p><b>Rotation without refusing a request.</b> Cloudflare's API asks that one certificate be kept active per
 * zone and does not say which is presented while two are uploaded (API reference, zone-level "Upload
 * Certificate"; unverified which one wins). The design makes that question harmless: origins trust CAs, not
 * leaves. The client certificate is re-issued by the same CA ({@code early_renewal_hours}) and every resource
 * on its path is create-before-destroy, so the new upload exists — and is waited for until {@code active}, as
 * cloudflare-docs {@code …/authenticated-origin-pull/set-up/manage-certificates.mdx} asks before deleting the
 * previous one (provider 5.22.0's create does not wait: {@code resource.go}) — before the old one is deleted;
 * whichever is presented, the origins accept it. Replacing the CA needs the origins to trust old and new at
 * once: {@link OriginPullTrustProps.BuilderBase#caGenerations(List) CA generations}, changed in three steps.
 *
 * <h2>Route53Failover: sources and decisions</h2>
 *
 * <p><b>Checks.</b> Each instance gets an HTTPS check of its floating IP ({@code ip_address}) on the tiers' port and
 * the contract's path, with the host name as {@code fqdn}, which Route 53 sends as Host header and, with
 * {@code enable_sni}, as TLS SNI (API reference, {@code EnableSNI}; {@code TestAccRoute53HealthCheck_ip},
 * {@code _withSNI} in hashicorp/terraform-provider-aws {@code internal/service/route53/health_check_test.go}). The
 * instance answers that path itself (HAProxy's {@code monitor-uri}: 200 while its region has a usable server, 503
 * when none); Route 53 counts any 2xx or 3xx within 2 s of connecting as a pass and does not validate the certificate
 * (Route 53 Developer Guide, "How Amazon Route 53 determines whether a health check is healthy").
 *
 * <p><b>Why a calculated check per region, not one check per region.</b> A check targets one address, and a region
 * has several instances behind several floating IPs. Checking one of them would fail the region over when that one
 * instance reboots while the others serve. The region's {@code CALCULATED} check is healthy while at least
 * {@link OriginPool#minimumOrigins()} of its instance checks are ({@code child_health_threshold}), which is
 * Cloudflare's {@code minimum_origins} ({@code TestAccRoute53HealthCheck_withChildHealthChecks}).
 *
 * <p><b>Records.</b> One A record set per region with every instance's address (a client tries the next address when
 * one does not answer), {@code set_identifier} = the pool's name, {@code failover_routing_policy} PRIMARY for the
 * first pool and SECONDARY for the second, the region's calculated check as {@code health_check_id}, and a low TTL
 * (60 s, AWS's recommendation for records with health checks) ({@code TestAccRoute53Record_failover},
 * {@code internal/service/route53/record_test.go}). Route 53 answers the primary while its check is healthy, else the
 * secondary (Developer Guide, "Active-passive failover"). Within a healthy region, an instance that is down stays in
 * the answer until the region's check fails: clients that try one address only wait for their retry (unlike
 * Cloudflare, which skips an unhealthy origin itself).
 *
 * <p><b>What it costs in recovery time.</b> A checker needs {@code failureThreshold} failed requests, one every
 * {@code requestInterval}; Route 53 then aggregates its checkers (unhealthy once 18 % or fewer report healthy) and
 * resolvers keep the old answer for the TTL and sometimes longer ({@code resolverCaching}). The readiness pass adds
 * these up ({@link Route53Failover#worstCaseDetection()}).
 */
package dev.tandem.constructs.edge;
