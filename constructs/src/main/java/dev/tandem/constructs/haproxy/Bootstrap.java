package dev.tandem.constructs.haproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The cloud-init {@code user_data} of a tier instance: bootstrap only. It installs the instance's SSH host key,
 * an sshd drop-in that forwards nothing, Debian's haproxy package and {@code tandem-haproxy-apply}, and starts
 * HAProxy in master-worker mode from a release holding a configuration that serves nothing. The tier's own configuration, certificate, allow-list and
 * origin-pull client CA arrive later through the delivery ({@link ConfigDelivery}).
 *
 * <p><b>The host key.</b> Each instance gets an Ed25519 host key Terraform generates ({@code tls_private_key}),
 * which the delivery pins as its connection's {@code host_key}. cloud-init's {@code ssh} module writes it from
 * {@code ssh_keys} before sshd starts, and with {@code ssh_deletekeys} and an empty {@code ssh_genkeytypes} the
 * instance has no other host key, so sshd cannot offer one Terraform would refuse (cloud-init docs, module
 * "SSH"; the ordering before sshd is cloud-init's, unverified on this machine). The text below names two
 * placeholders ({@link #HOST_KEY_PRIVATE}, {@link #HOST_KEY_PUBLIC}) that the tier replaces with the keys as
 * JSON strings (YAML reads JSON strings), so the side file written at synth holds no key.
 *
 * <p>Nothing here depends on the tier's props, and nothing may: a change of {@code user_data} on
 * {@code ovh_cloud_instance} reinstalls the instance in place (root disk wiped; ovh/terraform-provider-ovh
 * {@code docs/resources/cloud_instance.md}, "Cloud-init user data"), so it changes only when Tandem ships
 * a new script, and the delivery then runs again on the reinstalled instance, one instance at a time.
 *
 * <p>Debian's systemd unit starts {@code haproxy -Ws -f $CONFIG -p $PIDFILE $EXTRAOPTS} and reloads with a
 * check then {@code kill -USR2} to the master, reading both variables from {@code /etc/default/haproxy}
 * (which overrides the unit's own {@code Environment=}); the bootstrap points them at the current release.
 * Files are written with {@code defer: true}, after the package is installed, so the package's own
 * defaults file cannot replace ours. Needs an image with apt, systemd and cloud-init 21.4 or later
 * (Debian 12, Ubuntu 22.04).
 */
final class Bootstrap {
    /** The apply script, as shipped and as the loopback tests run it. */
    static final String APPLY_SCRIPT_RESOURCE = "tandem-haproxy-apply";
    /** The configuration an instance starts with. */
    static final String BOOTSTRAP_CONFIG_RESOURCE = "bootstrap-haproxy.cfg";
    /** The release the bootstrap configuration lives in. */
    static final String BOOTSTRAP_RELEASE = InstanceLayout.ROOT + "/releases/bootstrap";
    /** Replaced with the host private key (OpenSSH PEM) as a JSON string. */
    static final String HOST_KEY_PRIVATE = "TANDEM_HOST_KEY_PRIVATE";
    /** Replaced with the host public key (OpenSSH line) as a JSON string. */
    static final String HOST_KEY_PUBLIC = "TANDEM_HOST_KEY_PUBLIC";
    /** Where the sshd drop-in goes; Debian 12's sshd_config includes sshd_config.d/*.conf first. */
    static final String SSHD_DROP_IN = "/etc/ssh/sshd_config.d/50-tandem.conf";

    private Bootstrap() {
    }

    /** @return the cloud-config text, with the host key placeholders */
    static String cloudConfig() {
        String current = InstanceLayout.ROOT + "/current";
        return """
                #cloud-config
                # Tandem HAProxy tier bootstrap. HAProxy starts on a configuration that serves nothing; Terraform
                # then delivers the tier's configuration over SSH and tandem-haproxy-apply puts it into service.
                # The host key is the one Terraform pins; no other is kept or generated.
                ssh_deletekeys: true
                ssh_genkeytypes: []
                ssh_keys:
                  ed25519_private: %s
                  ed25519_public: %s
                package_update: true
                packages:
                  - haproxy
                  - curl
                write_files:
                  # Not deferred: in place before sshd starts. The first value of a keyword wins (sshd_config(5)).
                  - path: %s
                    permissions: "0644"
                    content: |
                      # Written by Tandem's bootstrap: one host key (the one Terraform pins), keys only, and the
                      # delivery's connection forwards nothing, so an instance can borrow nothing from a workstation.
                      HostKey /etc/ssh/ssh_host_ed25519_key
                      PasswordAuthentication no
                      KbdInteractiveAuthentication no
                      AllowAgentForwarding no
                      AllowTcpForwarding no
                      AllowStreamLocalForwarding no
                      X11Forwarding no
                      PermitTunnel no
                  - path: %s
                    permissions: "0755"
                    defer: true
                    content: |
                %s  - path: %s/%s
                    permissions: "0640"
                    defer: true
                    content: |
                %s  - path: /etc/default/haproxy
                    permissions: "0644"
                    defer: true
                    content: |
                      # Written by Tandem's bootstrap: HAProxy runs from the current release (tandem-haproxy-apply).
                      CONFIG=%s/%s
                      EXTRAOPTS="-S %s -C %s"
                runcmd:
                  - |
                    set -e
                    ln -sfn %s %s
                    systemctl enable haproxy
                    systemctl restart haproxy
                    systemctl try-reload-or-restart ssh
                """.formatted(HOST_KEY_PRIVATE, HOST_KEY_PUBLIC, SSHD_DROP_IN, InstanceLayout.APPLY_SCRIPT, indent(resource(APPLY_SCRIPT_RESOURCE)),
                BOOTSTRAP_RELEASE, InstanceLayout.CONFIG, indent(resource(BOOTSTRAP_CONFIG_RESOURCE)),
                current, InstanceLayout.CONFIG, InstanceLayout.MASTER_SOCKET, current,
                BOOTSTRAP_RELEASE, current);
    }


    /** @return a file shipped beside this class */
    static String resource(String name) {
        try (InputStream in = Bootstrap.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + Bootstrap.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML literal block keeps every character of the text; empty lines stay empty. */
    private static String indent(String text) {
        String pad = " ".repeat(6);
        return text.lines().map(l -> l.isEmpty() ? "" : pad + l).collect(Collectors.joining("\n", "", "\n"));
    }
}
