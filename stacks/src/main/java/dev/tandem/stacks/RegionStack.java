package dev.tandem.stacks;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.providers.ovh.provider.OvhProvider;
import java.util.Map;
import software.constructs.Construct;

/**
 * One region's stack with its providers configured (AWS in the region's AWS region, OVH on the
 * deployment's endpoint) and the region's private network. Credentials are never set here; each provider reads them from the
 * environment of whoever runs {@code cdktf deploy} (see README).
 */
public class RegionStack extends TerraformStack {
    private final DeploymentSpec deployment;
    private final RegionSpec region;
    private final AwsProvider aws;
    private final OvhProvider ovh;
    private final RegionNetwork network;

    /**
     * @param scope      the app
     * @param deployment the deployment this region belongs to
     * @param region     this region
     */
    public RegionStack(Construct scope, DeploymentSpec deployment, RegionSpec region) {
        super(scope, region.stackName());
        deployment.backend().applyTo(this);
        this.deployment = deployment;
        this.region = region;
        this.aws = AwsProvider.Builder.create(this, "aws")
                .region(region.awsRegion())
                .defaultTags(java.util.List.of(AwsProviderDefaultTags.builder()
                        .tags(Map.of("tandem:app", deployment.appName(), "tandem:stack", region.stackName()))
                        .build()))
                .build();
        this.ovh = OvhProvider.Builder.create(this, "ovh")
                .endpoint(deployment.ovhEndpoint())
                .build();
        this.network = new RegionNetwork(this, "network", deployment.ovhCloudProject(), region.ovhRegion(),
                region.vlanId(), region.privateCidr());
    }

    /** @return the region's private network, shared by the HAProxy tier and the Kubernetes nodes */
    public RegionNetwork network() {
        return network;
    }

    /** @return the deployment description */
    public DeploymentSpec deployment() {
        return deployment;
    }

    /** @return this region's description */
    public RegionSpec region() {
        return region;
    }

    /** @return the AWS provider of this stack */
    public AwsProvider aws() {
        return aws;
    }

    /** @return the OVH provider of this stack */
    public OvhProvider ovh() {
        return ovh;
    }
}
