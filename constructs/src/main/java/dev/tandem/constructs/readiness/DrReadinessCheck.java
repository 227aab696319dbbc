package dev.tandem.constructs.readiness;

import dev.tandem.constructs.core.PreSynthCheck;
import dev.tandem.constructs.core.Problems;
import dev.tandem.constructs.core.SideFile;
import dev.tandem.constructs.health.HealthContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The DR readiness pass as part of an app: {@link dev.tandem.constructs.core.TandemApp#synthesize}
 * runs it after every construct has been added, so it sees a team's own constructs too. Added by
 * {@link DrReadiness#enable}; a deployment built from a description adds it by default.
 *
 * <pre>{@code
 * DrReadinessCheck check = DrReadiness.enable(app, health, targets, List.of());
 * check.accept(AcceptedRisk.of(Rule.SINGLE_ZONE, tier, "one-zone region until the move to a 3-AZ one"));
 * }</pre>
 *
 * <p>Opting out is explicit and visible: a check made with a skip reason writes a report that says
 * the pass was skipped and why, instead of no report.
 */
public final class DrReadinessCheck extends PreSynthCheck {
    private final HealthContract health;
    private final DrTargets targets;
    private final List<AcceptedRisk> accepted;
    private final Optional<String> skipReason;
    private ReadinessReport report;
    private static final String ACCEPT_FIX = "build each risk with AcceptedRisk.of(rule, path or construct, reason)";

    DrReadinessCheck(Construct scope, String id, HealthContract health, DrTargets targets,
            List<AcceptedRisk> accepted, Optional<String> skipReason) {
        super(scope, id);
        Problems p = Problems.at(this);
        p.presentElements(accepted, "acceptedRisks", ACCEPT_FIX);
        p.throwIfAny();
        this.health = health;
        this.targets = targets;
        this.accepted = new ArrayList<>(accepted);
        this.skipReason = skipReason;
    }

    /**
     * Accepts one more risk, e.g. one naming a construct object that exists only once the stacks are
     * built: {@code check.accept(AcceptedRisk.of(Rule.SINGLE_ZONE, stacks.region("secondary").orElseThrow().haproxy(), "…"))}.
     *
     * @param risk the accepted risk
     * @return this check
     */
    public DrReadinessCheck accept(AcceptedRisk risk) {
        Problems p = Problems.at(this);
        p.present(risk, "accept(risk)", ACCEPT_FIX);
        p.throwIfAny();
        accepted.add(risk);
        return this;
    }

    /** @return the risks accepted so far */
    public List<AcceptedRisk> acceptedRisks() {
        return List.copyOf(accepted);
    }

    /** @return the reason the pass is skipped, when the deployment opted out */
    public Optional<String> skipReason() {
        return skipReason;
    }

    /** @return the report of the last run, once the app has been synthesized (empty when skipped) */
    public Optional<ReadinessReport> report() {
        return Optional.ofNullable(report);
    }

    @Override
    protected void run() {
        IConstruct root = getNode().getRoot();
        if (skipReason.isPresent()) {
            new SideFile(this, "markdown", DrReadiness.MARKDOWN_FILE, SkippedReport.markdown(skipReason.get()));
            new SideFile(this, "json", DrReadiness.JSON_FILE, SkippedReport.json(skipReason.get()));
            return;
        }
        report = DrReadiness.evaluate((Construct) root, health, targets, accepted);
        report.throwIfFailed();
        new SideFile(this, "markdown", DrReadiness.MARKDOWN_FILE, report.markdown());
        new SideFile(this, "json", DrReadiness.JSON_FILE, report.json());
        // Warnings in a file nobody opens are not warnings: the synth's console gets them too.
        report.consoleLines().forEach(System.err::println);
    }
}
