package dev.tandem.stacks;

import dev.tandem.constructs.core.StateBackend;
import dev.tandem.constructs.health.HealthContract;

/**
 * The whole deployment described once: a user's own deployment is another value of this type,
 * not a copy of the stacks.
 *
 * @param appName         short name of the application (a DNS-1123 label); prefixes resource names
 * @param appImage        the app's container image, by tag or digest
 * @param sshKeyName      the operators' SSH key, already registered in the OVH cloud project
 * @param ovhEndpoint     OVH API endpoint, e.g. {@code ovh-eu}
 * @param ovhCloudProject OVH Public Cloud project id (the provider's {@code service_name})
 * @param primary         the active region
 * @param secondary       the standby region
 * @param edge            the Cloudflare side
 * @param health          the health contract every layer follows
 * @param backend         where every stack keeps its state
 */
public record DeploymentSpec(
        String appName,
        String appImage,
        String sshKeyName,
        String ovhEndpoint,
        String ovhCloudProject,
        RegionSpec primary,
        RegionSpec secondary,
        EdgeSpec edge,
        HealthContract health,
        StateBackend backend) {

    /** @return a copy with another state backend */
    public DeploymentSpec withBackend(StateBackend newBackend) {
        return new DeploymentSpec(appName, appImage, sshKeyName, ovhEndpoint, ovhCloudProject, primary, secondary, edge, health,
                newBackend);
    }

    /** @return a copy with another secondary region */
    public DeploymentSpec withSecondary(RegionSpec newSecondary) {
        return new DeploymentSpec(appName, appImage, sshKeyName, ovhEndpoint, ovhCloudProject, primary, newSecondary, edge, health,
                backend);
    }
}
