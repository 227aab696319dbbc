package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.network.Ipv4Cidr;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cloud-init {@code user_data} of a tier instance: install Debian's haproxy package, write the
 * configuration byte for byte, then check it and (re)start the service.
 *
 * <p>Files are written with {@code defer: true}, i.e. after packages are installed, so the package's
 * own default configuration cannot replace ours. The stats page needs two values the configuration
 * only names: the instance's private address, found at boot as the address inside the region's
 * network, and the password, which Terraform puts into {@code /etc/default/haproxy} (the unit's
 * environment file, readable by root only) from the sensitive variable. Needs an image with apt,
 * systemd and cloud-init 21.4 or later (Debian 12, Ubuntu 22.04).
 */
final class CloudInit {
    static final String CONFIG_PATH = "/etc/haproxy/haproxy.cfg";
    static final String PRIVATE_IP_VARIABLE = "TANDEM_PRIVATE_IP";
    static final String STATS_PASSWORD_VARIABLE = "HAPROXY_STATS_PASSWORD";

    private CloudInit() {
    }

    /**
     * @param config        the haproxy.cfg text (it may hold Terraform references, which Terraform fills)
     * @param privateCidr   the region's private network
     * @param statsPassword Terraform reference to the stats password, when the stats page is on
     * @return the user data
     */
    static String userData(String config, Ipv4Cidr privateCidr, Optional<String> statsPassword) {
        StringBuilder y = new StringBuilder("""
                #cloud-config
                package_update: true
                packages:
                  - haproxy
                write_files:
                  - path: %s
                    permissions: "0644"
                    defer: true
                    content: |
                %s""".formatted(CONFIG_PATH, indent(config, 6)));
        statsPassword.ifPresent(password -> y.append("""
                  - path: /etc/default/haproxy
                    permissions: "0600"
                    defer: true
                    content: |
                      %s=%s
                """.formatted(STATS_PASSWORD_VARIABLE, password)));
        y.append("runcmd:\n  - |\n    set -e\n");
        if (statsPassword.isPresent()) {
            // `ip addr show to <cidr>` lists only the address on the private network.
            y.append("""
                        private_ip=$(ip -4 -o addr show to %s | awk '{split($4, a, "/"); print a[1]; exit}')
                        test -n "$private_ip"
                        echo "%s=$private_ip" >> /etc/default/haproxy
                    """.formatted(privateCidr, PRIVATE_IP_VARIABLE));
        }
        y.append("""
                    haproxy -c -f %s
                    systemctl enable haproxy
                    systemctl restart haproxy
                """.formatted(CONFIG_PATH));
        return y.toString();
    }

    /** A YAML literal block keeps every character of the text; empty lines stay empty. */
    private static String indent(String text, int spaces) {
        String pad = " ".repeat(spaces);
        return text.lines().map(l -> l.isEmpty() ? "" : pad + l).collect(Collectors.joining("\n", "", "\n"));
    }
}
