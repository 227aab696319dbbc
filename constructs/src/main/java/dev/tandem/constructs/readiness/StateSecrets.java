package dev.tandem.constructs.readiness;

import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.TerraformBackend;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.core.ResourceTypes;
import dev.tandem.constructs.haproxy.HaproxyTier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.IConstruct;

/**
 * {@link Rule#STATE_SECRETS}, and the inventory {@code dr-report.md} prints: which secrets each stack's Terraform
 * state holds, and where that state is kept. Terraform writes every attribute of every resource into state,
 * {@code sensitive} ones included (Terraform docs, "Sensitive Data in State"), so the state is as secret as the
 * most secret value in it. A stack without a backend of its own keeps cdktf's default, a local file.
 */
final class StateSecrets {
    /** Resource types whose state holds a secret, and the attributes that hold it (their providers' schemas). */
    private static final Map<String, String> SECRET_ATTRIBUTES = Map.of(
            "tls_private_key", "private_key_pem (and its OpenSSH and PKCS#8 forms)",
            "aws_iam_access_key", "secret (the IAM secret access key)",
            "ovh_cloud_project_kube", "kubeconfig (cluster-admin credentials)",
            "cloudflare_authenticated_origin_pulls_certificate", "private_key (the origin-pull client key)",
            "ovh_cloud_project_user_s3_credential", "secret_access_key (the PostgreSQL archive user's S3 key)",
            "ovh_cloud_project_user", "password (the OVH cloud project user's OpenStack password)");

    private StateSecrets() {
    }

    static List<StackState> inventory(IConstruct root) {
        List<StackState> stacks = new ArrayList<>();
        for (IConstruct c : root.getNode().findAll()) {
            if (c instanceof TerraformStack stack) {
                stacks.add(of(stack));
            }
        }
        return stacks;
    }

    static List<CheckResult> check(List<StackState> inventory) {
        return inventory.stream().filter(s -> !s.secrets().isEmpty()).map(s -> SinglePoints.result(Rule.STATE_SECRETS,
                s.stack(), "backend", !s.local(), s.backend() + ", holding " + s.secrets().size() + " secret(s)",
                "an encrypted, access-controlled, locked remote backend",
                "keep the state in StateBackend.awsS3().bucket(…).region(…).build() (encrypted, locked with a lock "
                        + "file; DeploymentSpec.backend), with the bucket's access limited to who deploys")).toList();
    }

    private static StackState of(TerraformStack stack) {
        String name = stack.getNode().getPath();
        Optional<TerraformBackend> backend = stack.getNode().getChildren().stream()
                .filter(TerraformBackend.class::isInstance).map(TerraformBackend.class::cast).findFirst();
        boolean local = backend.isEmpty() || backend.get() instanceof LocalBackend;
        String where = local ? "local file terraform." + name + ".tfstate (plaintext)"
                : backend.get().getClass().getSimpleName().replace("Backend", "").toLowerCase(java.util.Locale.ROOT)
                        + " backend";
        List<String> secrets = new ArrayList<>();
        for (IConstruct c : stack.getNode().findAll()) {
            if (c instanceof TerraformResource r) {
                String attribute = SECRET_ATTRIBUTES.get(ResourceTypes.of(r));
                if (attribute != null) {
                    secrets.add(r.getNode().getPath() + ": " + attribute);
                }
            } else if (c instanceof HaproxyTier tier && tier.statsPasswordVariable().isPresent()) {
                secrets.add(tier.getNode().getPath() + ": the stats password's unsalted SHA-256, in each delivery's "
                        + "triggers_replace (the password itself passes as a variable and is not stored)");
            }
        }
        return new StackState(name, where, local, List.copyOf(secrets));
    }
}
