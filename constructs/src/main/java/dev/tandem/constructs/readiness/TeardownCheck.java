package dev.tandem.constructs.readiness;

import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.TableReplica;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Rule#TEARDOWN}: every table or replica synthesized without its destroy guard is named on the console
 * at every synth, so a teardown left in the description cannot go unnoticed.
 */
final class TeardownCheck {
    private TeardownCheck() {
    }

    static List<CheckResult> check(FailoverChain chain) {
        List<CheckResult> results = new ArrayList<>();
        for (GlobalTable table : chain.tables()) {
            if (table.props().teardown()) {
                results.add(finding(table.getNode().getPath()));
            }
            for (TableReplica replica : table.replicas()) {
                if (replica.props().teardown(table.props())) {
                    results.add(finding(replica.getNode().getPath()));
                }
            }
        }
        return results;
    }

    private static CheckResult finding(String path) {
        return CheckResult.of(Rule.TEARDOWN, path, "teardown", false, "true (no prevent_destroy, no deletion protection)",
                "false, except in the change that tears the deployment down",
                "remove teardown(true) unless this change is the teardown");
    }
}
