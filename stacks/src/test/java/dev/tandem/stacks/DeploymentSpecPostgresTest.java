package dev.tandem.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.constructs.core.ValidationException;
import org.junit.jupiter.api.Test;

class DeploymentSpecPostgresTest {

    @Test
    void theVariantKeepsItsSessionsInPostgresqlWrittenInTheFirstRegion() {
        DeploymentSpec spec = ReferenceDeployment.postgresSpec();

        assertThat(spec.tables()).isEmpty();
        assertThat(spec.postgres()).hasValueSatisfying(db -> {
            assertThat(db.primaryRegion()).isEqualTo(spec.regions().get(0).ovhRegion());
            assertThat(db.regions()).containsExactly("EU-WEST-PAR", "DE1");
        });
        assertThat(spec.toBuilder().build().postgres()).isEqualTo(spec.postgres());
    }

    @Test
    void aDatabaseOnOtherRegionsOrWritingInTheStandbyIsRefused() {
        assertThatThrownBy(() -> ReferenceDeployment.postgresSpec().toBuilder()
                .postgres(ReferenceDeployment.sessionsDatabase().toBuilder().regions("EU-WEST-PAR", "GRA11").build())
                .build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("postgres.regions = [EU-WEST-PAR, GRA11] — must be the deployment's two OVH regions "
                        + "[EU-WEST-PAR, DE1]");
        assertThatThrownBy(() -> ReferenceDeployment.postgresSpec().toBuilder()
                .postgres(ReferenceDeployment.sessionsDatabase().toBuilder().primaryRegion("DE1").build())
                .build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("postgres.primaryRegion = DE1 — must be the first region's, EU-WEST-PAR");
    }
}
