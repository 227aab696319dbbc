package dev.tandem.constructs.table;

import java.util.Optional;

/**
 * Provisioned capacity of a table or index in one direction (reads or writes): a fixed number of
 * units, or target-tracking autoscaling between a minimum and a maximum.
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

    /** @return autoscaling between {@code min} and {@code max} at 70 % target utilization */
    public static Capacity autoscaled(int min, int max) {
        return autoscaled(min, max, DEFAULT_TARGET_UTILIZATION);
    }

    /** @return autoscaling between {@code min} and {@code max} at {@code targetUtilization} percent */
    public static Capacity autoscaled(int min, int max, int targetUtilization) {
        return new Capacity(min, Optional.of(max), Optional.of(targetUtilization));
    }

    /** @return true when this capacity scales itself */
    public boolean isAutoscaled() {
        return maxUnits.isPresent();
    }
}
