package dev.tandem.constructs.postgres;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import dev.tandem.constructs.core.AwsProviders;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.Scopes;
import dev.tandem.providers.ovh.cloud_project_storage.CloudProjectStorage;
import dev.tandem.providers.ovh.cloud_project_storage.CloudProjectStorageEncryption;
import dev.tandem.providers.ovh.cloud_project_storage.CloudProjectStorageVersioning;
import dev.tandem.providers.ovh.cloud_project_storage_object_bucket_lifecycle_configuration.CloudProjectStorageObjectBucketLifecycleConfiguration;
import dev.tandem.providers.ovh.cloud_project_storage_object_bucket_lifecycle_configuration.CloudProjectStorageObjectBucketLifecycleConfigurationRules;
import dev.tandem.providers.ovh.cloud_project_storage_object_bucket_lifecycle_configuration.CloudProjectStorageObjectBucketLifecycleConfigurationRulesAbortIncompleteMultipartUpload;
import dev.tandem.providers.ovh.cloud_project_storage_object_bucket_lifecycle_configuration.CloudProjectStorageObjectBucketLifecycleConfigurationRulesExpiration;
import dev.tandem.providers.ovh.cloud_project_storage_object_bucket_lifecycle_configuration.CloudProjectStorageObjectBucketLifecycleConfigurationRulesNoncurrentVersionExpiration;
import dev.tandem.providers.ovh.cloud_project_user.CloudProjectUser;
import dev.tandem.providers.ovh.cloud_project_user_s3_credential.CloudProjectUserS3Credential;
import dev.tandem.providers.ovh.cloud_project_user_s3_policy.CloudProjectUserS3Policy;
import java.util.List;
import org.jetbrains.annotations.NotNull;
import software.constructs.Construct;

/**
 * A region's share of a PostgreSQL database's WAL archives, on OVH Object Storage: the bucket holding the
 * <em>peer</em> region's archive (so it survives the loss of the peer, whose cluster writes it), and this
 * region's archive user, allowed to write its own archive (held by the peer's stack) and read the peer's,
 * whose S3 keys leave Terraform only through a sensitive output — the same pattern as the app's AWS key.
 *
 * <pre>{@code
 * PostgresArchive archive = PostgresArchive.Builder.create(secondaryStack, "sessions-archive")
 *     .cloudProject(project).region("DE1").storageRegion("DE")
 *     .hostedBucket("sessions-wal-eu-west-par")   // Paris writes it; it lives here, in DE
 *     .writeBucket("sessions-wal-de1")            // DE1 writes it; Paris' stack holds it
 *     .build();
 * // terraform output -raw sessions_archive_secret_access_key | kubectl create secret … (README)
 * }</pre>
 *
 * <h2>Why the bucket is in the peer region, held by the peer's stack</h2>
 * The archive must outlive its writer's region: a bucket beside the cluster would be lost with it, and
 * the standby could replay nothing past its last streamed byte. OVH's bucket replication
 * ({@code replication.rules}) could copy a local bucket to the peer instead, but it is asynchronous and adds a
 * second lag to the RPO; writing to the peer costs the upload's cross-region latency on archive only, which
 * {@code archive_timeout} already bounds. The peer's stack holds the bucket, so a destroy or a broken state of
 * the writer's stack — what happens while its region is down — cannot remove the archive the recovery needs.
 *
 * <h2>Resources</h2>
 * Shapes follow the provider's acceptance tests (ovh/terraform-provider-ovh, v2.22.0 as v2.19.0 for these
 * files): the bucket as {@code TestAccCloudProjectRegionStorage_basic} ({@code versioning = { status =
 * "enabled" }}, {@code ovh/resource_cloud_project_storage_test.go}); the user, credential and policy as
 * {@code TestAccCloudProjectUserS3Policy_basic} (role {@code objectstore_operator}, the policy
 * {@code depends_on} the credential). Versioning keeps every overwritten or deleted object as a noncurrent
 * version; server-side encryption is {@code AES256}. The bucket carries {@code prevent_destroy} unless torn
 * down. Nothing here ran against OVH (no ovh provider binary on the build machine): unverified.
 *
 * <p>Versioning alone would keep every object the cluster's retention deletes forever: a lifecycle rule expires
 * noncurrent versions after {@code noncurrentVersionDays} (14 by default: the window to notice a wrong delete),
 * removes orphaned delete markers and aborts unfinished multipart uploads after a day.
 *
 * <p>Attributes: {@link #hostedBucketName()}, {@link #writeBucketName()}, {@link #policyDocument()},
 * {@link #accessKeyIdOutput()}, {@link #secretOutput()}. Escape hatches: {@link #resource()} (the bucket, the node's default child), {@link #user()},
 * {@link #credential()}, {@link #policy()}, {@link #lifecycleConfiguration()}.
 */
