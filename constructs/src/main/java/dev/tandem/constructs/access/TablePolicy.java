package dev.tandem.constructs.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statements of a region's app policy, built from its grants: per table, its {@link AccessLevel}'s
 * actions on the table's ARN in this region, reads on each of its indexes' ARNs, and the stream reads
 * when asked. Every ARN is built from the table's name, the grant's region, the account and the
 * partition (ARN formats: Service Authorization Reference, Amazon DynamoDB, "Resource types"):
 * {@code arn:<partition>:dynamodb:<region>:<account>:table/<name>}, {@code …/index/<index>},
 * {@code …/stream/*}. No action and no resource is {@code *}.
 */
public final class TablePolicy {
    private TablePolicy() {
    }

    /**
     * @param grants    the region's validated grants
     * @param partition the AWS partition, e.g. {@code aws} (a Terraform reference in the construct)
     * @param account   the account id (a Terraform reference in the construct)
     * @return the statements, one to three per table, in the grants' order
     */
    public static List<PolicyStatement> statements(List<TableGrant> grants, String partition, String account) {
        List<PolicyStatement> out = new ArrayList<>();
        for (TableGrant g : grants) {
            String table = "arn:" + partition + ":dynamodb:" + g.region() + ":" + account + ":table/" + g.tableName();
            String sid = sid(g.access().logicalName(g.tableName()));
            out.add(new PolicyStatement(sid + "Items", g.access().level().tableActions(), List.of(table)));
            if (!g.indexNames().isEmpty()) {
                out.add(new PolicyStatement(sid + "Indexes", AccessLevel.INDEX_ACTIONS,
                        g.indexNames().stream().map(i -> table + "/index/" + i).toList()));
            }
            if (g.access().streams()) {
                out.add(new PolicyStatement(sid + "Stream", AccessLevel.STREAM_ACTIONS, List.of(table + "/stream/*")));
            }
        }
        return out;
    }

    /** {@code TANDEM_SESSIONS} → {@code TandemSessions}: IAM statement ids take letters and digits only. */
    private static String sid(String logical) {
        StringBuilder b = new StringBuilder();
        for (String part : logical.split("_")) {
            if (!part.isEmpty()) {
                b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return b.toString();
    }
}
