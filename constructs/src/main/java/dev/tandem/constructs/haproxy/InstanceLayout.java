package dev.tandem.constructs.haproxy;

/**
 * Where things live on a tier instance. HAProxy runs from {@code ROOT/current}, a symlink to the release
 * directory of the last delivery ({@code ROOT/releases/<time>-<pid>}), with {@code -C ROOT/current}, so
 * every file the configuration names is relative to the release.
 */
final class InstanceLayout {
    /** Releases and the {@code current} symlink. */
    static final String ROOT = "/etc/haproxy/tandem";
    /** The script that puts a delivery into service (resource {@code tandem-haproxy-apply}). */
    static final String APPLY_SCRIPT = "/usr/local/sbin/tandem-haproxy-apply";
    /**
     * Where Terraform's provisioners upload a delivery: made afresh by root for the SSH user (0700) under
     * a directory no other user can write, unlike {@code /tmp}, and removed by the apply script on every exit
     * path (applied, refused, rolled back, interrupted), so the private key does not stay there.
     */
    static final String STAGING = "/var/lib/tandem/incoming";
    /** The configuration, in a release. */
    static final String CONFIG = "haproxy.cfg";
    /** The origin certificate followed by its private key, in a release. */
    static final String CERTIFICATE = "origin.pem";
    /** Cloudflare's IPv4 ranges, one per line, in a release. */
    static final String CLOUDFLARE_IPV4 = "cloudflare-ipv4.lst";
    /** The deployment's origin-pull client CA generations ({@code OriginPullTrust}), delivered into each release. */
    static final String ORIGIN_PULL_CA = "origin-pull-ca.pem";
    /** Loopback port of the health answer the apply script asks. */
    static final int LOCAL_HEALTH_PORT = 8405;
    /** The master CLI socket, which Debian's systemd unit passes with {@code -S}. */
    static final String MASTER_SOCKET = "/run/haproxy-master.sock";

    private InstanceLayout() {
    }
}
