package dev.tandem.constructs.core;

import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformStack;
import java.util.Optional;

/**
 * Where each stack keeps its Terraform state. Cross-stack references read the producing stack's
 * state through the same backend (cdktf generates the {@code terraform_remote_state} lookups), so
 * every stack of a deployment must use one backend.
 */
public sealed interface StateBackend {

    /** @return local state files ({@code terraform.<stack>.tfstate} where synth runs): nothing to set up */
    static StateBackend local() {
        return new Local();
    }

    /**
     * @param bucket    S3 bucket for the state files (versioning on, please)
     * @param region    the bucket's AWS region
     * @param lockTable DynamoDB table with a {@code LockID} string key, for state locking
     * @return state in AWS S3, locked with DynamoDB
     */
    static StateBackend awsS3(String bucket, String region, String lockTable) {
        return new S3Compatible(bucket, region, Optional.empty(), Optional.of(lockTable), "tandem");
    }

    /**
     * @param bucket OVH Object Storage (S3 API) bucket
     * @param region OVH storage region in lower case, e.g. {@code gra} or {@code de}
     * @return state in OVH Object Storage, locked with a lock file next to the state (Terraform ≥ 1.10)
     */
    static StateBackend ovhObjectStorage(String bucket, String region) {
        return new S3Compatible(bucket, region, Optional.of("https://s3." + region + ".io.cloud.ovh.net"),
                Optional.empty(), "tandem");
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

        /** Validates the names; the message names the backend and the property. */
        public S3Compatible {
            Problems p = new Problems("StateBackend");
            p.require(bucket != null && bucket.matches("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"), "bucket", bucket,
                    "must be an S3 bucket name (3–63 of a-z, 0-9, '.', '-')", "use e.g. acme-tandem-state");
            p.require(region != null && !region.isBlank(), "region", region, "is required",
                    "give the bucket's region");
            p.throwIfAny();
        }

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
}
