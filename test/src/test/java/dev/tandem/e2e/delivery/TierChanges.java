package dev.tandem.e2e.delivery;

import dev.tandem.constructs.haproxy.Timeouts;
import dev.tandem.stacks.DeploymentSpec;
import dev.tandem.stacks.InstanceSpec;
import dev.tandem.stacks.ReferenceDeployment;
import dev.tandem.stacks.RegionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Changes of the HAProxy tier an operator makes, as variants of the reference deployment. */
public final class TierChanges {
    private TierChanges() {
    }

    /** @return the reference with a longer server timeout: a change of the tiers' configuration only */
    public static DeploymentSpec configOnly() {
        return ReferenceDeployment.spec().toBuilder()
                .customizeHaproxy((region, tier) -> tier.timeouts(Timeouts.builder().server(Duration.ofSeconds(90))
                        .build()))
                .build();
    }

    /** @return the reference with another image for the primary's HAProxy instances */
    public static DeploymentSpec newPrimaryImage() {
        DeploymentSpec reference = ReferenceDeployment.spec();
        RegionSpec primary = reference.primary();
        List<RegionSpec> regions = new ArrayList<>(reference.regions());
        regions.set(0, primary.toBuilder().haproxy(InstanceSpec.builder().flavorId(primary.haproxy().flavorId())
                .imageId("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d").build()).build());
        return reference.toBuilder().regions(regions).build();
    }
}
