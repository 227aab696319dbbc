package dev.tandem.constructs.readiness;

import dev.tandem.constructs.core.Problems;
import software.constructs.IConstruct;

/**
 * A known risk the deployment accepts: one rule that fails or warns at one construct path, and the
 * reason the team lives with it. The reason is printed in the DR report next to the check, so the
 * decision is reviewed with every change instead of being hidden by a switched-off check.
 *
 * <p>Only rules whose {@link Rule#acceptable()} is true can be accepted: a health path that differs
 * between layers or a missed RTO is a defect, not a risk. An acceptance that matches no failed or
 * warned check is itself an error, so the list cannot go stale after the risk is fixed.
 *
 * @param rule   the rule whose finding is accepted
 * @param path   the construct path the finding is reported at, e.g. {@code secondary/app}
 * @param reason why the risk is acceptable, for the report's readers
 */
public record AcceptedRisk(Rule rule, String path, String reason) {

    /** Validates that every part is present. */
    public AcceptedRisk {
        Problems problems = new Problems("AcceptedRisk");
        problems.require(rule != null, "rule", rule, "is required", "name the rule, e.g. Rule.SINGLE_ZONE");
        problems.require(path != null && !path.isBlank(), "path", path, "is required",
                "give the construct path the report shows for the finding, e.g. secondary/app");
        problems.require(reason != null && !reason.isBlank(), "reason", reason, "is required",
                "say why the team accepts the risk; the DR report prints it");
        problems.throwIfAny();
    }

    /**
     * @param rule   the rule whose finding is accepted
     * @param path   the construct path the report shows for the finding, e.g. {@code secondary/app}
     * @param reason why the team accepts it
     * @return the accepted risk
     */
    public static AcceptedRisk of(Rule rule, String path, String reason) {
        return new AcceptedRisk(rule, path, reason);
    }

    /**
     * @param rule      the rule whose finding is accepted
     * @param construct the construct the finding is about, e.g. a region's HaproxyTier
     * @param reason    why the team accepts it
     * @return the accepted risk, at the construct's path
     */
    public static AcceptedRisk of(Rule rule, IConstruct construct, String reason) {
        return new AcceptedRisk(rule, construct == null ? null : construct.getNode().getPath(), reason);
    }
}
