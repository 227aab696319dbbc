package dev.tandem.constructs.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The S3 policy of a region's archive user: write its own archive (held by the peer region), read the
 * peer's (held here), nothing else. Shape of the provider's acceptance test {@code TestAccCloudProjectUserS3Policy_basic}
 * (ovh/terraform-provider-ovh {@code ovh/resource_cloud_project_user_s3_policy_test.go}): one {@code Statement}
 * list, each with {@code Sid}, {@code Effect}, {@code Action} and {@code Resource} as {@code arn:aws:s3:::<bucket>}
 * and {@code arn:aws:s3:::<bucket>/*}.
 *
 * <p>The write statement has no {@code s3:DeleteObjectVersion} and no bucket-configuration action: with
 * versioning on, a delete (the Barman Cloud plugin's retention, or a leaked key) only adds a delete marker, and
 * every earlier version stays until someone with the project's own rights removes it. Which actions the plugin
 * needs is read from barman-cloud's use of S3 (upload with multipart, list, get, delete for retention); that
 * OVH's policy engine honours each action as AWS does is unverified.
 */
final class ArchivePolicy {
    /** What the writer needs on its own archive: put (multipart included), read back, list, delete for retention. */
    static final List<String> WRITE_ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject",
            "s3:ListBucket", "s3:ListMultipartUploadParts", "s3:ListBucketMultipartUploads",
            "s3:AbortMultipartUpload", "s3:GetBucketLocation");
    /** What the reader needs on the peer's archive: list and get, for recovery and WAL replay. */
    static final List<String> READ_ACTIONS = List.of("s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArchivePolicy() {
    }

    /** @return the policy document, compact JSON with a fixed key order (a stable golden file) */
    static String document(String writeBucket, String readBucket) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode statements = root.putArray("Statement");
        statement(statements, "WriteOwnArchive", WRITE_ACTIONS, writeBucket);
        statement(statements, "ReadPeerArchive", READ_ACTIONS, readBucket);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void statement(ArrayNode statements, String sid, List<String> actions, String bucket) {
        ObjectNode s = statements.addObject().put("Sid", sid).put("Effect", "Allow");
        actions.forEach(s.putArray("Action")::add);
        s.putArray("Resource").add("arn:aws:s3:::" + bucket).add("arn:aws:s3:::" + bucket + "/*");
    }
}
