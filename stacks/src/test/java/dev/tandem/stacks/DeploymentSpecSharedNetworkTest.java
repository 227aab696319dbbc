package dev.tandem.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.Testing;
import dev.tandem.constructs.core.ValidationException;
import dev.tandem.constructs.network.GatewaySize;
import dev.tandem.constructs.network.GatewaySpec;
import dev.tandem.constructs.network.SharedPrivateNetwork;
import dev.tandem.constructs.network.RegionPool;
import dev.tandem.constructs.postgres.ReplicationMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A deployment whose regions join one shared network ({@link SharedNetworkSpec}), as PostgreSQL streaming needs. */
class DeploymentSpecSharedNetworkTest {

    @Test
    void theRangeIsCutIntoOneBlockPerRegionWithGatewayFixedAddressesAndPool() {
        SharedNetworkSpec spec = SharedNetworkSpec.builder().vlanId(30).cidr("10.30.0.0/16").build();
        assertThat(spec.poolsFor(List.of("EU-WEST-PAR", "DE1"))).contains(List.of(
                RegionPool.of("EU-WEST-PAR", "10.30.0.18", "10.30.127.254", "10.30.0.1"),
                RegionPool.of("DE1", "10.30.128.18", "10.30.255.254", "10.30.128.1")));
        // Three regions take quarters; the fourth quarter stays free.
        assertThat(spec.poolsFor(List.of("EU-WEST-PAR", "DE1", "GRA11")).orElseThrow()).extracting(RegionPool::gateway)
                .containsExactly("10.30.0.1", "10.30.64.1", "10.30.128.1");
        assertThat(SharedNetworkSpec.builder().vlanId(30).cidr("10.30.0.0/26").build()
                .poolsFor(List.of("EU-WEST-PAR", "DE1"))).isEmpty();
    }

    @Test
    void theStreamingReferenceHasANetworkStackThatItsRegionsJoin() {
        DeploymentSpec spec = ReferenceDeployment.postgresStreamingSpec();
        assertThat(spec.sharedNetwork()).hasValueSatisfying(n -> assertThat(n.stackName()).isEqualTo("network"));
        assertThat(spec.regions()).allSatisfy(r -> {
            assertThat(r.vlanId()).isNull();
            assertThat(r.privateCidr()).isNull();
        });
        assertThat(spec.toBuilder().build().sharedNetwork()).isEqualTo(spec.sharedNetwork());
    }

    @Test
    void theNetworkStackHoldsTheSharedNetworkThatEachRegionJoinsAndTheHookAdjustsIt() {
        DeploymentSpec spec = ReferenceDeployment.postgresStreamingSpec().toBuilder()
                .customizeSharedNetwork(n -> n.podsCidr("10.7.0.0/16")
                        .gateway(GatewaySpec.builder().size(GatewaySize.M).build())).build();
        DeploymentStacks stacks = DeploymentStacks.build(Testing.app(), spec);

        SharedPrivateNetwork shared = stacks.network().orElseThrow().network();
        assertThat(shared.regions()).containsExactly("EU-WEST-PAR", "DE1");
        assertThat(shared.props().podsCidr()).contains("10.7.0.0/16");
        assertThat(shared.gateway("DE1").orElseThrow().getModelInput()).isEqualTo(GatewaySize.M.apiValue());
        assertThat(stacks.regions()).allSatisfy(r -> assertThat(r.network().sharedNetwork()).containsSame(shared));
        assertThatThrownBy(() -> DeploymentStacks.build(Testing.app(), ReferenceDeployment.postgresStreamingSpec()
                .toBuilder().customizeSharedNetwork(n -> n.podsCidr("10.30.0.0/20")).build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("network/shared: podsCidr = 10.30.0.0/20");
        // Without the shared network's gateways the multi-zone cluster is refused, pointing at the shared network.
        assertThatThrownBy(() -> DeploymentStacks.build(Testing.app(), ReferenceDeployment.postgresStreamingSpec()
                .toBuilder().customizeSharedNetwork(n -> n.gateway(GatewaySpec.none())).build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Fix: build network/shared without gateway(GatewaySpec.none())");
        assertThat(DeploymentStacks.build(Testing.app(), ReferenceDeployment.spec()).network()).isEmpty();
    }

    @Test
    void streamingWithoutASharedNetworkIsRefusedNamingTheFix() {
        DeploymentSpec archiveOnly = ReferenceDeployment.postgresSpec();
        assertThatThrownBy(() -> archiveOnly.toBuilder().postgres(ReferenceDeployment.postgresStreamingSpec().postgres()
                .orElseThrow()).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("postgres.replicationMode = STREAMING — streams between the regions")
                .hasMessageContaining("add sharedNetwork(SharedNetworkSpec.builder()");
        assertThat(ReferenceDeployment.postgresStreamingSpec().postgres().orElseThrow().replicationMode())
                .isEqualTo(ReplicationMode.STREAMING);
    }

    @Test
    void regionsThatKeepTheirOwnVlanOrRangeBesideASharedNetworkAreRefused() {
        DeploymentSpec reference = ReferenceDeployment.spec();
        assertThatThrownBy(() -> reference.toBuilder()
                .sharedNetwork(SharedNetworkSpec.builder().vlanId(30).cidr("10.30.0.0/16").build()).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("regions[0].vlanId = 10 — is set, but the regions join the sharedNetwork")
                .hasMessageContaining("regions[1].privateCidr = 10.20.0.0/16 — is set, but the regions join the sharedNetwork");
    }

    @Test
    void withoutASharedNetworkEachRegionNeedsItsVlanAndRange() {
        DeploymentSpec reference = ReferenceDeployment.spec();
        assertThatThrownBy(() -> reference.toBuilder().regions(reference.regions().stream()
                .map(r -> r.toBuilder().vlanId(null).build()).toList()).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("regions[0].vlanId")
                .hasMessageContaining("or give the deployment a sharedNetwork");
    }

    @Test
    void aTooSmallRangeWrongPoolsOrATakenStackNameAreRefused() {
        DeploymentSpec streaming = ReferenceDeployment.postgresStreamingSpec();
        assertThatThrownBy(() -> streaming.toBuilder()
                .sharedNetwork(SharedNetworkSpec.builder().vlanId(30).cidr("10.30.0.0/26").build()).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("sharedNetwork.cidr = 10.30.0.0/26 — is too small to cut into 2 blocks");
        assertThatThrownBy(() -> streaming.toBuilder().sharedNetwork(SharedNetworkSpec.builder().vlanId(30)
                .cidr("10.30.0.0/16").pools(List.of(RegionPool.of("GRA11", "10.30.0.18", "10.30.0.200", "10.30.0.1")))
                .build()).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("sharedNetwork.pools = [GRA11] — must give one pool to each of the deployment's "
                        + "OVH regions [EU-WEST-PAR, DE1]");
        assertThatThrownBy(() -> streaming.toBuilder().sharedNetwork(SharedNetworkSpec.builder().stackName("edge")
                .vlanId(30).cidr("10.30.0.0/16").build()).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("sharedNetwork.stackName = edge — is also the name of a region's or the edge's stack");
    }
}
