package dev.tandem.constructs.readiness;

import dev.tandem.constructs.core.Problem;
import java.util.Optional;

/**
 * One check of one construct: what was found, what the rule requires, and the verdict.
 *
 * @param rule           the rule checked
 * @param path           construct path the finding is about
 * @param property       the setting checked, as the user or the synthesized output names it
 * @param verdict        the outcome
 * @param found          the value found in the synthesized settings
 * @param required       what the rule requires of it
 * @param fix            how to meet the rule (empty when it passes)
 * @param acceptedReason the team's reason, when the finding is an accepted risk
 */
public record CheckResult(Rule rule, String path, String property, Verdict verdict, String found, String required,
        String fix, Optional<String> acceptedReason) {

    /**
     * @param ok whether the rule is met; if not, the verdict follows the rule's severity
     * @return a result without an accepted reason
     */
    static CheckResult of(Rule rule, String path, String property, boolean ok, Object found, String required,
            String fix) {
        Verdict verdict = ok ? Verdict.PASS : rule.severity() == Severity.ERROR ? Verdict.FAIL : Verdict.WARN;
        return new CheckResult(rule, path, property, verdict, String.valueOf(found), required, ok ? "" : fix,
                Optional.empty());
    }

    /** @return this finding, accepted for {@code reason} */
    CheckResult accepted(String reason) {
        return new CheckResult(rule, path, property, Verdict.ACCEPTED, found, required, fix, Optional.of(reason));
    }

    /** @return true for a failed or warned check (one an acceptance can apply to) */
    boolean isFinding() {
        return verdict == Verdict.FAIL || verdict == Verdict.WARN;
    }

    /** @return the failure as a validation problem; the rule id tells which risk could be accepted */
    Problem toProblem() {
        return new Problem(path, property, found, required + " [rule " + rule.id() + "]", fix);
    }
}
