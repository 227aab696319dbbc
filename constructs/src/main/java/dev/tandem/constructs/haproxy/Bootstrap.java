package dev.tandem.constructs.haproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * The cloud-init {@code user_data} of a tier instance: bootstrap only. It installs Debian's haproxy
 * package and {@code tandem-haproxy-apply}, and starts HAProxy in master-worker mode from a release holding
 * a configuration that serves nothing. The tier's own configuration, certificate, allow-list and
 * origin-pull client CA arrive later through the delivery ({@link ConfigDelivery}).
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

    private Bootstrap() {
    }

    /** @return the cloud-config text */
    static String cloudConfig() {
        String current = InstanceLayout.ROOT + "/current";
        return """
                #cloud-config
                # Tandem HAProxy tier bootstrap. HAProxy starts on a configuration that serves nothing; Terraform
                # then delivers the tier's configuration over SSH and tandem-haproxy-apply puts it into service.
                package_update: true
                packages:
                  - haproxy
                  - curl
                write_files:
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
                """.formatted(InstanceLayout.APPLY_SCRIPT, indent(resource(APPLY_SCRIPT_RESOURCE)),
                BOOTSTRAP_RELEASE, InstanceLayout.CONFIG, indent(resource(BOOTSTRAP_CONFIG_RESOURCE)),
                current, InstanceLayout.CONFIG, InstanceLayout.MASTER_SOCKET, current,
                BOOTSTRAP_RELEASE, current);
    }

    /** @return {@link #cloudConfig()} base64-encoded, as {@code ovh_cloud_instance.user_data} takes it */
    static String userData() {
        return Base64.getEncoder().encodeToString(cloudConfig().getBytes(StandardCharsets.UTF_8));
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
