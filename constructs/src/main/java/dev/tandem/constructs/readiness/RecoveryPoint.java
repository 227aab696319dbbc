package dev.tandem.constructs.readiness;

import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.TableReplica;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link Rule#RECOVERY_POINT}: what a region failover may lose. Only the global tables hold data; the
 * app, HAProxy and the edge are rebuilt from Terraform and lose nothing.
 *
 * <p>Global tables (version 2019.11.21, multi-Region eventual consistency) replicate asynchronously,
 * typically within a second, and resolve concurrent writes by last writer wins; AWS states no upper
 * bound, so the figure is the typical lag, not a guarantee (watch {@code ReplicationLatency}).
 */
final class RecoveryPoint {
    /** The typical replication lag of a global table with eventual consistency. */
    static final Duration TYPICAL_REPLICATION_LAG = Duration.ofSeconds(1);

    private RecoveryPoint() {
    }

    static List<LayerDataLoss> layers(FailoverChain chain) {
        List<LayerDataLoss> layers = new ArrayList<>();
        chain.active().ifPresent(active -> {
            layers.add(new LayerDataLoss("kubernetes", active.appPath(), Duration.ZERO,
                    "stateless: the app keeps its data in the global table"));
            layers.add(new LayerDataLoss("haproxy", active.haproxyPath(), Duration.ZERO,
                    "stateless: configuration comes from Terraform"));
        });
        chain.edge().ifPresent(edge -> layers.add(new LayerDataLoss("cloudflare", edge.getNode().getPath(),
                Duration.ZERO, "stateless: configuration comes from Terraform")));
        chain.dnsEdge().ifPresent(edge -> layers.add(new LayerDataLoss("route53", edge.getNode().getPath(),
                Duration.ZERO, "stateless: configuration comes from Terraform")));
        for (GlobalTable table : chain.tables()) {
            layers.add(new LayerDataLoss("dynamodb", table.getNode().getPath(), TYPICAL_REPLICATION_LAG,
                    "asynchronous replication " + table.region() + " → " + table.replicas().stream()
                            .map(TableReplica::region).collect(Collectors.joining(", "))
                            + ", typically within a second, last writer wins; no guaranteed bound"));
        }
        return layers;
    }

    static Duration total(List<LayerDataLoss> layers) {
        return layers.stream().map(LayerDataLoss::typical).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    static List<CheckResult> check(FailoverChain chain, DrTargets targets) {
        List<CheckResult> results = new ArrayList<>();
        for (GlobalTable table : chain.tables()) {
            String path = table.getNode().getPath();
            boolean ok = targets.rpo().compareTo(TYPICAL_REPLICATION_LAG) >= 0;
            String fix = targets.rpo().isZero()
                    ? "an RPO of zero needs multi-Region strong consistency (DynamoDB MRSC: three Regions, as "
                            + "replicas or two replicas and a witness, set when the global table is created; "
                            + "GlobalTable and the pinned hashicorp/aws 5.100.0 cannot express it); or relax "
                            + "DrTargets rpo to " + Durations.text(TYPICAL_REPLICATION_LAG) + " or more"
                    : "relax DrTargets rpo to " + Durations.text(TYPICAL_REPLICATION_LAG) + " or more, or use "
                            + "multi-Region strong consistency (DynamoDB MRSC) for zero";
            results.add(CheckResult.of(Rule.RECOVERY_POINT, path, "rpo", ok,
                    "eventual consistency, typical lag " + Durations.text(TYPICAL_REPLICATION_LAG),
                    "a lag within the RPO target " + Durations.text(targets.rpo()), fix));
        }
        return results;
    }
}
