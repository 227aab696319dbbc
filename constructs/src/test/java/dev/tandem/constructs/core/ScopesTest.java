package dev.tandem.constructs.core;

import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.access.AppDataAccess;
import dev.tandem.constructs.edge.CloudflareFailoverLb;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.constructs.haproxy.OriginCertificate;
import dev.tandem.constructs.k8s.K8sAppCluster;
import dev.tandem.constructs.network.RegionNetwork;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.TableReplica;
import dev.tandem.constructs.testing.Rejections;
import dev.tandem.constructs.testing.TestStacks;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScopesTest {

    static Stream<Arguments> constructs() {
        return Stream.of(
                construct("GlobalTable", (s, id) -> GlobalTable.Builder.create(s, id).build()),
                construct("TableReplica", (s, id) -> TableReplica.Builder.create(s, id).build()),
                construct("AppDataAccess", (s, id) -> AppDataAccess.Builder.create(s, id).build()),
                construct("OriginCertificate", (s, id) -> OriginCertificate.Builder.create(s, id).build()),
                construct("HaproxyTier", (s, id) -> HaproxyTier.Builder.create(s, id).build()),
                construct("RegionNetwork", (s, id) -> RegionNetwork.Builder.create(s, id).build()),
                construct("K8sAppCluster", (s, id) -> K8sAppCluster.Builder.create(s, id).build()),
                construct("CloudflareFailoverLb", (s, id) -> CloudflareFailoverLb.Builder.create(s, id).build()));
    }

    private static Arguments construct(String type, BiConsumer<TerraformStack, String> create) {
        return Arguments.of(type, create);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructs")
    void anIdHoldingATerraformTemplateIsRefusedBecauseResourceNamesDeriveFromIt(String type,
            BiConsumer<TerraformStack, String> create) {
        TerraformStack stack = TestStacks.awsStack();
        Rejections.assertRejected(() -> create.accept(stack, "ops-${path.cwd}"), "test/ops-${path.cwd}", "id",
                "ops-${path.cwd}", "must not hold ${ or %{");
        Rejections.assertRejected(() -> create.accept(stack, "ops%{endif}"), "test/ops%{endif}", "id",
                "ops%{endif}", "must not hold ${ or %{");
    }
}
