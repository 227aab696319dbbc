package dev.tandem.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.Testing;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.edge.CloudflarePlan;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeStackTest {
    @TempDir
    Path tmp;

    private static DeploymentSpec onPlan(CloudflarePlan plan) {
        DeploymentSpec ref = ReferenceDeployment.spec();
        return ref.toBuilder().edge(ref.edge().toBuilder().plan(plan).build()).build();
    }

    @Test
    void theReferenceDeploymentNamesItsPlanAndTheEdgeProbesAtThatPlansDefault() {
        DeploymentStacks stacks = DeploymentStacks.build(Testing.app(), ReferenceDeployment.spec());

        assertThat(ReferenceDeployment.spec().edge().plan()).isEqualTo(CloudflarePlan.BUSINESS);
        assertThat(stacks.edge().loadBalancer().props().plan()).isEqualTo(CloudflarePlan.BUSINESS);
        assertThat(stacks.edge().loadBalancer().props().monitor().interval(CloudflarePlan.BUSINESS))
                .isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void anEdgeSpecWithoutAPlanIsOnPro() {
        EdgeSpec reference = ReferenceDeployment.spec().edge();
        assertThat(EdgeSpec.builder().accountId(reference.accountId()).zoneId(reference.zoneId())
                .zoneName(reference.zoneName()).hostname(reference.hostname()).build().plan())
                .isEqualTo(CloudflarePlan.PRO);
    }

    @Test
    void onTheProPlanTheReferenceMissesItsRecoveryTimeBecauseTheMonitorProbesEveryMinute() {
        assertThatThrownBy(() -> Main.synthesize(onPlan(CloudflarePlan.PRO), tmp.resolve("cdktf.out")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("edge/failover: rto = 159 s")
                .hasMessageContaining("cloudflare 130 s")
                .hasMessageContaining("at least 60 s on PRO, 15 s on BUSINESS, 10 s on ENTERPRISE");
    }

    @Test
    void aMissingPlanIsTheEdgesProblem() {
        assertThatThrownBy(() -> onPlan(null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("EdgeSpec: plan = null — is required");
    }
}
