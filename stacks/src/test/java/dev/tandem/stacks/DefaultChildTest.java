package dev.tandem.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.hashicorp.cdktf.Testing;
import org.junit.jupiter.api.Test;

/** Every construct of a deployment names its primary resource as {@code node.defaultChild}, as AWS CDK's do. */
class DefaultChildTest {

    @Test
    void eachConstructsDefaultChildIsItsPrimaryResource() {
        DeploymentStacks stacks = DeploymentStacks.build(Testing.app(), ReferenceDeployment.spec());
        RegionStack primary = stacks.primary();
        RegionStack secondary = stacks.regions().get(1);

        assertThat(primary.globalTables().get(0).getNode().getDefaultChild()).isSameAs(primary.globalTables().get(0).resource());
        assertThat(secondary.replicas().get(0).getNode().getDefaultChild()).isSameAs(secondary.replicas().get(0).resource());
        assertThat(primary.network().getNode().getDefaultChild()).isSameAs(primary.network().resource());
        assertThat(primary.app().getNode().getDefaultChild()).isSameAs(primary.app().resource());
        assertThat(primary.dataAccess().orElseThrow().getNode().getDefaultChild())
                .isSameAs(primary.dataAccess().orElseThrow().resource());
        assertThat(primary.originCertificate().getNode().getDefaultChild())
                .isSameAs(primary.originCertificate().resource());
        assertThat(stacks.edge().loadBalancer().getNode().getDefaultChild())
                .isSameAs(stacks.edge().loadBalancer().resource());
        assertThat(stacks.originPulls().trust().getNode().getDefaultChild()).isSameAs(stacks.originPulls().trust().resource());
    }
}
