package dev.tandem.constructs.core;

import java.util.Objects;

/**
 * One thing wrong with a construct's input: where, which property, what was given, what is
 * required and how to fix it.
 *
 * @param path        construct path, e.g. {@code primary/orders-table}
 * @param property    the property that holds the bad value, e.g. {@code replicaRegions}
 * @param value       the value as given (already redacted if it was a secret)
 * @param requirement what the property must satisfy
 * @param fix         what the user should change
 */
public record Problem(String path, String property, String value, String requirement, String fix) {

    /** Validates that every part is present. */
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(fix, "fix");
    }

    @Override
    public String toString() {
        return path + ": " + property + " = " + value + " — " + requirement + ". Fix: " + fix;
    }
}
