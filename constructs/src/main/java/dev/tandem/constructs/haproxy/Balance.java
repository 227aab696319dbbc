package dev.tandem.constructs.haproxy;

/** How a backend spreads requests over its servers: HAProxy's {@code balance} keyword. */
public enum Balance {
    /** Each server in turn, in proportion to its weight: right for short, similar requests. */
    ROUNDROBIN("roundrobin"),
    /** The server with the fewest open connections: right for long or uneven requests. */
    LEASTCONN("leastconn");

    private final String keyword;

    Balance(String keyword) {
        this.keyword = keyword;
    }

    /** @return the keyword as written in haproxy.cfg */
    public String keyword() {
        return keyword;
    }
}
