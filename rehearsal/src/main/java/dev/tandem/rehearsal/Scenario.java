package dev.tandem.rehearsal;

import dev.tandem.rehearsal.Deployment.Objectives;
import dev.tandem.rehearsal.region.HaproxyInstance;
import dev.tandem.rehearsal.region.RegionRuntime;
import java.time.Duration;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * One failure the rehearsal stages under client load, what it expects afterwards, and the DR report's figure it
 * is held to.
 *
 * @param name        stable identifier, e.g. {@code app-pods-fail}
 * @param description what is done, for the report
 * @param expectsFailover true when the failover region must end up serving, false when the active one must keep
 *                    (or resume) serving
 * @param computed    the DR report's worst case for this failure, in seconds (0: no client may see it)
 * @param basis       where {@code computed} comes from, for the report
 * @param inject      the failure
 * @param restore     what undoes it, run after the measurement (nothing for a failure the next scenario undoes)
 */
record Scenario(String name, String description, boolean expectsFailover, ToIntFunction<Objectives> computed,
        String basis, Action inject, Action restore) {

    /** Something done to the rehearsal's active region (the failover region at hand for its database). */
    @FunctionalInterface
    interface Action {
        void run(RegionRuntime active, RegionRuntime failover) throws Exception;
    }

    private static final Action NOTHING = (active, failover) -> { };

    /**
     * @param postgres whether the regions' data is PostgreSQL: the data fails as a stopped server, the region's loss
     *                 takes its server with it, and the returning region's server rejoins as a standby
     * @return the scenarios in the order they run; each starts from the steady state the previous one left
     */
    static List<Scenario> all(double slowUnder, double slowOver, boolean postgres) {
        ToIntFunction<Objectives> total = Objectives::rtoSeconds;
        return List.of(
                new Scenario("steady-state", "no failure: every request is served by the active region", false,
                        o -> 0, "no failure: no request may fail", NOTHING, NOTHING),
                new Scenario("app-pods-fail", "every app pod of the active region crashes and stays down", true,
                        total, "RTO total (kubernetes + haproxy + cloudflare + dns)",
                        (active, failover) -> active.crashPods(), (active, failover) -> active.restartPods()),
                new Scenario("haproxy-instance-dies", "one HAProxy instance of the active region is killed (SIGKILL)",
                        false, o -> o.layerSeconds().getOrDefault("cloudflare", o.rtoSeconds()),
                        "cloudflare layer (the monitor drops the dead origin)",
                        (active, failover) -> active.instances().get(0).kill(),
                        (active, failover) -> active.instances().get(0).start()),
                new Scenario("data-unreachable", postgres
                        ? "the active region's PostgreSQL stops answering (SIGSTOP of the server's postmaster and"
                                + " every child: connections hang)"
                        : "the active region's DynamoDB stops answering (its engine is stopped: connections hang)",
                        true, total, "RTO total (the same chain as an app failure)",
                        (active, failover) -> active.partitionData(), (active, failover) -> active.healData()),
                new Scenario("region-dies", postgres
                        ? "the whole active region goes: every app pod, every HAProxy instance and its PostgreSQL"
                                + " primary (SIGKILL); the failover region's standby is promoted (pg_promote) at the"
                                + " report's promotion decision time, scaled; after the measurement the old primary"
                                + " is rewound (pg_rewind) and rejoins as a standby of the promoted one"
                        : "the whole active region goes: every app pod and every HAProxy instance",
                        true, total, "RTO total", (active, failover) -> {
                            active.crashPods();
                            for (HaproxyInstance instance : active.instances()) {
                                instance.kill();
                            }
                            if (active.database().isPresent()) {
                                active.database().get().kill();
                            }
                        }, (active, failover) -> {
                            if (active.database().isPresent()) {
                                active.database().get().rejoin(failover.database().orElseThrow());
                            }
                        }),
                new Scenario("region-returns", "the active region comes back (pods restart, HAProxy starts on its"
                        + " delivered release); failback to it", false, total,
                        "RTO total as the bound (the DR report computes no failback figure)", (active, failover) -> {
                            active.restartPods();
                            for (HaproxyInstance instance : active.instances()) {
                                instance.start();
                            }
                        }, NOTHING),
                new Scenario("slow-health-under", "the app's health answer takes " + percent(slowUnder)
                        + " of the contract's timeout", false, o -> 0, "no failure: no request may fail",
                        (active, failover) -> active.slowHealth(scaled(active, slowUnder)),
                        (active, failover) -> active.slowHealth(Duration.ZERO)),
                new Scenario("slow-health-over", "the app's health answer takes " + percent(slowOver)
                        + " of the contract's timeout", true, total, "RTO total",
                        (active, failover) -> active.slowHealth(scaled(active, slowOver)),
                        (active, failover) -> active.slowHealth(Duration.ZERO)));
    }

    private static Duration scaled(RegionRuntime active, double fraction) {
        return Duration.ofNanos((long) (active.probe().timeout().toNanos() * fraction));
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 100) + " %";
    }
}
