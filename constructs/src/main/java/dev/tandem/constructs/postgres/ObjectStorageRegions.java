package dev.tandem.constructs.postgres;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The OVH Object Storage (S3) region serving each OVH Public Cloud region, and its endpoint.
 *
 * <p>Source: OVH guide "Object Storage - Endpoints and Object Storage geoavailability" (github.com/ovh/docs
 * {@code pages/storage_and_backup/object_storage/s3_location/guide.en-gb.md}, updated 2026-02-03): one
 * endpoint per region, {@code https://s3.<region>.io.cloud.ovh.net}, the region "to be entered in lower
 * case" (gra, rbx, sbg, eu-west-par, eu-south-mil, de, uk, waw, bhs, ca-east-tor, sgp, ap-southeast-syd,
 * ap-south-mum). Which Public Cloud region codes map to which storage region is ours, from the site each
 * code names (GRA11 → gra, DE1 → de, …); OVH publishes no such table (unverified). A region not listed
 * here is refused until it is added.
 */
final class ObjectStorageRegions {
    private static final Map<String, String> BY_CLOUD_REGION = new TreeMap<>(Map.ofEntries(
            Map.entry("EU-WEST-PAR", "eu-west-par"), Map.entry("EU-SOUTH-MIL", "eu-south-mil"),
            Map.entry("GRA5", "gra"), Map.entry("GRA7", "gra"), Map.entry("GRA9", "gra"), Map.entry("GRA11", "gra"),
            Map.entry("SBG5", "sbg"), Map.entry("EU-WEST-RBX", "rbx"), Map.entry("DE1", "de"),
            Map.entry("UK1", "uk"), Map.entry("WAW1", "waw"), Map.entry("BHS5", "bhs"),
            Map.entry("CA-EAST-TOR", "ca-east-tor"), Map.entry("SGP1", "sgp"), Map.entry("SYD1", "ap-southeast-syd"),
            Map.entry("AP-SOUTH-MUM", "ap-south-mum")));

    private ObjectStorageRegions() {
    }

    /** @return the storage region (lower case) serving Public Cloud region {@code cloudRegion}, if known */
    static Optional<String> of(String cloudRegion) {
        return Optional.ofNullable(cloudRegion == null ? null : BY_CLOUD_REGION.get(cloudRegion));
    }

    /** @return the S3 endpoint of storage region {@code storageRegion} */
    static String endpoint(String storageRegion) {
        return "https://s3." + storageRegion + ".io.cloud.ovh.net";
    }

    /** @return the regions known here, for messages */
    static String known() {
        return String.join(", ", BY_CLOUD_REGION.keySet());
    }
}
