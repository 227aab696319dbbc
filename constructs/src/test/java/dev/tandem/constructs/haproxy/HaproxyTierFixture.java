package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.network.RegionNetwork;
import java.util.List;
import software.constructs.Construct;

/** A valid tier for tests here and in the end-to-end module (through the test jar). */
public final class HaproxyTierFixture {
    /** A syntactically valid OVH project id. */
    public static final String PROJECT = "0123456789abcdef0123456789abcdef";

    private HaproxyTierFixture() {
    }

    /**
     * @return a builder for tier {@code haproxy} in a one-zone region (network {@code 10.10.0.0/16}) with two
     *     app servers on port 8080; change what a test is about, build
     */
    public static HaproxyTier.Builder minimal(Construct stack) {
        RegionNetwork network = RegionNetwork.Builder.create(stack, "network").cloudProject(PROJECT).region("GRA11")
                .vlanId(10).cidr("10.10.0.0/16").build();
        return HaproxyTier.Builder.create(stack, "haproxy")
                .cloudProject(PROJECT)
                .network(network)
                .flavorId("flavor-uuid")
                .imageId("image-uuid")
                .sshKey(SshKey.existing("ops"))
                .health(HealthContract.defaults())
                .servers(List.of(BackendServer.of("app-1", "10.10.1.5", 8080),
                        BackendServer.of("app-2", "10.10.1.6", 8080)));
    }
}
