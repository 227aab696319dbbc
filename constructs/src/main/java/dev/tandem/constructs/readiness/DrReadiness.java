package dev.tandem.constructs.readiness;

import dev.tandem.constructs.core.SideFile;
import dev.tandem.constructs.health.HealthContract;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * DR readiness: checks that the layers of a deployment agree with each other and meet its recovery
 * objectives — what no single layer's tool can check. Run it inside the
 * {@link dev.tandem.constructs.core.TandemApp#synthesize} definition, after every construct is added:
 *
 * <pre>{@code
 * TandemApp.synthesize(outdir, app -> {
 *     DeploymentStacks stacks = DeploymentStacks.build(app, spec);
 *     DrReadiness.verify(app, spec.health(), spec.drTargets(), spec.acceptedRisks());
 *     return stacks;
 * });
 * }</pre>
 *
 * A failed check throws there, before anything is synthesized, so the synth stops with every
 * problem listed and the previous {@code cdktf.out} stays as it was. Otherwise the report becomes
 * {@code cdktf.out/dr-report.md} and {@code cdktf.out/dr-report.json}.
 */
public final class DrReadiness {
    /** The report files, at the top of the output folder. */
    public static final String MARKDOWN_FILE = "dr-report.md";
    /** The report as JSON, beside the Markdown. */
    public static final String JSON_FILE = "dr-report.json";

    private DrReadiness() {
    }

    /**
     * Runs every check and returns the report without throwing.
     *
     * @param root      the app (the pass looks at every construct below it)
     * @param contract  the deployment's health contract every layer should follow
     * @param targets   the recovery objectives
     * @param accepted  the risks the deployment accepts, each with its reason
     * @return the report
     */
    public static ReadinessReport evaluate(Construct root, HealthContract contract, DrTargets targets,
            List<AcceptedRisk> accepted) {
        FailoverChain chain = FailoverChain.discover(root);
        List<LayerTime> times = RecoveryTime.layers(chain);
        List<CheckResult> checks = new ArrayList<>(chain.problems());
        checks.addAll(HealthAgreement.check(chain, contract));
        checks.addAll(RecoveryTime.check(chain, times, targets));
        checks.addAll(RecoveryPoint.check(chain, targets));
        checks.addAll(SinglePoints.check(chain));
        checks.addAll(Symmetry.check(chain));
        applyAcceptances(checks, accepted);
        return new ReadinessReport(targets, chain, checks, times, RecoveryPoint.layers(chain), accepted);
    }

    /**
     * Runs every check; throws if any fails, else adds the report files to {@code app}.
     *
     * @return the report
     * @throws dev.tandem.constructs.core.ValidationException listing every failed check
     */
    public static ReadinessReport verify(Construct app, HealthContract contract, DrTargets targets,
            List<AcceptedRisk> accepted) {
        ReadinessReport report = evaluate(app, contract, targets, accepted);
        report.throwIfFailed();
        new SideFile(app, "dr-report-markdown", MARKDOWN_FILE, report.markdown());
        new SideFile(app, "dr-report-json", JSON_FILE, report.json());
        return report;
    }

    /** Marks accepted findings; an acceptance that is not allowed or matches nothing fails itself. */
    private static void applyAcceptances(List<CheckResult> checks, List<AcceptedRisk> accepted) {
        List<CheckResult> invalid = new ArrayList<>();
        for (AcceptedRisk risk : accepted) {
            String property = "acceptedRisks[" + risk.rule().id() + " @ " + risk.path() + "]";
            if (!risk.rule().acceptable()) {
                invalid.add(CheckResult.of(Rule.ACCEPTED_RISK, risk.path(), property, false, risk.reason(),
                        "a rule that may be accepted; " + risk.rule().id() + " is a defect to fix, not a risk",
                        "fix the finding and remove this acceptance"));
                continue;
            }
            boolean matched = false;
            for (int i = 0; i < checks.size(); i++) {
                CheckResult c = checks.get(i);
                if (c.rule() == risk.rule() && c.path().equals(risk.path()) && c.isFinding()) {
                    checks.set(i, c.accepted(risk.reason()));
                    matched = true;
                }
            }
            if (!matched) {
                invalid.add(CheckResult.of(Rule.ACCEPTED_RISK, risk.path(), property, false, risk.reason(),
                        "a failed or warned " + risk.rule().id() + " check at " + risk.path(),
                        "remove the acceptance: nothing at that path breaks the rule (any more)"));
            }
        }
        checks.addAll(invalid);
    }
}
