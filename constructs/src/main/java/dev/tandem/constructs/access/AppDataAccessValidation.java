package dev.tandem.constructs.access;

import dev.tandem.constructs.core.Problems;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Every check of {@link AppDataAccessProps}, recorded before any resource exists. */
final class AppDataAccessValidation {
    /** IAM user names: up to 64 of letters, digits and {@code _+=,.@-} (IAM API Reference, CreateUser). */
    static final Pattern USER_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern KEY_NAME = Pattern.compile("[a-z0-9]{1,16}");
    /** IAM's limit of access keys per user (IAM User Guide, "IAM and AWS STS quotas"). */
    static final int MAX_KEYS = 2;

    private AppDataAccessValidation() {
    }

    /**
     * What the check reads besides the props, derived by the construct from its place in the tree.
     *
     * @param region          the stack's AWS region, when known
     * @param derivedUserName the user name when {@code userName} is not set (from the construct path)
     */
    record Context(Optional<String> region, String derivedUserName) {
    }

    /**
     * Records every problem of {@code props}; throws nothing.
     *
     * @param context the region and the derived user name
     * @param props   the identity's description
     * @param p       where to record problems
     */
    static void validate(Context context, AppDataAccessProps props, Problems p) {
        Optional<String> region = context.region();
        String derivedUserName = context.derivedUserName();
        if (!p.present(props, "props", "build them with AppDataAccess.Builder.create(stack, id)…build()")) {
            return;
        }
        String userName = props.userName().orElse(derivedUserName);
        p.require(USER_NAME.matcher(userName).matches(), props.userName().isPresent() ? "userName" : "userName (derived)",
                userName, "must be 1 to 64 letters, digits and _+=,.@- (an IAM user name)",
                "set userName, e.g. orders-primary");
        checkTables(p, props.tables(), region);
        checkKeys(p, props.accessKeys());
    }

    private static void checkTables(Problems p, List<TableGrant> tables, Optional<String> region) {
        if (!p.presentElements(tables, "tables", "grant the region's copy of each table: TableGrant.of(tableOrReplica)")) {
            return;
        }
        p.require(!tables.isEmpty(), "tables", "[]", "needs at least one table: an identity with no table is allowed "
                + "nothing", "grant the app's tables, or build no AppDataAccess when the app uses none");
        Set<String> names = new HashSet<>();
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            TableGrant g = tables.get(i);
            String at = "tables[" + i + "]";
            if (!p.present(g.table().orElse(null), at + ".table", "pass the GlobalTable or the TableReplica in this stack")) {
                continue;
            }
            region.ifPresent(r -> p.require(r.equals(g.region()), at, g.copyPath() + " in " + g.region(),
                    "must be this stack's AWS region's copy (" + r + "): each region's identity may use only its own "
                            + "region's replica, so one AWS region's outage cannot reach both regions",
                    "grant the TableReplica of " + g.tableName() + " in this stack (or the GlobalTable in its home stack)"));
            p.require(names.add(g.tableName()), at, g.tableName(), "is granted more than once",
                    "grant each table once");
            if (p.present(g.access(), at + ".access", "use TableAccess.readWrite() or TableAccess.builder()…build()")) {
                g.access().validate(p.nested(at + ".access"), g.tableName());
                String other = variables.putIfAbsent(g.variable(), g.tableName());
                p.require(other == null || other.equals(g.tableName()), at + ".access.logicalName", g.variable(),
                        "is also the variable of table " + other, "give one of the tables its own logicalName");
            }
        }
    }

    private static void checkKeys(Problems p, List<AccessKey> keys) {
        if (!p.presentElements(keys, "accessKeys", "use AppDataAccessProps.DEFAULT_KEYS, one active key")) {
            return;
        }
        p.require(!keys.isEmpty() && keys.size() <= MAX_KEYS, "accessKeys", keys.size() + " key(s)",
                "must hold 1 or " + MAX_KEYS + " keys (IAM allows " + MAX_KEYS + " per user; the second exists only "
                        + "during a rotation)", "keep the key the pods use, plus the next one while rotating");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            AccessKey k = keys.get(i);
            String at = "accessKeys[" + i + "]";
            if (p.require(k.name() != null && KEY_NAME.matcher(k.name()).matches(), at + ".name", k.name(),
                    "must be 1 to 16 lower-case letters or digits (it names the key's outputs)", "use e.g. a or b")) {
                p.require(names.add(k.name()), at + ".name", k.name(), "appears more than once",
                        "give each key its own name, e.g. a and b");
            }
            p.present(k.status(), at + ".status", "use AccessKey.active(name) or AccessKey.inactive(name)");
        }
    }
}
