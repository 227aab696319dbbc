package dev.tandem.constructs.table;

import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.TerraformStrings;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a table's description against DynamoDB's rules, which every rendering of the table shares
 * (Terraform here, CloudFormation in the opt-in module). Null-safe throughout: a missing value is a
 * problem in the list, never an exception.
 */
public final class GlobalTableValidation {
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_.-]{3,255}$");
    private static final Pattern KMS_KEY_ARN = Pattern.compile(
            "^arn:aws(?:-[a-z]+)*:kms:([a-z0-9-]+):[0-9]{12}:(?:key/[A-Za-z0-9-]{1,128}|alias/[A-Za-z0-9/_-]{1,250})$");
    private static final int MAX_GSIS = 20;
    private static final int MAX_TAG_KEY = 128;
    private static final int MAX_TAG_VALUE = 256;

    private GlobalTableValidation() {
    }

    /**
     * What a table's check reads besides its props.
     *
     * @param homeRegion the home region, when known, to check a customer-managed key against
     */
    public record Context(Optional<String> homeRegion) {
    }

    /**
     * What a replica's check reads besides its own settings.
     *
     * @param table  the table's description
     * @param region the replica's region, when known
     */
    public record ReplicaContext(GlobalTableProps table, Optional<String> region) {
    }

    /**
     * Records every problem of {@code props} against DynamoDB's rules; throws nothing. Every rendering
     * of the table (the construct, the CloudFormation module, a deployment's spec) enters here.
     *
     * @param context  the home region, when known
     * @param props    the table's description
     * @param p        where to record problems
     */
    public static void validate(Context context, GlobalTableProps props, Problems p) {
        Optional<String> homeRegion = context.homeRegion();
        if (!p.present(props, "props", "build the props with GlobalTableProps.builder()")) {
            return;
        }
        p.require(props.tableName() != null && NAME.matcher(props.tableName()).matches(), "tableName",
                props.tableName(), "must be 3–255 characters of a-z, A-Z, 0-9, '_', '.' or '-'",
                "rename the table, e.g. orders or orders-v2");
        checkKeys(p, props);
        checkIndexes(p, props);
        checkBilling(p, props);
        p.require(props.streamViewType() == StreamViewType.NEW_AND_OLD_IMAGES, "streamViewType",
                props.streamViewType(), "must be NEW_AND_OLD_IMAGES: global table replication reads both images",
                "remove streamViewType(...) (the default is right) or use NEW_AND_OLD_IMAGES");
        p.present(props.tableClass(), "tableClass", "use TableClass.STANDARD (the default) or remove the call");
        if (p.present(props.encryption(), "encryption", "use TableEncryption.awsOwned() (the default)")
                && p.present(props.encryption().kind(), "encryption.kind", "use a TableEncryption factory")) {
            if (props.encryption().kind() == TableEncryption.Kind.CUSTOMER_MANAGED) {
                checkKmsKey(p, "encryption.kmsKeyArn", props.encryption().kmsKeyArn(), homeRegion);
            }
        }
        checkTimeToLive(p, props);
        checkTags(p, props.tags());
    }

    /**
     * Records every problem of one replica's settings against the table's: a customer-managed key in
     * the replica's region when the table uses customer-managed encryption, no key otherwise; throws
     * nothing. Shared by every rendering.
     *
     * @param context  the table's description and the replica's region
     * @param props    the replica's settings
     * @param p        where to record problems (nested under the replica's property by the caller)
     */
    public static void validate(ReplicaContext context, TableReplicaProps props, Problems p) {
        GlobalTableProps table = context.table();
        if (!p.present(props, "props", "build them with TableReplicaProps.builder()") || table == null
                || table.encryption() == null) {
            return;
        }
        if (table.encryption().kind() == TableEncryption.Kind.CUSTOMER_MANAGED) {
            checkKmsKey(p, "kmsKeyArn", props.kmsKeyArn(), context.region());
        } else {
            p.require(props.kmsKeyArn() == null || props.kmsKeyArn().isEmpty(), "kmsKeyArn",
                    props.kmsKeyArn() == null ? null : props.kmsKeyArn().orElse(""),
                    "only applies when the table uses customer-managed encryption",
                    "remove it, or give the table encryption(TableEncryption.customerManaged(...))");
        }
    }

    /**
     * Checks a customer-managed key: present, an ARN of a KMS key or alias, in {@code region}.
     *
     * @param region the region the key must be in, when known
     */
    static void checkKmsKey(Problems p, String property, Optional<String> arn, Optional<String> region) {
        String value = arn == null ? null : arn.orElse(null);
        if (!p.present(value, property, "give the ARN of a KMS key in the same region")) {
            return;
        }
        Matcher m = KMS_KEY_ARN.matcher(value);
        if (!p.require(m.matches(), property, value, "must be a KMS key or alias ARN "
                + "(arn:aws:kms:<region>:<account>:key/<id>)", "copy the key's ARN from the KMS console")) {
            return;
        }
        region.ifPresent(r -> p.require(m.group(1).equals(r), property, value,
                "is a key in " + m.group(1) + ", but the table or replica is in " + r + ": KMS keys are regional",
                "use a key created in " + r));
    }

    private static void checkKeys(Problems p, GlobalTableProps props) {
        if (p.present(props.partitionKey(), "partitionKey", "set partitionKey(Attribute.string(\"pk\"))")) {
            checkAttribute(p, "partitionKey", props.partitionKey());
        }
        if (p.present(props.sortKey(), "sortKey", "leave sortKey unset or give an Attribute")) {
            props.sortKey().ifPresent(k -> checkAttribute(p, "sortKey", k));
        }
        Map<String, AttributeType> seen = new LinkedHashMap<>();
        for (Attribute key : props.keys()) {
            AttributeType previous = seen.putIfAbsent(key.name(), key.type());
            p.require(previous == null || previous == key.type(), "keys[" + key.name() + "]",
                    key.name() + ":" + key.type(), "is also used as a key with type " + previous
                            + "; an attribute has one type in the table and all its indexes",
                    "use one type for " + key.name() + " everywhere, or rename one of them");
        }
    }

    private static void checkAttribute(Problems p, String property, Attribute a) {
        if (p.require(a.name() != null && !a.name().isEmpty() && a.name().length() <= 255, property + ".name", a.name(),
                "must be 1–255 characters", "name the key attribute, e.g. pk")) {
            TerraformStrings.refuseTemplate(p, property + ".name", a.name(), "name the key attribute, e.g. pk");
        }
        p.present(a.type(), property + ".type", "use Attribute.string, Attribute.number or Attribute.binary");
    }

    private static void checkIndexes(Problems p, GlobalTableProps props) {
        List<GlobalSecondaryIndex> gsis = props.globalSecondaryIndexes();
        if (!p.presentElements(gsis, "globalSecondaryIndexes", "pass List.of() for no index")) {
            return;
        }
        p.require(gsis.size() <= MAX_GSIS, "globalSecondaryIndexes", gsis.size() + " indexes",
                "DynamoDB allows at most " + MAX_GSIS, "remove indexes");
        Set<String> names = new HashSet<>();
        for (GlobalSecondaryIndex g : gsis) {
            String prop = "globalSecondaryIndexes[" + g.indexName() + "]";
            if (p.require(g.indexName() != null && NAME.matcher(g.indexName()).matches(), prop + ".indexName",
                    g.indexName(), "must be 3–255 characters of a-z, A-Z, 0-9, '_', '.' or '-'", "rename the index")) {
                p.require(names.add(g.indexName()), prop + ".indexName", g.indexName(), "appears more than once",
                        "give each index its own name");
            }
            if (p.present(g.partitionKey(), prop + ".partitionKey", "give the index a partition key Attribute")) {
                checkAttribute(p, prop + ".partitionKey", g.partitionKey());
            }
            if (p.present(g.sortKey(), prop + ".sortKey", "leave sortKey unset or give an Attribute")) {
                g.sortKey().ifPresent(k -> checkAttribute(p, prop + ".sortKey", k));
            }
            if (p.present(g.projection(), prop + ".projection", "use Projection.all() (the default)")
                    && g.projection() instanceof Projection.Include include) {
                if (p.require(include.nonKeyAttributes() != null && !include.nonKeyAttributes().isEmpty()
                                && include.nonKeyAttributes().stream().allMatch(a -> a != null && !a.isBlank()),
                        prop + ".projection", include.nonKeyAttributes(),
                        "INCLUDE needs at least one attribute name, none blank",
                        "list the projected attributes, or use Projection.keysOnly()")) {
                    include.nonKeyAttributes().forEach(a -> TerraformStrings.refuseTemplate(p, prop + ".projection",
                            a, "name the projected attribute, e.g. email"));
                }
            }
        }
    }

    private static void checkBilling(Problems p, GlobalTableProps props) {
        Billing b = props.billing();
        if (!p.present(b, "billing", "use Billing.onDemand() (the default) or Billing.provisioned(read, write)")) {
            return;
        }
        List<GlobalSecondaryIndex> gsis = props.globalSecondaryIndexes() == null ? List.of()
                : props.globalSecondaryIndexes().stream().filter(g -> g != null).toList();
        if (!b.isProvisioned()) {
            boolean noCapacity = gsis.stream().allMatch(g -> isEmpty(g.read()) && isEmpty(g.write()));
            p.require(noCapacity, "globalSecondaryIndexes", "capacity set",
                    "index capacity only applies to provisioned billing", "remove read/write from the indexes");
            return;
        }
        checkCapacity(p, "billing.read", b.read(), true);
        checkCapacity(p, "billing.write", b.write(), true);
        p.require(b.write().map(Capacity::isAutoscaled).orElse(true), "billing.write",
                b.write().map(Object::toString).orElse("none"),
                "a provisioned global table must autoscale writes so every replica absorbs replicated writes",
                "use Billing.provisioned(read, Capacity.autoscaled()…build()) or Billing.onDemand()");
        for (GlobalSecondaryIndex g : gsis) {
            String prop = "globalSecondaryIndexes[" + g.indexName() + "]";
            checkCapacity(p, prop + ".read", g.read(), false);
            checkCapacity(p, prop + ".write", g.write(), false);
            Optional<Capacity> write = g.write() == null ? Optional.empty() : g.write().or(b::write);
            p.require(write.map(Capacity::isAutoscaled).orElse(true), prop + ".write",
                    write.map(Object::toString).orElse("none"),
                    "every index of a provisioned global table must autoscale writes",
                    "give the index Capacity.autoscaled()…build() or leave write unset to use the table's");
        }
    }

    private static boolean isEmpty(Optional<Capacity> capacity) {
        return capacity == null || capacity.isEmpty();
    }

    private static void checkCapacity(Problems p, String prop, Optional<Capacity> capacity, boolean required) {
        if (capacity == null || capacity.isEmpty()) {
            p.require(!required, prop, null, "is required with provisioned billing",
                    "pass both capacities to Billing.provisioned(read, write)");
            return;
        }
        Capacity c = capacity.get();
        p.require(c.minUnits() >= 1, prop + ".minUnits", c.minUnits(), "must be at least 1", "raise it");
        if (p.require(c.maxUnits() != null && c.targetUtilization() != null, prop, c,
                "must come from Capacity.fixed(...) or Capacity.autoscaled()", "build it with one of them")) {
            c.maxUnits().ifPresent(max -> p.require(max >= c.minUnits(), prop + ".maxUnits", max,
                    "must be at least minUnits (" + c.minUnits() + ")", "raise maxUnits"));
            c.targetUtilization().ifPresent(t -> p.require(t >= 20 && t <= 90, prop + ".targetUtilization", t,
                    "must be 20–90 percent (Application Auto Scaling's range for DynamoDB)", "use 70"));
        }
    }

    private static void checkTimeToLive(Problems p, GlobalTableProps props) {
        if (!p.present(props.timeToLiveAttribute(), "timeToLiveAttribute", "leave it unset or name an attribute")) {
            return;
        }
        props.timeToLiveAttribute().ifPresent(ttl -> {
            if (p.require(!ttl.isBlank() && ttl.length() <= 255, "timeToLiveAttribute", ttl,
                    "must name an attribute (1–255 characters)",
                    "give the attribute that holds the expiry in epoch seconds, or omit it")
                    && TerraformStrings.refuseTemplate(p, "timeToLiveAttribute", ttl, "name the attribute, e.g. expiresAt")) {
                AttributeType keyType = props.keyAttributes().get(ttl);
                p.require(keyType == null || keyType == AttributeType.NUMBER, "timeToLiveAttribute", ttl,
                        "is a " + keyType + " key attribute; DynamoDB's TTL only reads Number attributes, "
                                + "so no item would ever expire",
                        "use a separate Number attribute such as expiresAt");
            }
        });
    }

    private static void checkTags(Problems p, Map<String, String> tags) {
        if (!p.present(tags, "tags", "pass Map.of() for no tags")) {
            return;
        }
        tags.forEach((k, v) -> {
            p.require(k != null && !k.isEmpty() && k.length() <= MAX_TAG_KEY && !k.startsWith("aws:"),
                    "tags[" + k + "]", k, "keys must be 1–" + MAX_TAG_KEY + " characters and not start with aws:",
                    "rename the tag");
            p.require(v != null && v.length() <= MAX_TAG_VALUE, "tags[" + k + "]", v,
                    "values must be 0–" + MAX_TAG_VALUE + " characters, not null", "use \"\" for an empty value");
        });
    }
}
