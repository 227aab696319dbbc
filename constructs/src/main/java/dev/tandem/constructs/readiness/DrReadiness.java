package dev.tandem.constructs.readiness;

import dev.tandem.constructs.health.HealthContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;

/**
 * DR readiness: checks that the layers of a deployment agree with each other and meet its recovery
 * objectives — what no single layer's tool can check. A deployment built from a description runs it
 * by default; an app of hand-made stacks turns it on with {@link #enable}:
 *
 * <pre>{@code
 * TandemApp.synthesize(outdir, app -> {
 *     … stacks and constructs …
 *     return DrReadiness.enable(app, health, targets, acceptedRisks);
 * });
 * }</pre>
 *
 * The pass runs once the definition has added everything, before anything is synthesized: a failed
 * check stops the synth with every problem listed and the previous {@code cdktf.out} as it was.
 * Otherwise the report becomes {@code cdktf.out/dr-report.md} and {@code cdktf.out/dr-report.json}.
 */
public final class DrReadiness {
    /** The report files, at the top of the output folder. */
    public static final String MARKDOWN_FILE = "dr-report.md";
    /** The report as JSON, beside the Markdown. */
    public static final String JSON_FILE = "dr-report.json";
    private static final String CHECK_ID = "dr-readiness";

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
        checks.addAll(DnsFailover.check(chain, contract, targets));
        checks.addAll(RecoveryTime.check(chain, times, targets));
        checks.addAll(RecoveryPoint.check(chain, targets));
        checks.addAll(SinglePoints.check(chain));
        checks.addAll(OriginTls.check(chain));
        checks.addAll(OperatorNetwork.check(chain));
        checks.addAll(Symmetry.check(chain));
        checks.addAll(DataAffinity.check(chain));
        List<PostgresData> postgres = PostgresData.discover(root);
        checks.addAll(PostgresChecks.check(postgres, chain, targets));
        checks.addAll(AppCredentials.check(root));
        List<StackState> state = StateSecrets.inventory(root);
        checks.addAll(StateSecrets.check(state));
        checks.addAll(TeardownCheck.check(chain));
        applyAcceptances(checks, accepted);
        List<LayerDataLoss> loss = new ArrayList<>(RecoveryPoint.layers(chain));
        postgres.forEach(db -> loss.add(new LayerDataLoss("postgresql", db.path(), db.rpoTypical(), db.rpoBasis())));
        return new ReadinessReport(targets, chain, checks, times, loss, accepted, state, postgres);
    }

    /**
     * Adds the pass to {@code app}: {@link dev.tandem.constructs.core.TandemApp#synthesize} runs it
     * after the definition has added every construct, stops the synth when a check fails, and
     * otherwise writes {@code dr-report.md} and {@code dr-report.json}. A deployment built from a
     * description does this by default.
     *
     * @param app      the app
     * @param contract the deployment's health contract every layer should follow
     * @param targets  the recovery objectives
     * @param accepted the risks the deployment accepts, each with its reason
     * @return the check, to accept further risks naming constructs
     */
    public static DrReadinessCheck enable(Construct app, HealthContract contract, DrTargets targets,
            List<AcceptedRisk> accepted) {
        return new DrReadinessCheck(app, CHECK_ID, contract, targets, accepted, Optional.empty());
    }

    /**
     * Opts {@code app} out of the pass, visibly: the synth writes a report saying it was skipped and
     * why, instead of the checks.
     *
     * @param app    the app
     * @param reason why the deployment does without the pass, printed in the report
     * @return the check
     */
    public static DrReadinessCheck skip(Construct app, String reason) {
        return new DrReadinessCheck(app, CHECK_ID, null, null, List.of(), Optional.of(reason));
    }

    /** Marks accepted findings; an acceptance that is not allowed or matches nothing fails itself. */
    private static void applyAcceptances(List<CheckResult> checks, List<AcceptedRisk> accepted) {
        List<CheckResult> invalid = new ArrayList<>();
        for (AcceptedRisk risk : accepted) {
            String property = "acceptedRisks[" + risk.rule().id() + " @ " + risk.path() + "]";
            if (!risk.rule().acceptable()) {
                invalid.add(CheckResult.of(Rule.ACCEPTED_RISK, risk.path(), property, false, risk.reason(),
                        "must name a rule that may be accepted; " + risk.rule().id() + " is a defect to fix, not a risk",
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
                        "must match a failed or warned " + risk.rule().id() + " check at " + risk.path() + ", and none is there",
                        "remove the acceptance: nothing at that path breaks the rule (any more)"));
            }
        }
        checks.addAll(invalid);
    }
}
