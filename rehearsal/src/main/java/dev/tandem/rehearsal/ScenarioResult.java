package dev.tandem.rehearsal;

/**
 * What one scenario measured, in the report's terms.
 *
 * @param computedRtoSeconds the DR report's figure this failure is held to
 * @param measuredRtoSeconds the measured time multiplied back by the scale, or null when clients were never served
 *                           by the expected region again
 * @param measuredScaledSeconds the time as measured on the rehearsal's clock
 * @param expectedRegion     the region that must serve at the end
 * @param servedBy           the region that served the last request, or "none"
 * @param lostWrites         null: the rehearsal's engines do not replicate
 * @param failures           the failed answers by status and first line, e.g. {@code 12 × 503 data unreachable}
 * @param layer              the broken layer when the verdict is fail, else null
 * @param reason             why it failed, else null
 * @param postgres           the writes' figures, for a PostgreSQL deployment, else null
 */
record ScenarioResult(Scenario scenario, int computedRtoSeconds, Double measuredRtoSeconds,
        Double measuredScaledSeconds, int requests, int failedRequests, String expectedRegion, String servedBy,
        Integer lostWrites, int computedRpoSeconds, int scale, String failures, String layer, String reason,
        PostgresFigures postgres) {

    boolean pass() {
        return layer == null;
    }

    String verdict() {
        return pass() ? "pass" : "fail";
    }
}
