package dev.tandem.e2e.haproxy;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import dev.tandem.constructs.core.BackendServer;
import dev.tandem.constructs.haproxy.Balance;
import dev.tandem.constructs.haproxy.HaproxyTier;
import dev.tandem.constructs.haproxy.HaproxyTierFixture;
import dev.tandem.constructs.haproxy.StatsPage;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.providers.ovh.provider.OvhProvider;
import dev.tandem.rehearsal.loopback.TestPki;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/** Tiers built the way a deployment builds them, for checks with the real HAProxy. */
final class TierConfigs {
    /** The drill's timing: checks every 400 ms, down after 2 failures, up after 2 passes. */
    static final Duration DRILL_INTERVAL = Duration.ofMillis(400);
    static final int DRILL_FALL = 2;
    static final int DRILL_RISE = 2;
    /** On loopback the operators are 127.0.0.1, like Cloudflare. */
    static final String OPERATOR_ON_LOOPBACK = "127.0.0.1/32";

    private TierConfigs() {
    }

    /** @return a tier in a fresh stack, shaped by {@code shape} */
    static HaproxyTier tier(UnaryOperator<HaproxyTier.Builder> shape) {
        TerraformStack stack = new TerraformStack(Testing.app(), "primary");
        OvhProvider.Builder.create(stack, "ovh").endpoint("ovh-eu").build();
        return shape.apply(HaproxyTierFixture.minimal(stack)).build();
    }

    /** @return the defaults: round robin, no stats page */
    static HaproxyTier minimal() {
        return tier(b -> b);
    }

    /** @return every configuration option on: stats page, least connections, weighted servers */
    static HaproxyTier full() {
        return tier(b -> b
                .balance(Balance.LEASTCONN)
                .checkHost(TestPki.HOSTNAME)
                .statsPage(StatsPage.defaults())
                .operatorCidr(OPERATOR_ON_LOOPBACK)
                .servers(List.of(BackendServer.of("app-1", "10.10.1.5", 8080),
                        BackendServer.of("app-2", "10.10.1.6", 8080).withWeight(2),
                        BackendServer.of("app-3", "10.10.1.7", 8080).withWeight(0))));
    }

    /** @return three servers checked fast enough for a drill that takes seconds */
    static HaproxyTier drill() {
        return drill(BackendServer.of("app-2", "10.10.1.6", 8080));
    }

    /** @return {@link #drill()} with {@code second} as its second server, e.g. another weight */
    static HaproxyTier drill(BackendServer second) {
        return tier(b -> b
                .health(HealthContract.builder().interval(DRILL_INTERVAL).timeout(Duration.ofMillis(300)).build())
                .checkHost(TestPki.HOSTNAME)
                .fall(DRILL_FALL)
                .rise(DRILL_RISE)
                .operatorCidr(OPERATOR_ON_LOOPBACK)
                .servers(List.of(BackendServer.of("app-1", "10.10.1.5", 8080), second,
                        BackendServer.of("app-3", "10.10.1.7", 8080))));
    }
}
