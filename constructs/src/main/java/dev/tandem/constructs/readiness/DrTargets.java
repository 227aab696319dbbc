package dev.tandem.constructs.readiness;

import dev.tandem.constructs.core.Problems;
import java.time.Duration;

/**
 * The recovery objectives a deployment declares, which the readiness pass holds the synthesized
 * settings to: {@code DrTargets.builder().rto(Duration.ofMinutes(2)).rpo(Duration.ofSeconds(10)).build()}.
 *
 * @param rto recovery time objective: longest acceptable time from a region's failure until traffic
 *            is served by the other region; positive, at most {@link #LONGEST}
 * @param rpo recovery point objective: the most recent writes the deployment may lose in a region
 *            failover; zero means none; at most {@link #LONGEST}
 */
public record DrTargets(Duration rto, Duration rpo) {
    /** The longest objective either target may declare. */
    public static final Duration LONGEST = Duration.ofDays(7);

    /** Validates the targets; the message names {@code DrTargets} and the field. */
    public DrTargets {
        Problems problems = new Problems("DrTargets");
        String rtoFix = "declare the longest acceptable failover, e.g. Duration.ofMinutes(2)";
        if (problems.require(rto != null && !rto.isNegative() && !rto.isZero(), "rto", rto, "must be positive",
                rtoFix)) {
            problems.require(rto.compareTo(LONGEST) <= 0, "rto", rto, "must be at most " + LONGEST.toDays()
                    + " days: a longer one is no recovery objective, and the report compares it in milliseconds", rtoFix);
        }
        String rpoFix = "declare how much recent data a failover may lose, e.g. Duration.ofSeconds(10)";
        if (problems.require(rpo != null && !rpo.isNegative(), "rpo", rpo, "must be zero or positive", rpoFix)) {
            problems.require(rpo.compareTo(LONGEST) <= 0, "rpo", rpo, "must be at most " + LONGEST.toDays()
                    + " days: a longer one is no recovery objective, and the report compares it in milliseconds", rpoFix);
        }
        problems.throwIfAny();
    }

    /** @return a builder; both objectives are required */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DrTargets}: named steps, so the two durations cannot be swapped unnoticed. */
    public static final class Builder {
        private Duration rto;
        private Duration rpo;

        private Builder() {
        }

        /**
         * @param value the longest acceptable time from a region's failure until the other region serves
         *              (required), e.g. {@code Duration.ofMinutes(2)}
         * @return this builder
         */
        public Builder rto(Duration value) {
            this.rto = value;
            return this;
        }

        /**
         * @param value how much recent data a failover may lose (required), e.g. {@code Duration.ofSeconds(10)}
         * @return this builder
         */
        public Builder rpo(Duration value) {
            this.rpo = value;
            return this;
        }

        /**
         * @return the targets
         * @throws dev.tandem.constructs.core.ValidationException listing every problem
         */
        public DrTargets build() {
            return new DrTargets(rto, rpo);
        }
    }
}
