package dev.tandem.constructs.access;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import dev.tandem.constructs.core.AwsProviders;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.ResourceTypes;
import dev.tandem.constructs.core.Scopes;
import dev.tandem.constructs.table.TableReplica;
import dev.tandem.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import dev.tandem.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import dev.tandem.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import dev.tandem.providers.aws.data_aws_partition.DataAwsPartition;
import dev.tandem.providers.aws.iam_access_key.IamAccessKey;
import dev.tandem.providers.aws.iam_user.IamUser;
import dev.tandem.providers.aws.iam_user_policy.IamUserPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * One region's AWS identity for its app: an IAM user allowed exactly the DynamoDB actions the app needs on this
 * region's copy of each table and its indexes, its access keys, and the {@link #wiring()} the app's pods get.
 *
 * <pre>{@code
 * AppDataAccess data = AppDataAccess.Builder.create(secondaryStack, "app-data")
 *     .userName("orders-secondary")
 *     .tables(List.of(TableGrant.of(ordersReplica)))        // the replica in this stack's region
 *     .build();
 * AppSpec app = AppSpec.builder().name("orders").image("registry.example.com/orders:1.4.2")
 *     .data(data.wiring())                                   // AWS_REGION, TANDEM_TABLE_ORDERS, credentials
 *     .build();
 * }</pre>
 *
 * <p>Nothing in another region, no {@code *} action or resource; the keys' secrets leave Terraform only through
 * sensitive outputs, and the table names and the region are written once, here, from the tables' constructs. A
 * key is rotated without downtime by changing the key list ({@link AccessKey}; docs/rotation.md). The user and
 * its policy are guarded against a destroy while any table or replica they are granted is.
 *
 * <p>Attributes: {@link #region()}, {@link #wiring()}, {@link #statements()}, {@link #userName()},
 * {@link #accessKeyIdOutput(String)}, {@link #secretOutput(String)}. Escape hatches: {@link #resource()},
 * {@link #policy()}, {@link #policyDocument()}, {@link #accessKeys()}.
 *
 * <p>Why an IAM user with an access key, how a destroy is ordered, and the sources: the
 * {@link dev.tandem.constructs.access package documentation}.
 */
public class AppDataAccess extends Construct {
    private final AppDataAccessProps props;
    private final String region;
    private final String userName;
    private final IamUser user;
    private final DataAwsIamPolicyDocument policyDocument;
    private final IamUserPolicy policy;
    private final List<PolicyStatement> statements;
    private final Map<String, IamAccessKey> accessKeys = new LinkedHashMap<>();
    private final Map<String, TerraformOutput> idOutputs = new LinkedHashMap<>();
    private final Map<String, TerraformOutput> secretOutputs = new LinkedHashMap<>();

    /**
     * Creates the identity; invalid props throw {@link dev.tandem.constructs.core.ValidationException}
     * listing every problem. Prefer {@link Builder}.
     *
     * @param scope a construct in the region's stack (its AWS provider names the region)
     * @param id    construct id
     * @param props the identity's description
     */
    public AppDataAccess(@NotNull Construct scope, @NotNull String id, AppDataAccessProps props) {
        super(Scopes.checked(scope, id, "AppDataAccess"), id);
        Problems p = Problems.at(this);
        Optional<String> found = AwsProviders.regionOf(this, p);
        String path = getNode().getPath();
        String derivedUserName = path.replace('/', '-');
        AppDataAccessValidation.validate(new AppDataAccessValidation.Context(found, derivedUserName), props, p);
        p.throwIfAny();
        this.props = props;
        this.region = found.orElseThrow();
        this.userName = props.userName().orElse(derivedUserName);
        // Partition and account are read by Terraform, so the policy holds for any account and partition;
        // aws_partition needs no API call, aws_caller_identity one STS call at plan time.
        DataAwsPartition partition = new DataAwsPartition(this, "partition");
        DataAwsCallerIdentity account = new DataAwsCallerIdentity(this, "account");
        boolean guarded = props.tables().stream().anyMatch(AppDataAccess::guarded);
        TerraformResourceLifecycle guard = TerraformResourceLifecycle.builder().preventDestroy(guarded).build();
        this.user = IamUser.Builder.create(this, "user").name(userName).path("/tandem/").lifecycle(guard).build();
        getNode().setDefaultChild(this.user);
        this.statements = TablePolicy.statements(props.tables(), partition.getPartition(), account.getAccountId());
        this.policyDocument = DataAwsIamPolicyDocument.Builder.create(this, "policy-document")
                .statement(statements.stream().map(s -> DataAwsIamPolicyDocumentStatement.builder()
                        .sid(s.sid()).effect("Allow").actions(s.actions()).resources(s.resources()).build()).toList())
                .build();
        this.policy = IamUserPolicy.Builder.create(this, "policy")
                .user(user.getName())
                .name("dynamodb-" + region)
                .policy(policyDocument.getJson())
                .lifecycle(guard)
                .build();
        // Unique in the stack: the construct's path below it, e.g. app-data → app_data_key_a_secret.
        String stackPath = AwsProviders.stackOf(this).orElseThrow().getNode().getPath();
        String outputPrefix = path.substring(stackPath.length() + 1).replace('/', '_').replace('-', '_');
        for (AccessKey k : props.accessKeys()) {
            IamAccessKey key = IamAccessKey.Builder.create(this, "key-" + k.name())
                    .user(user.getName())
                    .status(k.status().terraformValue())
                    .build();
            accessKeys.put(k.name(), key);
            idOutputs.put(k.name(), output(outputPrefix + "_key_" + k.name() + "_id", key.getId(), false,
                    "access key id " + k.name() + " of " + userName + " (" + k.status().terraformValue() + ")"));
            secretOutputs.put(k.name(), output(outputPrefix + "_key_" + k.name() + "_secret", key.getSecret(), true,
                    "secret of access key " + k.name() + " of " + userName
                            + " (sensitive: read with terraform output -raw, straight into kubectl create secret)"));
        }
        outlive(props.tables());
    }

    /** @return whether the grant's copy is guarded against destroy (not being torn down) */
    private static boolean guarded(TableGrant grant) {
        return grant.replica().map(r -> !r.props().teardown(r.table().props()))
                .orElseGet(() -> grant.table().map(t -> !t.props().teardown()).orElse(true));
    }

    /** Each granted copy in this stack is destroyed before the identity: it depends on every IAM resource here. */
    private void outlive(List<TableGrant> grants) {
        String stack = AwsProviders.stackOf(this).orElseThrow().getNode().getPath();
        List<String> identity = new ArrayList<>(List.of(address(user), address(policy)));
        accessKeys.values().forEach(k -> identity.add(address(k)));
        for (TableGrant grant : grants) {
            TerraformResource copy = grant.replica().<TerraformResource>map(TableReplica::resource)
                    .orElseGet(() -> grant.table().orElseThrow().resource());
            if (AwsProviders.stackOf(copy).orElseThrow().getNode().getPath().equals(stack)) {
                List<String> after = new ArrayList<>(copy.getDependsOn() == null ? List.of() : copy.getDependsOn());
                identity.stream().filter(fqn -> !after.contains(fqn)).forEach(after::add);
                copy.setDependsOn(after);
            }
        }
    }

    /** depends_on takes bare addresses ({@code type.name}); a resource's fqn renders as an interpolation. */
    private static String address(TerraformResource resource) {
        return ResourceTypes.of(resource) + "." + resource.getFriendlyUniqueId();
    }

    private TerraformOutput output(String name, String value, boolean sensitive, String description) {
        TerraformOutput out = TerraformOutput.Builder.create(this, name.replace('_', '-'))
                .value(value).sensitive(sensitive).description(description).build();
        // A stable name, so docs/app-contract.md's kubectl step can name it: "<construct id>_key_<key>_secret".
        out.overrideLogicalId(name);
        return out;
    }

    /** @return the props the identity was built from */
    public AppDataAccessProps props() {
        return props;
    }

    /** @return the AWS region of the identity's tables: its stack's */
    public String region() {
        return region;
    }

    /** @return the IAM user's name */
    public String userName() {
        return userName;
    }

    /**
     * @return what the app's pods are told: this region, each table's name in {@code TANDEM_TABLE_<LOGICAL>},
     *         and that the credentials come from the app's Secret
     */
    public DataWiring wiring() {
        Map<String, String> tables = new TreeMap<>();
        props.tables().forEach(g -> tables.put(g.variable(), g.tableName()));
        return new DataWiring(region, tables, getNode().getPath());
    }

    /** @return the policy's statements, with Terraform references for the partition and the account */
    public List<PolicyStatement> statements() {
        return statements;
    }

    /**
     * @param keyName a key's name, e.g. {@code a}
     * @return the output holding that key's id (not secret), named {@code <id>_key_<name>_id}
     */
    public Optional<TerraformOutput> accessKeyIdOutput(String keyName) {
        return Optional.ofNullable(idOutputs.get(keyName));
    }

    /**
     * @param keyName a key's name, e.g. {@code a}
     * @return the sensitive output holding that key's secret, named {@code <id>_key_<name>_secret}
     */
    public Optional<TerraformOutput> secretOutput(String keyName) {
        return Optional.ofNullable(secretOutputs.get(keyName));
    }

    /** @return the underlying {@code aws_iam_user}, the node's default child (escape hatch) */
    public IamUser resource() {
        return user;
    }

    /** @return the underlying {@code aws_iam_user_policy} (escape hatch) */
    public IamUserPolicy policy() {
        return policy;
    }

    /** @return the {@code aws_iam_policy_document} the policy is rendered from (escape hatch) */
    public DataAwsIamPolicyDocument policyDocument() {
        return policyDocument;
    }

    /** @return the {@code aws_iam_access_key} resources by key name (escape hatch) */
    public Map<String, IamAccessKey> accessKeys() {
        return Map.copyOf(accessKeys);
    }

    /** Fluent creation in the style of the AWS CDK: {@code AppDataAccess.Builder.create(scope, id)…build()}. */
    public static final class Builder extends AppDataAccessProps.BuilderBase<Builder> {
        private final Construct scope;
        private final String id;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /**
         * @param scope a construct in the region's stack
         * @param id    construct id
         * @return a builder for an identity under {@code scope}
         */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @return the identity, validated (throws ValidationException listing every problem) */
        public AppDataAccess build() {
            return new AppDataAccess(scope, id, props());
        }
    }
}
