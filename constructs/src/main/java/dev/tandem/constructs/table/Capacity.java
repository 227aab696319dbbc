package dev.tandem.constructs.table;

import java.util.Optional;

/**
 * Provisioned capacity of a table or index in one direction (reads or writes): a fixed number of
 * units, or target-tracking autoscaling between a minimum and a maximum.
 *
 * <pre>{@code
 * Capacity.fixed(5);
 * Capacity.autoscaled().minUnits(5).maxUnits(100).build();   // 70 % target utilization
 * }</pre>
 *
 * @param minUnits          fixed units, or the autoscaling minimum (also the initial capacity)
 * @param maxUnits          the autoscaling maximum; empty for fixed capacity
 * @param targetUtilization autoscaling target in percent (20–90); empty for fixed capacity
 */
public record Capacity(int minUnits, Optional<Integer> maxUnits, Optional<Integer> targetUtilization) {

    /** Default autoscaling target, as AWS's console proposes. */
    public static final int DEFAULT_TARGET_UTILIZATION = 70;

    /** @return a fixed capacity of {@code units} */
    public static Capacity fixed(int units) {
        return new Capacity(units, Optional.empty(), Optional.empty());
    }

    /** @return a builder for autoscaled capacity */
    public static AutoscaledBuilder autoscaled() {
        return new AutoscaledBuilder();
    }

    /** @return true when this capacity scales itself */
    public boolean isAutoscaled() {
        return maxUnits.isPresent();
    }

    @Override
    public String toString() {
        return isAutoscaled() ? minUnits + "–" + maxUnits.get() + " units at " + targetUtilization.orElse(0) + " %"
                : minUnits + " units";
    }

    /** Builds autoscaled {@link Capacity}; the values are checked by the table. */
    public static final class AutoscaledBuilder {
        private int minUnits = 1;
        private int maxUnits = 1;
        private int targetUtilization = DEFAULT_TARGET_UTILIZATION;

        private AutoscaledBuilder() {
        }

        /**
         * @param value the lowest capacity, also the initial one; @default 1
         * @return this builder
         */
        public AutoscaledBuilder minUnits(int value) {
            this.minUnits = value;
            return this;
        }

        /**
         * @param value the highest capacity, at least {@code minUnits}; @default 1
         * @return this builder
         */
        public AutoscaledBuilder maxUnits(int value) {
            this.maxUnits = value;
            return this;
        }

        /**
         * @param value the consumed share of capacity autoscaling keeps, 20–90 percent; @default 70
         * @return this builder
         */
        public AutoscaledBuilder targetUtilization(int value) {
            this.targetUtilization = value;
            return this;
        }

        /** @return the capacity */
        public Capacity build() {
            return new Capacity(minUnits, Optional.of(maxUnits), Optional.of(targetUtilization));
        }
    }
}
