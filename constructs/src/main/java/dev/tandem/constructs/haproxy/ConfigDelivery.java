package dev.tandem.constructs.haproxy;

import com.hashicorp.cdktf.FileProvisioner;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.RemoteExecProvisioner;
import com.hashicorp.cdktf.SSHProvisionerConnection;
import com.hashicorp.cdktf.TerraformResourceConfig;
import dev.tandem.constructs.core.TerraformData;
import dev.tandem.constructs.core.TerraformStrings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * How the tier's configuration reaches its instances without replacing them: per instance, a
 * {@code terraform_data} resource whose {@code triggers_replace} holds a fingerprint of everything
 * delivered, with {@code file} and {@code remote-exec} provisioners over SSH (agent authentication) to
 * the instance's floating IP. A change of the configuration, the certificate, Cloudflare's ranges, the
 * origin-pull client CA or the stats password changes only these resources: Terraform replaces them, and
 * creating one uploads the files and runs {@code tandem-haproxy-apply}, which checks, swaps and reloads hitlessly, or refuses and
 * fails the apply with HAProxy's reason. Each instance's delivery waits for the previous instance's
 * (and the next instance for it), so changes roll one instance at a time and a configuration that breaks
 * the first one stops the rollout there.
 *
 * <p>The fingerprint also holds the instance's id and image and the bootstrap's digest: a replaced,
 * rebuilt or reinstalled instance boots on the bootstrap configuration and gets the delivery again.
 *
 * <p>Why provisioners and not a pull from object storage: the delivery needs nothing but SSH to an
 * address Terraform already knows, its failure is the apply's failure (with the reason), and the order
 * between instances is Terraform's dependency order. The price: whoever applies must reach the floating
 * IPs on port 22 from the operator network with the key in an SSH agent (README).
 */
final class ConfigDelivery {
    private final Construct scope;
    private final Files files;
    private final String user;
    private final String applyCommand;

    /**
     * What every instance receives.
     *
     * @param config         haproxy.cfg (a Terraform expression, possibly sensitive)
     * @param certificate    the certificate followed by its private key (sensitive)
     * @param cloudflareIpv4 Cloudflare's IPv4 ranges, one per line
     * @param originPullCa   the CA certificates whose client certificates HAProxy accepts, PEM
     * @param fingerprints   digests of the four, by name; a change of any replaces the deliveries
     */
    record Files(String config, String certificate, String cloudflareIpv4, String originPullCa,
            Map<String, String> fingerprints) {
    }

    /**
     * @param scope       the tier
     * @param files       what is delivered
     * @param user        the SSH user of the image, with passwordless sudo
     * @param healthPath  the path of the local health answer
     * @param settleSeconds time for a new worker's first checks to judge every server
     */
    ConfigDelivery(Construct scope, Files files, String user, String healthPath, long settleSeconds) {
        this.scope = scope;
        this.files = files;
        this.user = user;
        String health = "http://127.0.0.1:" + InstanceLayout.LOCAL_HEALTH_PORT + healthPath;
        this.applyCommand = "sudo env TANDEM_HAPROXY_HEALTH=" + shellQuoted(health)
                + " TANDEM_HAPROXY_SETTLE=" + settleSeconds + " " + InstanceLayout.APPLY_SCRIPT + " "
                + InstanceLayout.STAGING;
    }

    /**
     * The delivery to one instance.
     *
     * @param number   the instance's number, from 1
     * @param host     its floating IP
     * @param instance facts whose change means the instance lost its configuration (id, image, bootstrap)
     * @param after    what must be done first: the instance, and the previous instance's delivery
     * @return the {@code terraform_data} resource
     */
    TerraformData deliver(int number, String host, Map<String, String> instance, List<ITerraformDependable> after) {
        Map<String, String> triggers = new LinkedHashMap<>(instance);
        triggers.putAll(files.fingerprints());
        SSHProvisionerConnection ssh = SSHProvisionerConnection.builder()
                .type("ssh")
                .host(host)
                .user(user)
                .agent("true")
                // The first delivery waits for the instance to boot.
                .timeout("15m")
                .build();
        List<Object> steps = new ArrayList<>();
        steps.add(RemoteExecProvisioner.builder().type("remote-exec").inline(List.of(
                "set -eu",
                // cloud-init's exit status also reports recoverable warnings; the next line checks what matters.
                "cloud-init status --wait > /dev/null || true",
                "test -x " + InstanceLayout.APPLY_SCRIPT + " || { echo 'tandem: the bootstrap did not install "
                        + InstanceLayout.APPLY_SCRIPT + ": see /var/log/cloud-init-output.log' >&2; exit 1; }",
                "sudo rm -rf " + InstanceLayout.STAGING,
                "sudo install -d -m 0700 -o \"$(id -u)\" -g \"$(id -g)\" " + InstanceLayout.STAGING)).build());
        steps.add(upload(files.config(), InstanceLayout.CONFIG));
        steps.add(upload(files.certificate(), InstanceLayout.CERTIFICATE));
        steps.add(upload(files.cloudflareIpv4(), InstanceLayout.CLOUDFLARE_IPV4));
        steps.add(upload(files.originPullCa(), InstanceLayout.ORIGIN_PULL_CA));
        steps.add(RemoteExecProvisioner.builder().type("remote-exec")
                .inline(List.of(TerraformStrings.literal(applyCommand))).build());
        return new TerraformData(scope, "delivery-" + number, triggers, TerraformResourceConfig.builder()
                .connection(ssh).provisioners(steps).dependsOn(after));
    }

    private static FileProvisioner upload(String content, String name) {
        return FileProvisioner.builder().type("file").content(content)
                .destination(InstanceLayout.STAGING + "/" + name).build();
    }

    /** @return {@code text} as one POSIX shell word */
    static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
