package dev.tandem.constructs.table;

import dev.tandem.constructs.core.AwsRegions;
import dev.tandem.constructs.core.Problems;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks {@link GlobalTableProps} against DynamoDB's rules, which every rendering of the table shares
 * ({@link #validate}), and against what the pinned AWS provider can express (for the Terraform rendering).
 */
public final class GlobalTableValidation {
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_.-]{3,255}$");
    private static final Set<String> KEY_TYPES = Set.of("S", "N", "B");
    private static final Set<String> PROJECTIONS = Set.of("ALL", "KEYS_ONLY", "INCLUDE");
    private static final int MAX_GSIS = 20;

    private GlobalTableValidation() {
    }

    /**
     * Checks DynamoDB's own rules.
     *
     * @param path  the construct path problems are reported under
     * @param props the table's description
     * @throws dev.tandem.constructs.core.ValidationException listing every problem
     */
    public static void validate(String path, GlobalTableProps props) {
        problems(path, props).throwIfAny();
    }

    /** DynamoDB's rules plus the limits of hashicorp/aws 5.100.0, for the Terraform rendering. */
    static void validateForTerraform(String path, GlobalTableProps props) {
        Problems p = problems(path, props);
        checkTerraformLimits(p, props);
        p.throwIfAny();
    }

    private static Problems problems(String path, GlobalTableProps props) {
        Problems p = new Problems(path);
        p.require(props.tableName() != null && NAME.matcher(props.tableName()).matches(), "tableName",
                props.tableName(), "must be 3–255 characters of a-z, A-Z, 0-9, '_', '.' or '-'",
                "rename the table, e.g. orders or orders-v2");
        p.require(AwsRegions.isValid(props.region()), "region", props.region(),
                "must be an AWS region name", "use the home region's code, e.g. eu-west-3");
        checkReplicas(p, props);
        Map<String, String> declared = checkKeys(p, props);
        checkIndexes(p, props, declared);
        checkBilling(p, props);
        p.require(props.streamViewType() == StreamViewType.NEW_AND_OLD_IMAGES, "streamViewType",
                props.streamViewType(), "must be NEW_AND_OLD_IMAGES: global table replication reads both images",
                "remove streamViewType(...) (the default is right) or use NEW_AND_OLD_IMAGES");
        props.timeToLiveAttribute().ifPresent(ttl -> p.require(!ttl.isBlank(), "timeToLiveAttribute", "\"" + ttl + "\"",
                "must name an attribute", "give the attribute that holds the expiry in epoch seconds, or omit it"));
        return p;
    }

    // The replica block of aws_dynamodb_table (hashicorp/aws 5.100.0) has no per-replica deletion
    // protection or table class: refuse a value it would silently drop. CloudFormation has both.
    private static void checkTerraformLimits(Problems p, GlobalTableProps props) {
        for (Replica r : props.replicas()) {
            String prop = "replicas[" + r.region() + "]";
            r.deletionProtection().filter(v -> v != props.deletionProtection()).ifPresent(v -> p.add(
                    prop + ".deletionProtection", v,
                    "cannot differ from the table's in the Terraform rendering: the replica block of hashicorp/aws "
                            + "5.100.0 has no deletion protection",
                    "remove the override"));
            r.tableClass().filter(v -> v != props.tableClass()).ifPresent(v -> p.add(prop + ".tableClass", v,
                    "cannot differ from the table's in the Terraform rendering: the replica block of hashicorp/aws "
                            + "5.100.0 has no table class",
                    "remove the override"));
        }
    }

    private static void checkReplicas(Problems p, GlobalTableProps props) {
        if (!p.require(!props.replicas().isEmpty(), "replicas", "[]",
                "a global table needs at least one replica in another region",
                "add Replica.in(\"<secondary region>\")")) {
            return;
        }
        Set<String> seen = new HashSet<>();
        boolean customerKeys = props.encryption().kind() == TableEncryption.Kind.CUSTOMER_MANAGED;
        for (Replica r : props.replicas()) {
            String prop = "replicas[" + r.region() + "]";
            p.require(AwsRegions.isValid(r.region()), prop + ".region", r.region(), "must be an AWS region name",
                    "use a region code such as eu-central-1");
            p.require(!r.region().equals(props.region()), prop + ".region", r.region(),
                    "must differ from the home region " + props.region() + " (the table itself lives there)",
                    "remove this replica or choose another region");
            p.require(seen.add(r.region()), prop + ".region", r.region(), "appears more than once",
                    "list each replica region once");
            if (customerKeys) {
                p.require(r.kmsKeyArn().isPresent(), prop + ".kmsKeyArn", "none",
                        "is required with customer-managed encryption: KMS keys are regional",
                        "give the replica region's key with Replica.builder().kmsKeyArn(...)");
            } else {
                p.require(r.kmsKeyArn().isEmpty(), prop + ".kmsKeyArn", r.kmsKeyArn().orElse(""),
                        "only applies with customer-managed encryption",
                        "use encryption(TableEncryption.customerManaged(...)) or remove the key");
            }
        }
        if (customerKeys) {
            p.require(props.encryption().kmsKeyArn().filter(k -> !k.isBlank()).isPresent(), "encryption.kmsKeyArn",
                    "none", "is required with customer-managed encryption",
                    "pass the home region's key ARN to TableEncryption.customerManaged(...)");
        }
    }

    /** @return every declared attribute name with its type */
    private static Map<String, String> checkKeys(Problems p, GlobalTableProps props) {
        Map<String, String> declared = new LinkedHashMap<>();
        if (!p.require(props.partitionKey() != null, "partitionKey", "none", "is required",
                "set partitionKey(Attribute.string(\"pk\"))")) {
            return declared;
        }
        declare(p, declared, "partitionKey", props.partitionKey());
        props.sortKey().ifPresent(k -> declare(p, declared, "sortKey", k));
        for (int i = 0; i < props.attributes().size(); i++) {
            declare(p, declared, "attributes[" + i + "]", props.attributes().get(i));
        }
        return declared;
    }

    private static void declare(Problems p, Map<String, String> declared, String prop, Attribute a) {
        p.require(KEY_TYPES.contains(a.type()), prop + ".type", a.type(),
                "key attributes must be S (string), N (number) or B (binary)",
                "use Attribute.string, Attribute.number or Attribute.binary");
        String previous = declared.putIfAbsent(a.name(), a.type());
        p.require(previous == null || previous.equals(a.type()), prop, a.name() + ":" + a.type(),
                "is already declared with type " + previous, "declare each attribute once with one type");
    }

    private static void checkIndexes(Problems p, GlobalTableProps props, Map<String, String> declared) {
        List<GlobalSecondaryIndex> gsis = props.globalSecondaryIndexes();
        p.require(gsis.size() <= MAX_GSIS, "globalSecondaryIndexes", gsis.size() + " indexes",
                "DynamoDB allows at most " + MAX_GSIS, "remove indexes");
        Set<String> used = new HashSet<>();
        used.add(props.partitionKey() == null ? "" : props.partitionKey().name());
        props.sortKey().ifPresent(k -> used.add(k.name()));
        Set<String> names = new HashSet<>();
        for (GlobalSecondaryIndex g : gsis) {
            String prop = "globalSecondaryIndexes[" + g.indexName() + "]";
            p.require(NAME.matcher(g.indexName()).matches(), prop + ".indexName", g.indexName(),
                    "must be 3–255 characters of a-z, A-Z, 0-9, '_', '.' or '-'", "rename the index");
            p.require(names.add(g.indexName()), prop + ".indexName", g.indexName(), "appears more than once",
                    "give each index its own name");
            checkIndexKey(p, declared, prop + ".partitionKey", g.partitionKey());
            g.sortKey().ifPresent(k -> checkIndexKey(p, declared, prop + ".sortKey", k));
            used.add(g.partitionKey());
            g.sortKey().ifPresent(used::add);
            p.require(PROJECTIONS.contains(g.projectionType()), prop + ".projectionType", g.projectionType(),
                    "must be ALL, KEYS_ONLY or INCLUDE", "use one of them");
            p.require("INCLUDE".equals(g.projectionType()) != g.nonKeyAttributes().isEmpty(),
                    prop + ".nonKeyAttributes", g.nonKeyAttributes(),
                    "are required with projection INCLUDE and allowed only with it",
                    "list the projected attributes with INCLUDE, or none with ALL/KEYS_ONLY");
        }
        for (Attribute a : props.attributes()) {
            p.require(used.contains(a.name()), "attributes[" + a.name() + "]", a.name(),
                    "is declared but no key uses it; DynamoDB rejects unused attribute definitions",
                    "remove it or use it as an index key");
        }
    }

    private static void checkIndexKey(Problems p, Map<String, String> declared, String prop, String name) {
        p.require(declared.containsKey(name), prop, name,
                "is not among the table's attributes " + declared.keySet(),
                "declare it with attributes(List.of(Attribute.string(\"" + name + "\")))");
    }

    private static void checkBilling(Problems p, GlobalTableProps props) {
        Billing b = props.billing();
        if (!b.isProvisioned()) {
            boolean noCapacity = props.globalSecondaryIndexes().stream()
                    .allMatch(g -> g.read().isEmpty() && g.write().isEmpty());
            p.require(noCapacity, "globalSecondaryIndexes", "capacity set",
                    "index capacity only applies to provisioned billing", "remove read/write from the indexes");
            return;
        }
        checkCapacity(p, "billing.read", b.read());
        checkCapacity(p, "billing.write", b.write());
        p.require(b.write().map(Capacity::isAutoscaled).orElse(false), "billing.write",
                b.write().map(Object::toString).orElse("none"),
                "a provisioned global table must autoscale writes so every replica absorbs replicated writes",
                "use Billing.provisioned(read, Capacity.autoscaled(min, max)) or Billing.onDemand()");
        for (GlobalSecondaryIndex g : props.globalSecondaryIndexes()) {
            String prop = "globalSecondaryIndexes[" + g.indexName() + "]";
            checkCapacity(p, prop + ".read", g.read());
            checkCapacity(p, prop + ".write", g.write());
            Optional<Capacity> write = g.write().or(b::write);
            p.require(write.map(Capacity::isAutoscaled).orElse(false), prop + ".write",
                    write.map(Object::toString).orElse("none"),
                    "every index of a provisioned global table must autoscale writes",
                    "give the index Capacity.autoscaled(min, max) or leave write unset to use the table's");
        }
    }

    private static void checkCapacity(Problems p, String prop, Optional<Capacity> capacity) {
        capacity.ifPresent(c -> {
            p.require(c.minUnits() >= 1, prop + ".minUnits", c.minUnits(), "must be at least 1", "raise it");
            c.maxUnits().ifPresent(max -> p.require(max >= c.minUnits(), prop + ".maxUnits", max,
                    "must be at least minUnits (" + c.minUnits() + ")", "raise maxUnits"));
            c.targetUtilization().ifPresent(t -> p.require(t >= 20 && t <= 90, prop + ".targetUtilization", t,
                    "must be 20–90 percent (Application Auto Scaling's range for DynamoDB)", "use 70"));
        });
    }
}
