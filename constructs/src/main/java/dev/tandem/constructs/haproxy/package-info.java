/**
 * The HAProxy tier between the edge and the app: {@link HaproxyTier}, its configuration
 * ({@link HaproxyConfig}), the certificate it serves ({@link OriginCertificate} behind Cloudflare,
 * {@link SuppliedCertificate} for clients that connect directly) and its delivery to the instances
 * ({@code ConfigDelivery}).
 *
 * <h2>HaproxyTier: sources and decisions</h2>
 *
 * <p><b>Instances and stable addresses.</b> Each instance is an {@code ovh_cloud_instance} (ovh/ovh 2.22.0)
 * with only a private port on the region's subnet, and an {@code ovh_cloud_floating_ip} associated through
 * that port ({@code networks = [{network_id, subnet_id, ip = <floating IP>}]}), which needs the subnet's gateway
 * ({@link dev.tandem.constructs.network.RegionNetwork#gateway()}, which every instance waits for; ovh/terraform-provider-ovh
 * {@code TestAccCloudInstance_floatingIP}: "A floating IP can only be associated once the subnet is attached
 * to a gateway"). The
 * edge's origins are the floating IPs ({@link HaproxyTier#nodes()} {@code publicIpv4}), which are resources of their
 * own: an instance that is resized, rebuilt, reinstalled or replaced keeps its address, so the Cloudflare
 * pools never point at a dead one. Instances are placed round-robin over the network's
 * {@link dev.tandem.constructs.network.RegionNetwork#zones() zones}.
 *
 * <p><b>Bootstrap and delivery.</b> {@code user_data} is bootstrap only ({@link Bootstrap}: packages, the
 * apply script, a configuration that serves nothing), written beside the stack as
 * {@code haproxy/<id>.cloud-init.yaml}; a change of it would reinstall the instance. The configuration
 * ({@link HaproxyTier#configText()}, also the side file {@code haproxy/<id>.cfg}), the certificate with its key,
 * Cloudflare's address ranges and the origin-pull CA reach the instances through {@link ConfigDelivery}: one {@code terraform_data}
 * per instance, replaced when any of them changes, whose provisioners upload them over SSH and run
 * {@code tandem-haproxy-apply} ({@code haproxy -c}, then a hitless reload, or a refusal that fails the apply
 * and leaves the old configuration serving). A configuration change therefore leaves every instance and
 * floating IP as it is. Instance {@code n + 1} and its delivery wait for instance {@code n}'s delivery, so
 * configuration changes, reinstalls and replacements roll one instance at a time.
 *
 * <p><b>Only this deployment's zone gets in.</b> The instances' security group admits 443 only from
 * Cloudflare's IPv4 ranges ({@code cloudflare_ip_ranges}), and HAProxy closes any other source's connection
 * before TLS (the same ranges, delivered as a file, so a range change is a hitless configuration change). A
 * client certificate from any CA but the {@link dev.tandem.constructs.edge.OriginPullTrust}'s generations fails the handshake; the CA is
 * delivered with the configuration (its digest is in the fingerprint, so a new generation is a hitless
 * change). A request whose SNI or Host is not the {@link HaproxyTierProps.BuilderBase#hostname(String) host
 * name} gets 421, one without a verified client certificate 403 — except the health path, which HAProxy
 * answers before either rule, because whether Cloudflare's monitor presents the zone's certificate is
 * unverified (docs/edge.md, "HTTPS to the origins and authenticated origin pulls"). Port 80 is closed:
 * Cloudflare reaches the origin over HTTPS only (Full (strict)), the edge's monitor probes 443, and a
 * redirect there would open a port nothing needs. SSH and the stats page accept only the
 * {@link HaproxyTierProps.BuilderBase#operatorCidr(String) operator network}.
 *
 * <p><b>Without Cloudflare.</b> With {@link OriginExposure#PUBLIC} (an edge whose clients connect directly, such as
 * Route 53 failover) 443 is open to every source in the security group and in HAProxy, no client certificate is
 * asked for, no Cloudflare provider is needed, and the certificate must be publicly trusted
 * ({@link SuppliedCertificate}); the 421 for another SNI or Host, the health answer and the operators-only SSH and
 * stats page stay.
 *
 * <h2>OriginCertificate: sources and decisions</h2>
 *
 * <p>Three resources: an ECDSA P-256 {@code tls_private_key} (hashicorp/tls 4.2.1; its default curve is
 * P-224, so the curve is set), a {@code tls_cert_request} for the host names, and a
 * {@code cloudflare_origin_ca_certificate} ({@code request_type = "origin-ecc"}), which needs a CSR because
 * it never makes a key itself (cloudflare/terraform-provider-cloudflare v5.22.0,
 * {@code internal/services/origin_ca_certificate/schema.go}). The key is a sensitive value that lives in
 * Terraform state only: the tier hands it to the instances through its delivery, never through user
 * data or a file under {@code cdktf.out}. The stack needs a {@code TlsProvider} and a 5.x
 * {@code CloudflareProvider} whose API token may edit the zone's SSL and certificates (the Origin CA
 * accepts such a token: developers.cloudflare.com/fundamentals/api/get-started/ca-keys/).
 *
 * <p>Every argument of the three resources forces replacement, so a change of host names or validity
 * makes a new key and certificate, which the tier's delivery rolls out instance by instance; that is also
 * how the certificate is rotated (docs/rotation.md: replace the key). All three are created before the old ones are
 * destroyed, so the old certificate is revoked only once the instances serve the new one.
 */
package dev.tandem.constructs.haproxy;
