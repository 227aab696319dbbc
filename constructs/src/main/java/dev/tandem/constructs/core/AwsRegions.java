package dev.tandem.constructs.core;

import java.util.Set;
import java.util.TreeSet;

/**
 * The AWS regions Tandem accepts: exactly those the pinned hashicorp/aws 5.100.0 provider knows
 * (its endpoint data; read from the provider binary in the machine's mirror on 2026-11-26). The
 * provider refuses any other region at plan time unless {@code skip_region_validation} is set, so a
 * region opened after that release needs a provider upgrade anyway.
 */
public final class AwsRegions {
    private static final Set<String> KNOWN = Set.of(
            "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
            "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-southeast-7", "ca-central-1", "ca-west-1", "cn-north-1", "cn-northwest-1",
            "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2",
            "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1",
            "us-east-1", "us-east-2", "us-gov-east-1", "us-gov-west-1", "us-iso-east-1", "us-iso-west-1",
            "us-isob-east-1", "us-isof-east-1", "us-isof-south-1", "us-west-1", "us-west-2");

    private AwsRegions() {
    }

    /** @return true when {@code region} is a region the pinned AWS provider knows */
    public static boolean isValid(String region) {
        return region != null && KNOWN.contains(region);
    }

    /** @return the regions, sorted, for error messages */
    public static Set<String> all() {
        return new TreeSet<>(KNOWN);
    }
}
