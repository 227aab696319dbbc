package dev.tandem.constructs.core;

import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformStack;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each stack keeps its Terraform state. Cross-stack references read the producing stack's
 * state through the same backend (cdktf generates the {@code terraform_remote_state} lookups), so
 * every stack of a deployment must use one backend.
 *
 * <pre>{@code
 * StateBackend.awsS3().bucket("acme-tf-state").region("eu-west-3").build();          // production: encrypted, S3 lock file
 * StateBackend.awsS3().bucket("acme-tf-state").region("eu-west-3")
 *     .kmsKeyArn("arn:aws:kms:eu-west-3:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab").build();
 * StateBackend.ovhObjectStorage().bucket("acme-tf-state").region("gra").build();
 * StateBackend.local();                                                                // rehearsals only
 * }</pre>
 *
 * <p><b>For production, {@link #awsS3()}</b>: the state holds secrets (private keys, the app's IAM secret access
 * key, kubeconfigs; Terraform stores every attribute, sensitive ones included), and this backend writes it
 * encrypted ({@code encrypt = true}: S3 server-side encryption, or {@link S3Builder#kmsKeyArn(String)} for a key of
 * yours) and locked with a lock file beside it ({@code use_lockfile}, Terraform ≥ 1.10; Terraform's S3 backend
 * documentation calls DynamoDB locking deprecated). The bucket must exist, with versioning on, public access
 * blocked and access limited to who deploys. {@link #local()}, the default, is a plaintext file on the machine
 * that applied: the DR readiness pass warns about it (rule {@code state-secrets}) for every stack holding secrets.
 */
public sealed interface StateBackend {

    /** @return local state files ({@code terraform.<stack>.tfstate} where synth runs): nothing to set up */
    static StateBackend local() {
        return new Local();
    }

    /** @return a builder for state in AWS S3, encrypted and locked: the production default */
    static S3Builder awsS3() {
        return new S3Builder(false);
    }

    /** @return a builder for state in OVH Object Storage (its S3 API), locked with a lock file */
    static S3Builder ovhObjectStorage() {
        return new S3Builder(true);
    }

    /**
     * Configures {@code stack} to keep its state here.
     *
     * @param stack the stack; its id names the state object
     */
    void applyTo(TerraformStack stack);

    /** cdktf's default local backend. */
    record Local() implements StateBackend {
        @Override
        public void applyTo(TerraformStack stack) {
            // cdktf adds the local backend itself; nothing to do
        }
    }

    /**
     * The S3 backend against AWS or another S3 API.
     *
     * @param bucket    bucket name
     * @param region    region name the endpoint expects
     * @param endpoint  a non-AWS S3 endpoint; empty for AWS
     * @param lockTable DynamoDB lock table (AWS); empty means a lock file beside the state
     * @param keyPrefix folder of the state objects: {@code <keyPrefix>/<stack>.tfstate}
     * @param kmsKeyArn the KMS key the state objects are encrypted with (AWS); empty means S3's own
     */
    record S3Compatible(String bucket, String region, Optional<String> endpoint, Optional<String> lockTable,
            String keyPrefix, Optional<String> kmsKeyArn) implements StateBackend {

        @Override
        public void applyTo(TerraformStack stack) {
            S3BackendConfig.Builder b = S3BackendConfig.builder()
                    .bucket(bucket)
                    .key(keyPrefix + "/" + stack.getNode().getId() + ".tfstate")
                    .region(region)
                    .encrypt(true);
            lockTable.ifPresent(b::dynamodbTable);
            kmsKeyArn.ifPresent(b::kmsKeyId);
            endpoint.ifPresent(e -> b.endpoint(e).forcePathStyle(true).skipCredentialsValidation(true)
                    .skipRegionValidation(true).skipMetadataApiCheck(true));
            new S3Backend(stack, b.build());
            if (lockTable.isEmpty()) {
                stack.addOverride("terraform.backend.s3.use_lockfile", true);
            }
        }
    }

    /** Builds an S3 state backend; {@link #build()} checks the names. */
    final class S3Builder {
        /** S3's rules for new buckets (general purpose). */
        private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
        private static final Pattern DOTTED_QUAD = Pattern.compile("^[0-9]+(\\.[0-9]+){3}$");
        private static final Pattern LOCK_TABLE = Pattern.compile("^[a-zA-Z0-9_.-]{3,255}$");
        private static final Pattern OVH_REGION = Pattern.compile("^[a-z]+(-[a-z]+)*$");
        private static final Pattern KMS_KEY = Pattern.compile("^arn:aws[a-z-]*:kms:([a-z0-9-]+):[0-9]{12}:key/[A-Za-z0-9-]+$");

        private final boolean ovh;
        private String bucket;
        private String region;
        private String lockTable;
        private String keyPrefix = "tandem";
        private String kmsKeyArn;

        private S3Builder(boolean ovh) {
            this.ovh = ovh;
        }

        /**
         * @param value the bucket holding the state files; turn on its versioning (required)
         * @return this builder
         */
        public S3Builder bucket(String value) {
            this.bucket = value;
            return this;
        }

        /**
         * @param value the bucket's region: an AWS region such as {@code eu-west-3}, or for OVH Object
         *              Storage its region in lower case such as {@code gra} or {@code de} (required)
         * @return this builder
         */
        public S3Builder region(String value) {
            this.region = value;
            return this;
        }

        /**
         * @param value a DynamoDB table with a {@code LockID} string key for state locking (AWS only; Terraform's
         *              S3 backend documentation calls DynamoDB locking deprecated — for existing setups);
         *              @default none: a lock file beside the state ({@code use_lockfile}, Terraform ≥ 1.10)
         * @return this builder
         */
        public S3Builder lockTable(String value) {
            this.lockTable = value;
            return this;
        }

        /**
         * @param value ARN of a customer-managed KMS key in the bucket's region that encrypts the state objects
         *              ({@code kms_key_id}; whoever deploys needs {@code kms:Encrypt}, {@code kms:Decrypt} and
         *              {@code kms:GenerateDataKey} on it), so reading the state also takes a grant on the key
         *              (AWS only); @default none: S3's server-side encryption ({@code encrypt = true})
         * @return this builder
         */
        public S3Builder kmsKeyArn(String value) {
            this.kmsKeyArn = value;
            return this;
        }

        /**
         * @param value folder of the state objects, {@code <prefix>/<stack>.tfstate}; @default {@code tandem}
         * @return this builder
         */
        public S3Builder keyPrefix(String value) {
            this.keyPrefix = value;
            return this;
        }

        /**
         * @return the backend
         * @throws ValidationException listing every problem, under the path {@code StateBackend}
         */
        public StateBackend build() {
            Problems p = new Problems("StateBackend");
            p.require(bucket != null && BUCKET.matcher(bucket).matches() && !bucket.contains("..")
                            && !DOTTED_QUAD.matcher(bucket).matches() && !bucket.startsWith("xn--")
                            && !bucket.startsWith("sthree-") && !bucket.endsWith("-s3alias")
                            && !bucket.endsWith("--ol-s3"),
                    "bucket", bucket, "must be an S3 bucket name: 3–63 of a-z, 0-9, '.' and '-', starting and "
                            + "ending with a letter or digit, no '..', not an IP address, no reserved prefix or suffix",
                    "use e.g. acme-tandem-state");
            if (ovh) {
                p.require(region != null && OVH_REGION.matcher(region).matches(), "region", region,
                        "must be an OVH Object Storage region in lower case", "use e.g. gra, sbg, de or eu-west-par");
                p.require(lockTable == null, "lockTable", lockTable,
                        "applies to AWS only: OVH Object Storage locks with a lock file", "remove lockTable");
                p.require(kmsKeyArn == null, "kmsKeyArn", kmsKeyArn,
                        "applies to AWS only: OVH Object Storage has no AWS KMS", "remove kmsKeyArn");
            } else {
                p.require(AwsRegions.isValid(region), "region", region,
                        "must be an AWS region (those hashicorp/aws 5.100.0 knows)", "use the bucket's region, e.g. eu-west-3");
                p.require(lockTable == null || LOCK_TABLE.matcher(lockTable).matches(), "lockTable", lockTable,
                        "must be a DynamoDB table name (3–255 of a-z, A-Z, 0-9, '_', '.', '-')",
                        "name the lock table, or leave it unset to lock with a lock file");
                if (kmsKeyArn != null) {
                    Matcher key = KMS_KEY.matcher(kmsKeyArn);
                    boolean arn = key.matches();
                    p.require(arn, "kmsKeyArn", kmsKeyArn, "must be a KMS key ARN, arn:aws:kms:<region>:<account>:key/<id>",
                            "copy the key's ARN from the KMS console or `aws kms describe-key` (not an alias)");
                    p.require(!arn || key.group(1).equals(region), "kmsKeyArn", kmsKeyArn,
                            "is a key in " + (arn ? key.group(1) : "") + ", but the bucket is in " + region
                                    + ": S3 encrypts with a key of the bucket's region",
                            "use a key in " + region);
                }
            }
            p.require(keyPrefix != null && keyPrefix.matches("^[A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*$"),
                    "keyPrefix", keyPrefix, "must be a non-empty S3 key prefix without leading or trailing /",
                    "use e.g. tandem or teams/orders");
            p.throwIfAny();
            Optional<String> endpoint = ovh ? Optional.of("https://s3." + region + ".io.cloud.ovh.net") : Optional.empty();
            return new S3Compatible(bucket, region, endpoint, Optional.ofNullable(lockTable), keyPrefix,
                    Optional.ofNullable(kmsKeyArn));
        }
    }
}
