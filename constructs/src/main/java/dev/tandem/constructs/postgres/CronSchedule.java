package dev.tandem.constructs.postgres;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The six-field cron expressions a {@code ScheduledBackup} takes, checked as CloudNativePG 1.30's webhook
 * parses them: {@code cron.Parse} of github.com/robfig/cron v1.2.0 ({@code go.mod} and
 * {@code internal/webhook/v1/scheduledbackup_webhook.go} at v1.30.0), whose default parser reads seconds,
 * minutes, hours, day of month, month and an optional day of week. Tandem requires all six: with five, the
 * first is read as seconds, which is rarely what was meant (the webhook only warns). Each field is {@code *},
 * {@code ?} (days only), a value, a range {@code a-b}, any of them with a step {@code /n}, or a comma list;
 * months and weekdays also by three-letter name.
 */
final class CronSchedule {
    private record Field(String name, int min, int max, List<String> names, boolean question) {
    }

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    private static final List<Field> FIELDS = List.of(
            new Field("seconds", 0, 59, List.of(), false), new Field("minutes", 0, 59, List.of(), false),
            new Field("hours", 0, 23, List.of(), false), new Field("day of month", 1, 31, List.of(), true),
            new Field("month", 1, 12, MONTHS, false), new Field("day of week", 0, 6, DAYS, true));

    private CronSchedule() {
    }

    /** @return why {@code schedule} is not a six-field expression the webhook accepts, or empty when it is */
    static Optional<String> problem(String schedule) {
        String[] parts = schedule.trim().split("\\s+");
        if (parts.length != FIELDS.size()) {
            return Optional.of("has " + parts.length + " fields; six are needed: seconds, minutes, hours, day of month, "
                    + "month, day of week");
        }
        for (int i = 0; i < parts.length; i++) {
            Field field = FIELDS.get(i);
            for (String item : parts[i].split(",", -1)) {
                if (!valid(item, field)) {
                    return Optional.of("has " + field.name() + " '" + parts[i] + "', not " + field.min() + "–"
                            + field.max() + (field.names().isEmpty() ? "" : " or a name") + " with *, -, / or ,");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean valid(String item, Field field) {
        String range = item;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            range = item.substring(0, slash);
            String step = item.substring(slash + 1);
            if (!step.matches("[1-9][0-9]{0,2}")) {
                return false;
            }
        }
        if (range.equals("*") || (field.question() && range.equals("?"))) {
            return true;
        }
        String[] bounds = range.split("-", -1);
        if (bounds.length > 2) {
            return false;
        }
        Optional<Integer> low = value(bounds[0], field);
        Optional<Integer> high = bounds.length == 2 ? value(bounds[1], field) : low;
        return low.isPresent() && high.isPresent() && low.get() <= high.get();
    }

    private static Optional<Integer> value(String text, Field field) {
        int named = field.names().indexOf(text.toLowerCase(Locale.ROOT));
        if (named >= 0) {
            return Optional.of(named + field.min());
        }
        if (!text.matches("[0-9]{1,2}")) {
            return Optional.empty();
        }
        int v = Integer.parseInt(text);
        return v >= field.min() && v <= field.max() ? Optional.of(v) : Optional.empty();
    }
}
