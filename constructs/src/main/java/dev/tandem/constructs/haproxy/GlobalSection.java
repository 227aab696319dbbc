package dev.tandem.constructs.haproxy;

/**
 * The {@code global} section: process-wide settings.
 *
 * @param logTarget   where the process logs, e.g. {@code /dev/log}
 * @param chroot      directory the process jails itself into
 * @param user        user the process drops to
 * @param group       group the process drops to
 * @param statsSocket path of the admin socket ({@code show stat}, {@code disable server}, …)
 */
public record GlobalSection(String logTarget, String chroot, String user, String group, String statsSocket) {

    /** @return the layout of Debian's haproxy package, whose service unit and folders the tier relies on */
    public static GlobalSection debian() {
        return new GlobalSection("/dev/log", "/var/lib/haproxy", "haproxy", "haproxy", "/run/haproxy/admin.sock");
    }
}
