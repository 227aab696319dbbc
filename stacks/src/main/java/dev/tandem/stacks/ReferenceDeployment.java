package dev.tandem.stacks;

import dev.tandem.constructs.core.StateBackend;
import dev.tandem.constructs.health.HealthContract;
import java.util.List;

/** The reference deployment this repository synthesizes: Paris (three zones) active, Frankfurt standby. */
public final class ReferenceDeployment {
    private ReferenceDeployment() {
    }

    /** @return the reference description */
    public static DeploymentSpec spec() {
        return new DeploymentSpec(
                "tandem",
                "registry.example.com/tandem/app:1.0.0",
                "ovh-eu",
                "0123456789abcdef0123456789abcdef",
                new RegionSpec("primary", "EU-WEST-PAR", List.of("eu-west-par-a", "eu-west-par-b", "eu-west-par-c"),
                        "eu-west-3", 10, "10.10.0.0/16"),
                new RegionSpec("secondary", "DE1", List.of(), "eu-central-1", 20, "10.20.0.0/16"),
                new EdgeSpec("edge", "00112233445566778899aabbccddeeff", "ffeeddccbbaa99887766554433221100",
                        "example.com", "app.example.com"),
                HealthContract.defaults(),
                StateBackend.local());
    }
}
