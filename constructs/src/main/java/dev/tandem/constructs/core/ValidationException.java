package dev.tandem.constructs.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown at construction when a construct's props are invalid. It carries every problem found,
 * not only the first, so one run shows everything to fix.
 */
public final class ValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /**
     * Creates the exception.
     *
     * @param problems the problems found, at least one
     */
    public ValidationException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, in the order they were found */
    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems:\n" + problems.stream()
                .map(p -> "  - " + p)
                .collect(Collectors.joining("\n"));
    }
}