public class PostgresArchive extends Construct {
    /** The OVH role that lets a user use Object Storage at all; the S3 policy then narrows it. */
    static final String ROLE = "objectstore_operator";

    private final PostgresArchiveProps props;
    private final CloudProjectStorage bucket;
    private final CloudProjectStorageObjectBucketLifecycleConfiguration lifecycle;
    private final CloudProjectUser user;
    private final CloudProjectUserS3Credential credential;
    private final CloudProjectUserS3Policy policy;
    private final String policyDocument;
    private final TerraformOutput accessKeyIdOutput;
    private final TerraformOutput secretOutput;

    /**
     * Creates the archive share; invalid props throw {@link dev.tandem.constructs.core.ValidationException}
     * listing every problem. Prefer {@link Builder}.
     *
     * @param scope a construct in the region's stack
     * @param id    construct id; it names the outputs ({@code <id>_access_key_id}, {@code <id>_secret_access_key})
     * @param props the archive's description
     */
    public PostgresArchive(@NotNull Construct scope, @NotNull String id, PostgresArchiveProps props) {
        super(Scopes.checked(scope, id, "PostgresArchive"), id);
        Problems p = Problems.at(this);
        p.require(AwsProviders.stackOf(this).isPresent(), "scope", p.path(), "must be inside a TerraformStack",
                "create the archive under the region's stack");
        PostgresArchiveValidation.check(p, props);
        p.throwIfAny();
        this.props = props;
        TerraformResourceLifecycle guard = TerraformResourceLifecycle.builder().preventDestroy(!props.teardown()).build();
        this.bucket = CloudProjectStorage.Builder.create(this, "bucket")
                .serviceName(props.cloudProject())
                .regionName(props.storageRegion())
                .name(props.hostedBucket())
                .versioning(CloudProjectStorageVersioning.builder().status("enabled").build())
                .encryption(CloudProjectStorageEncryption.builder().sseAlgorithm("AES256").build())
                .lifecycle(guard)
                .build();
        getNode().setDefaultChild(bucket);
        this.lifecycle = lifecycle(props);
        this.user = CloudProjectUser.Builder.create(this, "user")
                .serviceName(props.cloudProject())
                .description("PostgreSQL WAL archive of " + props.region() + " (" + getNode().getPath() + ")")
                .roleNames(List.of(ROLE))
                .build();
        this.credential = CloudProjectUserS3Credential.Builder.create(this, "credential")
                .serviceName(props.cloudProject())
                .userId(user.getId())
                .build();
        this.policyDocument = ArchivePolicy.document(props.writeBucket(), props.hostedBucket());
        this.policy = CloudProjectUserS3Policy.Builder.create(this, "policy")
                .serviceName(props.cloudProject())
                .userId(user.getId())
                .policy(policyDocument)
                .dependsOn(List.of(credential))
                .build();
        String stackPath = AwsProviders.stackOf(this).orElseThrow().getNode().getPath();
        String prefix = getNode().getPath().substring(stackPath.length() + 1).replace('/', '_').replace('-', '_');
        this.accessKeyIdOutput = output(prefix + "_access_key_id", credential.getAccessKeyId(), false,
                "S3 access key id of the PostgreSQL archive user of " + props.region());
        this.secretOutput = output(prefix + "_secret_access_key", credential.getSecretAccessKey(), true,
                "S3 secret key of the PostgreSQL archive user of " + props.region()
                        + " (sensitive: read with terraform output -raw, straight into kubectl create secret)");
    }

