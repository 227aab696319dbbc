package dev.tandem.stacks;

/**
 * The edge: the Cloudflare zone and name that fail over between the regions.
 *
 * @param stackName the cdktf stack name, e.g. {@code edge}
 * @param accountId Cloudflare account id (monitors and pools live there)
 * @param zoneId    Cloudflare zone id
 * @param zoneName  the zone, e.g. {@code example.com}
 * @param hostname  the balanced name, e.g. {@code app.example.com}; also the Host header every
 *                  layer's health check sends and the Ingress host
 */
public record EdgeSpec(String stackName, String accountId, String zoneId, String zoneName, String hostname) {
}
