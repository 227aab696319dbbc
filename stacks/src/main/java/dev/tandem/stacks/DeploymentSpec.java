package dev.tandem.stacks;

import dev.tandem.constructs.core.StateBackend;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.readiness.AcceptedRisk;
import dev.tandem.constructs.readiness.DrTargets;
import java.util.List;

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
 * @param drTargets       the recovery objectives the DR readiness pass holds the deployment to
 * @param acceptedRisks   single points of failure and capacity gaps the team accepts, each with its
 *                        reason (printed in {@code dr-report.md})
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
        StateBackend backend,
        DrTargets drTargets,
        List<AcceptedRisk> acceptedRisks) {

    /** Copies the accepted risks. */
    public DeploymentSpec {
        acceptedRisks = List.copyOf(acceptedRisks);
    }

    /** @return a copy with another state backend */
    public DeploymentSpec withBackend(StateBackend newBackend) {
        return new DeploymentSpec(appName, appImage, sshKeyName, ovhEndpoint, ovhCloudProject, primary, secondary, edge, health,
                newBackend, drTargets, acceptedRisks);
    }

    /** @return a copy with another secondary region */
    public DeploymentSpec withSecondary(RegionSpec newSecondary) {
        return new DeploymentSpec(appName, appImage, sshKeyName, ovhEndpoint, ovhCloudProject, primary, newSecondary, edge, health,
                backend, drTargets, acceptedRisks);
    }

    /** @return a copy with other recovery objectives */
    public DeploymentSpec withDrTargets(DrTargets newTargets) {
        return new DeploymentSpec(appName, appImage, sshKeyName, ovhEndpoint, ovhCloudProject, primary, secondary, edge, health,
                backend, newTargets, acceptedRisks);
    }

    /** @return a copy accepting other risks */
    public DeploymentSpec withAcceptedRisks(List<AcceptedRisk> newRisks) {
        return new DeploymentSpec(appName, appImage, sshKeyName, ovhEndpoint, ovhCloudProject, primary, secondary, edge, health,
                backend, drTargets, newRisks);
    }
}
