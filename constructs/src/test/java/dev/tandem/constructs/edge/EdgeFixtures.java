package dev.tandem.constructs.edge;

import com.hashicorp.cdktf.TerraformStack;
import dev.tandem.constructs.health.HealthContract;
import java.util.ArrayList;
import java.util.List;

/** A valid two-region load balancer for the edge tests to start from and change one thing. */
final class EdgeFixtures {
    static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    static final String ZONE = "fedcba9876543210fedcba9876543210";

    private EdgeFixtures() {
    }

    /** @return an origin {@code name} at {@code address} */
    static Origin origin(String name, String address) {
        return Origin.builder().name(name).address(address).build();
    }

    /** @return a pool whose origins are named {@code name-1}, {@code name-2}, … */
    static OriginPool pool(String name, String... addresses) {
        List<Origin> origins = new ArrayList<>();
        for (int i = 0; i < addresses.length; i++) {
            origins.add(origin(name + "-" + (i + 1), addresses[i]));
        }
        return OriginPool.builder().name(name).origins(origins).build();
    }

    static OriginPool primary() {
        return pool("primary", "198.51.100.1", "198.51.100.2");
    }

    static OriginPool secondary() {
        return pool("secondary", "203.0.113.1", "203.0.113.2");
    }

    /** @return a builder for a valid load balancer {@code lb} in {@code stack} */
    static CloudflareFailoverLb.Builder minimal(TerraformStack stack) {
        return CloudflareFailoverLb.Builder.create(stack, "lb")
                .accountId(ACCOUNT).zoneId(ZONE).zoneName("example.com").hostname("app.example.com")
                .health(HealthContract.defaults())
                .pools(List.of(primary(), secondary()));
    }
}
