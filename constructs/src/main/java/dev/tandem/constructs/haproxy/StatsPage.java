package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.core.Problems;
import java.util.regex.Pattern;

/**
 * The HAProxy statistics page of each instance, for the tier's operator network only (security group
 * and HAProxy). Its password comes from a sensitive Terraform variable the tier declares
 * ({@link HaproxyTier#statsPasswordVariable()}) and reaches the instances through the delivery, so it
 * never appears in cdktf.out or snapshots.
 *
 * <pre>{@code
 * StatsPage.builder().port(9000).build()
 * }</pre>
 *
 * @param port TCP port
 * @param user login name
 */
public record StatsPage(int port, String user) {
    /** Written into {@code stats auth "user:password"}, so no colon, quote or space. */
    private static final Pattern USER = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

    /** @return port 8404 (HAProxy's documented stats port), user {@code admin} */
    public static StatsPage defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this page's settings, to change some of them */
    public Builder toBuilder() {
        return new Builder().port(port).user(user);
    }

    /**
     * Checks the page; the tier calls it with {@code p.nested("statsPage")}. The port is checked against
     * the instance's own listeners only (SSH, HTTPS and the local health answer): the backend servers are
     * other hosts, so their ports cannot clash.
     *
     * @param p where problems are recorded
     */
    public void validate(Problems p) {
        p.require(port >= 1 && port <= 65535 && port != HaproxyTier.SSH_PORT && port != HaproxyTier.HTTPS_PORT
                        && port != InstanceLayout.LOCAL_HEALTH_PORT, "port", port,
                "must be 1–65535 and not " + HaproxyTier.SSH_PORT + ", " + HaproxyTier.HTTPS_PORT + " or "
                        + InstanceLayout.LOCAL_HEALTH_PORT + ", which SSH, the tier's HTTPS and its local health answer"
                        + " use", "use e.g. 8404");
        if (p.present(user, "user", "use e.g. admin")) {
            if (HaproxyTierValidation.literal(p, "user", user, "use a literal name such as admin")) {
                p.require(USER.matcher(user).matches(), "user", user,
                        "must be 1–64 letters, digits, '.', '_' or '-' (it is written as user:password)",
                        "use e.g. admin");
            }
        }
    }

    /** Builds {@link StatsPage}; values are checked when the tier is built. */
    public static final class Builder {
        private int port = 8404;
        private String user = "admin";

        private Builder() {
        }

        /**
         * TCP port the page listens on. @default 8404
         *
         * @param value 1–65535, not 22, 443 or 8405
         * @return this builder
         */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /**
         * Login name; the password is the tier's sensitive variable. @default {@code admin}
         *
         * @param value letters, digits, '.', '_' or '-'
         * @return this builder
         */
        public Builder user(String value) {
            this.user = value;
            return this;
        }

        /** @return the page; checked when the tier is built */
        public StatsPage build() {
            return new StatsPage(port, user);
        }
    }
}
