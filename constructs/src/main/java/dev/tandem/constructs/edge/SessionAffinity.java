package dev.tandem.constructs.edge;

/** Whether a visitor sticks to one origin across requests. */
public enum SessionAffinity {
    /** No stickiness (the default): failover moves every request at once. */
    NONE("none"),
    /** A Cloudflare cookie pins the visitor. */
    COOKIE("cookie"),
    /** The cookie, or the client IP when there is none. */
    IP_COOKIE("ip_cookie"),
    /** A request header's value pins the visitor. */
    HEADER("header");

    private final String terraformValue;

    SessionAffinity(String terraformValue) {
        this.terraformValue = terraformValue;
    }

    /** @return the provider's value */
    public String terraformValue() {
        return terraformValue;
    }
}
