package dev.tandem.constructs.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.constructs.IConstruct;

/**
 * Collects the problems of one construct's input, then throws them all at once.
 *
 * <pre>{@code
 * Problems problems = Problems.at(this);
 * problems.require(port >= 1 && port <= 65535, "port", port, "must be 1–65535", "use a TCP port number");
 * problems.throwIfAny();
 * }</pre>
 *
 * <p>A nested value (a spec inside props) is checked through {@link #nested(String)}, which reports
 * under the same construct path with the property prefixed, e.g. {@code app.replicas}.
 */
public final class Problems {
    /**
     * How cdktf's Java binding prints an unresolved string or list token, e.g. {@code ${TfToken[TOKEN.12]}}:
     * meaningless to a user, so messages describe it instead.
     */
    private static final Pattern TOKEN = Pattern.compile("[$#]\\{TfToken\\[[^\\]]*\\]\\}");
    private static final String WHOLE_TOKEN = "a Terraform expression (known only at apply)";

    private final Path path;
    private final String prefix;
    private final List<Problem> found;

    /** @param path the construct path every problem is reported under */
    public Problems(String path) {
        this(new Path(() -> path), "", new ArrayList<>());
    }

    /**
     * Problems reported under a construct's path, read from the construct tree only when a problem is
     * recorded or {@link #path()} is asked: each read is a round trip into jsii's Node process, and most
     * input has no problem.
     *
     * @param construct the construct whose input is checked
     * @return an empty list of problems
     */
    public static Problems at(IConstruct construct) {
        return new Problems(new Path(() -> construct.getNode().getPath()), "", new ArrayList<>());
    }

    private Problems(Path path, String prefix, List<Problem> found) {
        this.path = path;
        this.prefix = prefix;
        this.found = found;
    }

    /**
     * @param property the property holding the nested value, e.g. {@code app} or {@code pools[primary]}
     * @return a view that records into the same list with {@code property.} before each property name
     */
    public Problems nested(String property) {
        return new Problems(path, prefix + property + ".", found);
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

    /**
     * Records "is required" when {@code value} is null.
     *
     * @param value    the value
     * @param property the property name as the user wrote it in the builder
     * @param fix      how to supply it
     * @return true when the value is present, so checks of its content can follow
     */
    public boolean present(Object value, String property, String fix) {
        return require(value != null, property, null, "is required", fix);
    }

    /**
     * Records "is required" for a null list and "must not contain null" for null elements.
     *
     * @return true when the list and all its elements are present
     */
    public boolean presentElements(List<?> values, String property, String fix) {
        if (!present(values, property, fix)) {
            return false;
        }
        return require(values.stream().allMatch(v -> v != null), property, values, "must not contain null", fix);
    }

    /** Records a problem unconditionally. */
    public void add(String property, Object value, String requirement, String fix) {
        found.add(new Problem(untokenized(path.get()), untokenized(prefix + property), display(value), requirement, fix));
    }

    /**
     * Shows text in quotes, so an empty or blank value is visible in the message, and a Terraform
     * token as what it is rather than as cdktf's placeholder.
     */
    private static String display(Object value) {
        if (value instanceof String s && (s.isBlank() || !s.strip().equals(s))) {
            return "\"" + s + "\"";
        }
        return untokenized(String.valueOf(value));
    }

    /** @return {@code text} with each token placeholder in it described; a lone token as a whole */
    private static String untokenized(String text) {
        if (!text.contains("TfToken[")) {
            return text;
        }
        if (TOKEN.matcher(text).matches()) {
            return WHOLE_TOKEN;
        }
        return TOKEN.matcher(text).replaceAll("\\${a Terraform expression}");
    }

    /** @return the construct path problems are reported under */
    public String path() {
        return path.get();
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

    /** A construct path, read once when first needed. */
    private static final class Path {
        private final Supplier<String> read;
        private String value;

        Path(Supplier<String> read) {
            this.read = read;
        }

        String get() {
            if (value == null) {
                value = read.get();
            }
            return value;
        }
    }
}
