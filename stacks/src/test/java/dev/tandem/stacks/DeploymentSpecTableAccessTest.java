package dev.tandem.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.constructs.access.AccessLevel;
import dev.tandem.constructs.access.TableAccess;
import dev.tandem.constructs.core.ValidationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentSpecTableAccessTest {

    @Test
    void everyTableIsReadAndWrittenUnlessTheDeploymentSaysOtherwise() {
        DeploymentSpec spec = ReferenceDeployment.spec().toBuilder()
                .tableAccess(Map.of("tandem-sessions", TableAccess.builder().level(AccessLevel.READ_ONLY).build()))
                .build();

        assertThat(spec.tableAccess("tandem-sessions").level()).isEqualTo(AccessLevel.READ_ONLY);
        assertThat(ReferenceDeployment.spec().toBuilder().tableAccess(Map.of()).build().tableAccess("tandem-sessions"))
                .isEqualTo(TableAccess.readWrite());
    }

    @Test
    void anAccessForAnUnknownTableANullOrABadNameIsRefusedWithItsKey() {
        Map<String, TableAccess> bad = new HashMap<>();
        bad.put("orders", TableAccess.readWrite());
        bad.put("tandem-sessions", TableAccess.builder().logicalName("sessions").build());

        assertThatThrownBy(() -> ReferenceDeployment.spec().toBuilder().tableAccess(bad).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("tableAccess[orders] = orders — names no table of tables()")
                .hasMessageContaining("tableAccess[tandem-sessions].logicalName = sessions — must be upper-case");
        assertThatThrownBy(() -> ReferenceDeployment.spec().toBuilder().tableAccess(null).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("tableAccess = null — is required");
        assertThatThrownBy(() -> ReferenceDeployment.spec().toBuilder().customizeDataAccess(null).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("customizeDataAccess = null — is required");
    }
}