    /**
     * Versioning keeps what the cluster's own retention deletes (old base backups and their WAL) as noncurrent
     * versions; without a rule they would stay forever. One rule on the whole bucket, in the shape of the
     * provider's {@code TestAccCloudProjectStorageLifecycleConfiguration_multipleRules} (noncurrent expiry on a
     * versioned bucket) and {@code _expiredObjectDeleteMarker}: noncurrent versions expire after
     * {@code noncurrentVersionDays}, delete markers left alone are removed, and unfinished multipart uploads (an
     * upload cut by a failing region) are aborted after a day. Unverified against OVH (no provider binary here).
     */
    private CloudProjectStorageObjectBucketLifecycleConfiguration lifecycle(PostgresArchiveProps props) {
        return CloudProjectStorageObjectBucketLifecycleConfiguration.Builder.create(this, "lifecycle")
                .serviceName(props.cloudProject())
                .regionName(bucket.getRegionName())
                .containerName(bucket.getName())
                .rules(List.of(CloudProjectStorageObjectBucketLifecycleConfigurationRules.builder()
                        .id("expire-noncurrent-archive")
                        .status("enabled")
                        .noncurrentVersionExpiration(
                                CloudProjectStorageObjectBucketLifecycleConfigurationRulesNoncurrentVersionExpiration
                                        .builder().noncurrentDays(props.noncurrentVersionDays()).build())
                        .expiration(CloudProjectStorageObjectBucketLifecycleConfigurationRulesExpiration.builder()
                                .expiredObjectDeleteMarker(true).build())
                        .abortIncompleteMultipartUpload(
                                CloudProjectStorageObjectBucketLifecycleConfigurationRulesAbortIncompleteMultipartUpload
                                        .builder().daysAfterInitiation(1).build())
                        .build()))
                .build();
    }

    private TerraformOutput output(String name, String value, boolean sensitive, String description) {
        TerraformOutput out = TerraformOutput.Builder.create(this, name.replace('_', '-'))
                .value(value).sensitive(sensitive).description(description).build();
        out.overrideLogicalId(name); // stable, so README's kubectl step can name it
        return out;
    }

    /** @return the hosted bucket's lifecycle configuration (escape hatch) */
    public CloudProjectStorageObjectBucketLifecycleConfiguration lifecycleConfiguration() {
        return lifecycle;
    }

    /** @return the props the archive was built from */
    public PostgresArchiveProps props() {
        return props;
    }

    /** @return the bucket held here: the peer region's WAL archive */
    public String hostedBucketName() {
        return props.hostedBucket();
    }

    /** @return the bucket this region's cluster writes to, held by the peer's stack */
    public String writeBucketName() {
        return props.writeBucket();
    }

    /** @return the archive user's S3 policy, as JSON */
    public String policyDocument() {
        return policyDocument;
    }

    /** @return the output with the user's access key id (not secret), {@code <id>_access_key_id} */
    public TerraformOutput accessKeyIdOutput() {
        return accessKeyIdOutput;
    }

    /** @return the sensitive output with the user's secret key, {@code <id>_secret_access_key} */
    public TerraformOutput secretOutput() {
        return secretOutput;
    }

    /** @return the underlying {@code ovh_cloud_project_storage}, the node's default child (escape hatch) */
    public CloudProjectStorage resource() {
        return bucket;
    }

    /** @return the underlying {@code ovh_cloud_project_user} (escape hatch) */
    public CloudProjectUser user() {
        return user;
    }

    /** @return the underlying {@code ovh_cloud_project_user_s3_credential} (escape hatch) */
    public CloudProjectUserS3Credential credential() {
        return credential;
    }

    /** @return the underlying {@code ovh_cloud_project_user_s3_policy} (escape hatch) */
    public CloudProjectUserS3Policy policy() {
        return policy;
    }

    /** Fluent creation in the style of the AWS CDK: {@code PostgresArchive.Builder.create(scope, id)…build()}. */
    public static final class Builder extends PostgresArchiveProps.BuilderBase<Builder> {
        private final Construct scope;
        private final String id;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /**
         * @param scope a construct in the region's stack
         * @param id    construct id
         * @return a builder for an archive share under {@code scope}
         */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** @return the archive share, validated (throws ValidationException listing every problem) */
        public PostgresArchive build() {
            return new PostgresArchive(scope, id, props());
        }
    }
}
