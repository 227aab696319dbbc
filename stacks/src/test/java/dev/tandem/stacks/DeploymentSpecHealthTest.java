package dev.tandem.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.health.HealthScope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The health contract a deployment gets when it names none. */
class DeploymentSpecHealthTest {

    /** The reference deployment described again, without its health contract. */
    private static DeploymentSpec.Builder withoutHealth() {
        DeploymentSpec ref = ReferenceDeployment.spec();
        return DeploymentSpec.builder().appName(ref.appName()).appImage(ref.appImage()).sshKeyName(ref.sshKeyName())
                .operatorCidr(ref.operatorCidr()).ovhCloudProject(ref.ovhCloudProject()).regions(ref.regions())
                .edge(ref.edge()).drTargets(ref.drTargets()).acceptedRisks(ref.acceptedRisks())
                .tables(ref.tables()).tableAccess(ref.tableAccess());
    }

    @Test
    void aDeploymentWithTablesDefaultsToHealthThatCoversItsData() {
        DeploymentSpec spec = withoutHealth().build();

        assertThat(spec.health().scope()).isEqualTo(HealthScope.APP_AND_DATA);
        assertThat(spec.health().toBuilder().scope(HealthScope.APP).build())
                .as("everything else is the contract's own default").isEqualTo(HealthContract.defaults());
    }

    @Test
    void aDeploymentWithoutTablesDefaultsToTheAppAlone() {
        DeploymentSpec spec = withoutHealth().tables(List.of()).tableAccess(Map.of()).build();

        assertThat(spec.health()).isEqualTo(HealthContract.defaults());
        assertThat(spec.health().scope()).isEqualTo(HealthScope.APP);
    }

    @Test
    void anExplicitContractIsKeptEvenWithTables() {
        DeploymentSpec spec = withoutHealth().health(HealthContract.defaults()).build();

        assertThat(spec.health().scope()).isEqualTo(HealthScope.APP);
        assertThat(spec.toBuilder().build().health().scope()).as("toBuilder keeps it").isEqualTo(HealthScope.APP);
    }

    @Test
    void anExplicitNullContractIsStillRefused() {
        assertThatThrownBy(() -> withoutHealth().health(null).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("DeploymentSpec: health = null — is required");
    }
}
