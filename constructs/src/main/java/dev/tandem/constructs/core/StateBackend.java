package dev.tandem.constructs.core;

import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformStack;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where each stack keeps its Terraform state. Cross-stack references read the producing stack's
 * state through the same backend (cdktf generates the {@code terraform_remote_state} lookups), so
 * every stack of a deployment must use one backend.
 *
 * <pre>{@code
 * StateBackend.local();
 * StateBackend.awsS3().bucket("acme-tf-state").region("eu-west-3").build();          // S3 lock file
 * StateBackend.awsS3().bucket("acme-tf-state").region("eu-west-3").lockTable("acme-tf-locks").build();
 * StateBackend.ovhObjectStorage().bucket("acme-tf-state").region("gra").build();
 * }</pre>
 */
public sealed interface StateBackend {

    /** @return local state files ({@code terraform.<stack>.tfstate} where synth runs): nothing to set up */
    static StateBackend local() {
        return new Local();
    }

    /** @return a builder for state in AWS S3 */
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
     */
    record S3Compatible(String bucket, String region, Optional<String> endpoint, Optional<String> lockTable,
            String keyPrefix) implements StateBackend {

        @Override
        public void applyTo(TerraformStack stack) {
            S3BackendConfig.Builder b = S3BackendConfig.builder()
                    .bucket(bucket)
                    .key(keyPrefix + "/" + stack.getNode().getId() + ".tfstate")
                    .region(region)
                    .encrypt(true);
            lockTable.ifPresent(b::dynamodbTable);
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

        private final boolean ovh;
        private String bucket;
        private String region;
        private String lockTable;
        private String keyPrefix = "tandem";

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
         * @param value a DynamoDB table with a {@code LockID} string key for state locking (AWS only);
         *              @default none: a lock file beside the state ({@code use_lockfile}, Terraform ≥ 1.10,
         *              which Terraform 1.11 recommends over the DynamoDB table)
         * @return this builder
         */
        public S3Builder lockTable(String value) {
            this.lockTable = value;
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
            } else {
                p.require(AwsRegions.isValid(region), "region", region,
                        "must be an AWS region (those hashicorp/aws 5.100.0 knows)", "use the bucket's region, e.g. eu-west-3");
                p.require(lockTable == null || LOCK_TABLE.matcher(lockTable).matches(), "lockTable", lockTable,
                        "must be a DynamoDB table name (3–255 of a-z, A-Z, 0-9, '_', '.', '-')",
                        "name the lock table, or leave it unset to lock with a lock file");
            }
            p.require(keyPrefix != null && keyPrefix.matches("^[A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*$"),
                    "keyPrefix", keyPrefix, "must be a non-empty S3 key prefix without leading or trailing /",
                    "use e.g. tandem or teams/orders");
            p.throwIfAny();
            Optional<String> endpoint = ovh ? Optional.of("https://s3." + region + ".io.cloud.ovh.net") : Optional.empty();
            return new S3Compatible(bucket, region, endpoint, Optional.ofNullable(lockTable), keyPrefix);
        }
    }
}
