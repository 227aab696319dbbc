package dev.tandem.e2e.battery;

import dev.tandem.constructs.readiness.DrTargets;
import dev.tandem.constructs.table.Attribute;
import dev.tandem.constructs.table.GlobalTableProps;
import dev.tandem.stacks.DeploymentSpec;
import dev.tandem.stacks.EdgeSpec;
import dev.tandem.stacks.InstanceSpec;
import dev.tandem.stacks.RegionSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A team's own deployment, written as a user writes one (builders only, none of the reference
 * deployment's values): orders in Paris (active) and Milan, both three-zone regions, one table. The
 * battery changes one value of it per case.
 */
final class UserDeployment {
    private UserDeployment() {
    }

    static DeploymentSpec.Builder deployment() {
        return deployment(paris(), milan());
    }

    /** @return the deployment with these regions, built at the call (a null builder is a null region) */
    static DeploymentSpec.Builder deployment(RegionSpec.Builder... regions) {
        return DeploymentSpec.builder()
                .appName("orders")
                .appImage("registry.acme.io/shop/orders:2.3.1")
                .sshKeyName("acme-ops")
                .operatorCidr("93.184.216.34/32")
                .ovhCloudProject("5e0c1a2b3c4d5e6f708192a3b4c5d6e7")
                .regions(Arrays.stream(regions).map(r -> r == null ? null : r.build()).toList())
                .edge(edge().build())
                .drTargets(DrTargets.builder().rto(Duration.ofMinutes(3)).rpo(Duration.ofSeconds(15)).build())
                .tables(List.of(ordersTable().build()));
    }

    static RegionSpec.Builder paris() {
        return RegionSpec.builder()
                .stackName("paris")
                .ovhRegion("EU-WEST-PAR")
                .ovhZones(List.of("eu-west-par-a", "eu-west-par-b", "eu-west-par-c"))
                .awsRegion("eu-west-3")
                .vlanId(100)
                .privateCidr("10.100.0.0/16")
                .haproxy(instances().build());
    }

    static RegionSpec.Builder milan() {
        return milanWithoutVlan().vlanId(200);
    }

    static RegionSpec.Builder milanWithoutVlan() {
        return RegionSpec.builder()
                .stackName("milan")
                .ovhRegion("EU-SOUTH-MIL")
                .awsRegion("eu-south-1")
                .privateCidr("10.200.0.0/16")
                .haproxy(instances().build());
    }

    static InstanceSpec.Builder instances() {
        return InstanceSpec.builder()
                .flavorId("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")
                .imageId("0f1e2d3c-4b5a-4697-8877-66554433aa22");
    }

    static EdgeSpec.Builder edge() {
        return EdgeSpec.builder()
                .accountId("0a1b2c3d4e5f60718293a4b5c6d7e8f9")
                .zoneId("f9e8d7c6b5a4938271605f4e3d2c1b0a")
                .zoneName("acme.io")
                .hostname("orders.acme.io");
    }

    static GlobalTableProps.Builder ordersTable() {
        return GlobalTableProps.builder()
                .tableName("acme-orders")
                .partitionKey(Attribute.string("orderId"))
                .sortKey(Attribute.number("version"))
                .timeToLiveAttribute("expiresAt");
    }
}
