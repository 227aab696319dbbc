package dev.tandem.stacks;

import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.Scopes;
import dev.tandem.constructs.network.SharedPrivateNetwork;
import dev.tandem.providers.ovh.provider.OvhProvider;
import software.constructs.Construct;

/**
 * The owner stack of a deployment's {@link SharedNetworkSpec}: one {@link SharedPrivateNetwork} spanning every
 * region, with each region's subnet and gateway. The region stacks read its ids (cross-stack references), so
 * it is applied before them and destroyed after them. Keeping it apart means no region stack holds the other
 * region's subnet, and changing one region never plans the network of both.
 */
public class NetworkStack extends TerraformStack {
    private final SharedPrivateNetwork network;

    /** Made by {@link DeploymentStacks#build}, after the description has been checked. */
    NetworkStack(Construct scope, DeploymentSpec deployment, SharedNetworkSpec spec) {
        super(Scopes.checked(scope, spec.stackName(), "NetworkStack"), spec.stackName());
        deployment.backend().applyTo(this);
        OvhProvider.Builder.create(this, "ovh").endpoint(deployment.ovhEndpoint().providerValue()).build();
        SharedPrivateNetwork.Builder b = SharedPrivateNetwork.Builder.create(this, "shared")
                .cloudProject(deployment.ovhCloudProject())
                .vlanId(spec.vlanId())
                .cidr(spec.cidr())
                .pools(spec.poolsFor(deployment.regions().stream().map(RegionSpec::ovhRegion).toList()).orElseThrow());
        deployment.sharedNetworkCustomizer().accept(b);
        this.network = b.build();
    }

    /** @return the network every region joins */
    public SharedPrivateNetwork network() {
        return network;
    }
}
