package dev.tandem.constructs.readiness;

import dev.tandem.constructs.core.ValidationException;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of the readiness pass: every check with its verdict, the recovery time and point per
 * layer and in total against the targets, and the accepted risks. Renders itself as
 * {@code dr-report.md} ({@link #markdown()}) and {@code dr-report.json} ({@link #json()}), both
 * deterministic so they can be golden files.
 *
 * @param targets       the declared objectives
 * @param chain         the constructs and how they link (for the diagram)
 * @param checks        every check, in a stable order: chain, health, RTO, RPO, single points, symmetry,
 *                      accepted risks
 * @param recoveryTime  the active region's failover, layer by layer
 * @param recoveryPoint data-loss exposure, layer by layer
 * @param acceptedRisks the risks the deployment accepts
 * @param state         per stack, where its Terraform state is kept and which secrets it holds
 * @param postgres      the PostgreSQL databases found, for their RPO per mode, promotion time and runbook
 */
public record ReadinessReport(DrTargets targets, FailoverChain chain, List<CheckResult> checks,
        List<LayerTime> recoveryTime, List<LayerDataLoss> recoveryPoint, List<AcceptedRisk> acceptedRisks,
        List<StackState> state, List<PostgresData> postgres) {

    /** Copies the lists. */
    public ReadinessReport {
        checks = List.copyOf(checks);
        recoveryTime = List.copyOf(recoveryTime);
        recoveryPoint = List.copyOf(recoveryPoint);
        acceptedRisks = List.copyOf(acceptedRisks);
        state = List.copyOf(state);
        postgres = List.copyOf(postgres);
    }

    /** @return the worst-case failover time: the layers added up */
    public Duration rtoTotal() {
        return RecoveryTime.total(recoveryTime);
    }

    /** @return the typical data loss: the largest of the layers' */
    public Duration rpoTotal() {
        return RecoveryPoint.total(recoveryPoint);
    }

    /** @return the checks that stop the synth */
    public List<CheckResult> failures() {
        return checks.stream().filter(c -> c.verdict() == Verdict.FAIL).toList();
    }

    /** @return the checks with verdict {@code verdict} */
    public List<CheckResult> withVerdict(Verdict verdict) {
        return checks.stream().filter(c -> c.verdict() == verdict).toList();
    }

    /** @throws ValidationException listing every failed check at once, if there is any */
    public void throwIfFailed() {
        List<CheckResult> failures = failures();
        if (!failures.isEmpty()) {
            throw new ValidationException(failures.stream().map(CheckResult::toProblem).toList());
        }
    }

    /**
     * What the person running the synth must see without opening the report: one line per warning, and
     * one per accepted finding of a rule that would otherwise stop the synth (an error-level risk lives on
     * only because the deployment said so, and every synth repeats it).
     *
     * @return the lines, in the report's order
     */
    public List<String> consoleLines() {
        return checks.stream()
                .filter(c -> c.verdict() == Verdict.WARN
                        || (c.verdict() == Verdict.ACCEPTED && c.rule().severity() == Severity.ERROR))
                .map(c -> c.verdict() == Verdict.WARN
                        ? "tandem: DR warning [" + c.rule().id() + "] " + c.path() + " " + c.property() + " = "
                                + c.found() + ": " + c.fix()
                        : "tandem: DR risk accepted [" + c.rule().id() + "] " + c.path() + " " + c.property() + " = "
                                + c.found() + ": " + c.acceptedReason().orElse(""))
                .toList();
    }

    /** @return the report as Markdown with a Mermaid diagram of the failover chain */
    public String markdown() {
        return MarkdownReport.render(this);
    }

    /** @return the same content as JSON, for tools */
    public String json() {
        return JsonReport.render(this);
    }
}
