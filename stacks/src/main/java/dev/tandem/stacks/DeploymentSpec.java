package dev.tandem.stacks;

import dev.tandem.constructs.health.HealthContract;

/**
 * The whole deployment described once: a user's own deployment is another value of this type,
 * not a copy of the stacks.
 *
 * @param appName        short name of the application; prefixes resource names
 * @param ovhEndpoint    OVH API endpoint, e.g. {@code ovh-eu}
 * @param ovhCloudProject OVH Public Cloud project id (the provider's {@code service_name})
 * @param primary        the active region
 * @param secondary      the standby region
 * @param health         the health contract every layer follows
 */
public record DeploymentSpec(
        String appName,
        String ovhEndpoint,
        String ovhCloudProject,
        RegionSpec primary,
        RegionSpec secondary,
        HealthContract health) {
}
