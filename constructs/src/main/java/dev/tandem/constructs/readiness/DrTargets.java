package dev.tandem.constructs.readiness;

import dev.tandem.constructs.core.Problems;
import java.time.Duration;

/**
 * The recovery objectives a deployment declares, which the readiness pass holds the synthesized
 * settings to.
 *
 * @param rto recovery time objective: longest acceptable time from a region's failure until traffic
 *            is served by the other region; positive
 * @param rpo recovery point objective: the most recent writes the deployment may lose in a region
 *            failover; zero means none
 */
public record DrTargets(Duration rto, Duration rpo) {

    /** Validates the targets; the message names {@code DrTargets} and the field. */
    public DrTargets {
        Problems problems = new Problems("DrTargets");
        problems.require(rto != null && !rto.isNegative() && !rto.isZero(), "rto", rto, "must be positive",
                "declare the longest acceptable failover, e.g. Duration.ofMinutes(2)");
        problems.require(rpo != null && !rpo.isNegative(), "rpo", rpo, "must be zero or positive",
                "declare how much recent data a failover may lose, e.g. Duration.ofSeconds(10)");
        problems.throwIfAny();
    }
}
