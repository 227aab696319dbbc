package dev.tandem.constructs.haproxy;

import com.hashicorp.cdktf.FileProvisioner;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.LocalExecProvisioner;
import com.hashicorp.cdktf.RemoteExecProvisioner;
import com.hashicorp.cdktf.SSHProvisionerConnection;
import com.hashicorp.cdktf.TerraformResourceConfig;
import dev.tandem.constructs.core.TerraformData;
import dev.tandem.constructs.core.TerraformStrings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * How the tier's configuration reaches its instances without replacing them: per instance, a
 * {@code terraform_data} resource whose {@code triggers_replace} holds a fingerprint of everything
 * delivered, with {@code file} and {@code remote-exec} provisioners over SSH to the instance's floating IP.
 * A change of the configuration, the certificate, Cloudflare's ranges, the origin-pull client CA or the stats
 * password changes only these resources: Terraform replaces them, and creating one uploads the files and runs
 * {@code tandem-haproxy-apply --detach}, which checks, swaps and reloads hitlessly, or refuses and fails the
 * apply with HAProxy's reason; detached, it finishes (or rolls back) by itself if the SSH session drops.
 * Each instance's delivery waits for the previous instance's
 * (and the next instance for it), so changes roll one instance at a time and a configuration that breaks
 * the first one stops the rollout there.
 *
 * <p>The fingerprint also holds the instance's id, image and host key and the bootstrap's digest: a replaced,
 * rebuilt or reinstalled instance boots on the bootstrap configuration and gets the delivery again.
 *
 * <p>Why provisioners and not a pull from object storage: the delivery needs nothing but SSH to an
 * address Terraform already knows, its failure is the apply's failure (with the reason), and the order
 * between instances is Terraform's dependency order. The price: whoever applies must reach the floating
 * IPs on port 22 from the operator network, with the deploy key (docs/haproxy-delivery.md).
 *
 * <p><b>Both ends authenticated, nothing lent.</b> The connection sets {@code agent = false}: Terraform's SSH
 * communicator otherwise uses the operator's agent whenever {@code SSH_AUTH_SOCK} is set and, with an agent,
 * requests agent forwarding for the whole connection (hashicorp/terraform
 * {@code internal/communicator/ssh/provisioner.go} {@code parseConnectionInfo}, {@code communicator.go}
 * {@code Connect}). It authenticates with the deploy key from a sensitive variable (its value is never in
 * {@code cdktf.out}; Terraform keeps connection blocks out of state) and pins the instance's own host key
 * ({@code host_key}; without one the communicator uses {@code ssh.InsecureIgnoreHostKey}, with one it writes
 * a known_hosts line {@code @cert-authority <host> <key>} that also matches the key itself, same file,
 * {@code buildSSHClientConfig}). Inline scripts go to {@code script_path} in the SSH user's {@code ~/.ssh}
 * instead of the default {@code /tmp/terraform_%RAND%.sh}, which Terraform makes mode 0777 in a directory
 * every local user can write: {@code ~/.ssh} is the one directory cloud-init has made (0700, the user's own)
 * before sshd accepts the key, and sshd itself refuses keys whose directory others can write. The SSH side is
 * unverified end to end on a real sshd (none on the build machine); the JSON it rests on is tested.
 *
 * <p><b>Failing fast.</b> The first step is a {@code local-exec} on the workstation that waits, at most
 * {@link #SSH_WAIT_SECONDS}, for the instance's SSH banner ({@code ssh-keyscan}, part of every OpenSSH client)
 * and otherwise fails with the reason: the security group admits port 22 only from the operator network. The
 * SSH connection's own {@code timeout} is then short.
 */
final class ConfigDelivery {
    /** How long the workstation waits for an instance's SSH banner: a new instance's boot, with margin. */
    static final int SSH_WAIT_SECONDS = 300;
    /** The connection's timeout once the banner answered (Terraform's default is 5 minutes). */
    static final String CONNECTION_TIMEOUT = "1m";
    /** What a new worker may take to appear after a reload (the apply script's own default is the same). */
    static final int WORKER_DEADLINE_SECONDS = 60;

    private final Construct scope;
    private final Files files;
    private final Access access;
    private final String applyCommand;

    /**
     * What every instance receives.
     *
     * @param config         haproxy.cfg (a Terraform expression, possibly sensitive)
     * @param certificate    the certificate followed by its private key (sensitive)
     * @param cloudflareIpv4 Cloudflare's IPv4 ranges, one per line
     * @param originPullCa   the CA certificates whose client certificates HAProxy accepts, PEM
     * @param fingerprints   digests of the four, by name; a change of any replaces the deliveries
     * @param statsPassword  the stats password, when the page is on: each delivery's fingerprint holds it
     *                       hashed with that instance's host key as salt (never the bare password's digest)
     */
    record Files(String config, String certificate, String cloudflareIpv4, String originPullCa,
            Map<String, String> fingerprints, Optional<String> statsPassword) {
    }

    /**
     * How the workstation reaches the instances.
     *
     * @param user         the SSH user of the image, with passwordless sudo
     * @param deployKey    the deploy key's private half (a sensitive variable's value)
     * @param operatorCidr the only network the security group admits SSH from, for the error message
     */
    record Access(String user, String deployKey, String operatorCidr) {
        /**
         * @return where inline scripts go: the user's {@code ~/.ssh}, which exists once the key logs in and no
         *         other user can write. Relative to the login directory (Terraform does not expand {@code ~}; its
         *         SSH communicator uploads with {@code scp -vt <dir>} and runs the path as given, both from the
         *         session's home): exercised with Terraform 1.11 against OpenSSH on loopback, which put the script
         *         in {@code ~/.ssh} and ran it there. No image's home directory is written into the output.
         */
        String scriptPath() {
            return ".ssh/tandem-delivery-%RAND%.sh";
        }
    }

    /**
     * @param scope       the tier
     * @param files       what is delivered
     * @param access      how the workstation reaches the instances
     * @param healthPath  the path of the local health answer
     * @param settleSeconds time for a new worker's first checks to judge every server
     */
    ConfigDelivery(Construct scope, Files files, Access access, String healthPath, long settleSeconds) {
        this.scope = scope;
        this.files = files;
        this.access = access;
        String health = "http://127.0.0.1:" + InstanceLayout.LOCAL_HEALTH_PORT + healthPath;
        // --detach: the apply finishes (applies or rolls back) by itself if the SSH session drops.
        this.applyCommand = "sudo env TANDEM_HAPROXY_HEALTH=" + shellQuoted(health)
                + " TANDEM_HAPROXY_SETTLE=" + settleSeconds
                + " TANDEM_HAPROXY_WORKER_DEADLINE=" + WORKER_DEADLINE_SECONDS + " " + InstanceLayout.APPLY_SCRIPT
                + " --detach " + InstanceLayout.STAGING;
    }

    /**
     * The delivery to one instance.
     *
     * @param number   the instance's number, from 1
     * @param host     its floating IP
     * @param hostKey  the instance's SSH host public key (OpenSSH line), installed by its bootstrap
     * @param instance facts whose change means the instance lost its configuration (id, image, bootstrap)
     * @param after    what must be done first: the instance, and the previous instance's delivery
     * @return the {@code terraform_data} resource
     */
    TerraformData deliver(int number, String host, String hostKey, Map<String, String> instance,
            List<ITerraformDependable> after) {
        Map<String, String> triggers = new LinkedHashMap<>(instance);
        triggers.putAll(files.fingerprints());
        // Salted with this instance's host key: state holds no digest that one lookup table reverses.
        files.statsPassword().ifPresent(password ->
                triggers.put("stats_password", Fn.sha256(Fn.trimspace(hostKey) + ":" + password)));
        SSHProvisionerConnection ssh = SSHProvisionerConnection.builder()
                .type("ssh")
                .host(host)
                .user(access.user())
                .agent("false")
                .privateKey(access.deployKey())
                .hostKey(Fn.trimspace(hostKey))
                .scriptPath(access.scriptPath())
                // The workstation's probe has seen the banner by then (first step).
                .timeout(CONNECTION_TIMEOUT)
                .build();
        List<Object> steps = new ArrayList<>();
        steps.add(LocalExecProvisioner.builder().type("local-exec")
                .command(TerraformStrings.literal(Bootstrap.resource(SSH_PROBE_RESOURCE)))
                .environment(Map.of("TANDEM_SSH_HOST", host, "TANDEM_SSH_PORT", String.valueOf(HaproxyTier.SSH_PORT),
                        "TANDEM_SSH_WAIT", String.valueOf(SSH_WAIT_SECONDS),
                        "TANDEM_OPERATOR_CIDR", TerraformStrings.literal(access.operatorCidr())))
                .build());
        steps.add(RemoteExecProvisioner.builder().type("remote-exec").inline(List.of(
                "set -eu",
                // cloud-init's exit status also reports recoverable warnings; the next line checks what matters.
                "cloud-init status --wait > /dev/null || true",
                "test -x " + InstanceLayout.APPLY_SCRIPT + " || { echo 'tandem: the bootstrap did not install "
                        + InstanceLayout.APPLY_SCRIPT + ": see /var/log/cloud-init-output.log' >&2; exit 1; }",
                // Terraform leaves each script behind, emptied (remote-exec's "blank follow up file").
                "find \"$HOME/.ssh\" -maxdepth 1 -name 'tandem-delivery-*.sh' -size 0 -delete",
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

    /** The workstation's wait for the instance's SSH banner, a POSIX shell script run by {@code local-exec}. */
    static final String SSH_PROBE_RESOURCE = "tandem-ssh-wait";

    private static FileProvisioner upload(String content, String name) {
        return FileProvisioner.builder().type("file").content(content)
                .destination(InstanceLayout.STAGING + "/" + name).build();
    }

    /** @return {@code text} as one POSIX shell word */
    static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
