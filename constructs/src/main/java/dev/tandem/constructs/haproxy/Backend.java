package dev.tandem.constructs.haproxy;

import dev.tandem.constructs.core.BackendServer;
import java.util.List;

/**
 * A {@code backend} section: the servers requests are spread over, each checked with {@code check}.
 *
 * @param name    section name, referenced by frontends and {@link Monitor}
 * @param balance how requests are spread
 * @param check   the health check of every server
 * @param servers the servers, in the order they are written
 */
public record Backend(String name, Balance balance, HttpCheck check, List<BackendServer> servers) {

    /** Copies the servers. */
    public Backend {
        servers = List.copyOf(servers);
    }
}
