package dev.tandem.constructs.core;

import java.util.regex.Pattern;

/** The shape of AWS region names, e.g. {@code eu-west-3}, {@code us-gov-west-1}, {@code cn-north-1}. */
public final class AwsRegions {
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[1-9][0-9]?$");

    private AwsRegions() {
    }

    /** @return true when {@code region} has the shape of an AWS region name */
    public static boolean isValid(String region) {
        return region != null && REGION.matcher(region).matches();
    }
}
