package dev.tandem.constructs.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one construct's props, then throws them all at once.
 *
 * <pre>{@code
 * Problems problems = new Problems(getNode().getPath());
 * problems.require(port >= 1 && port <= 65535, "port", port, "must be 1–65535", "use a TCP port number");
 * problems.throwIfAny();
 * }</pre>
 */
public final class Problems {
    private final String path;
    private final List<Problem> found = new ArrayList<>();

    /** @param path the construct path every problem is reported under */
    public Problems(String path) {
        this.path = path;
    }

    /**
     * Records a problem unless {@code condition} holds.
     *
     * @param condition   true when the value is valid
     * @param property    the property name as the user wrote it in the builder
     * @param value       the offending value
     * @param requirement what is required
     * @param fix         how to fix it
     * @return {@code condition}, so dependent checks can be skipped
     */
    public boolean require(boolean condition, String property, Object value, String requirement, String fix) {
        if (!condition) {
            add(property, value, requirement, fix);
        }
        return condition;
    }

    /** Records a problem unconditionally. */
    public void add(String property, Object value, String requirement, String fix) {
        found.add(new Problem(path, property, String.valueOf(value), requirement, fix));
    }

    /** @return the construct path problems are reported under */
    public String path() {
        return path;
    }

    /** @return true when no problem was recorded */
    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** @throws ValidationException listing every recorded problem, if there is any */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }
}
