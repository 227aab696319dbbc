package dev.tandem.constructs.readiness;

import dev.tandem.constructs.table.GlobalTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code dr-report.md}: summary, the failover chain as a Mermaid flowchart (GitHub and GitLab
 * render it in pull requests), recovery time and point per layer, every check, the accepted risks and
 * the rules. No timestamp or machine detail, so an unchanged deployment gives the same bytes.
 */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(ReadinessReport report) {
        List<String> out = new ArrayList<>();
        out.add("# DR readiness report");
        out.add("");
        out.add("Written by every synth from the synthesized settings (Tandem's DR readiness pass); do not edit.");
        out.add("");
        summary(out, report);
        diagram(out, report);
        recoveryTime(out, report);
        recoveryPoint(out, report);
        checks(out, report);
        acceptedRisks(out, report);
        rules(out);
        return String.join("\n", out) + "\n";
    }

    private static void summary(List<String> out, ReadinessReport r) {
        out.add("## Summary");
        out.add("");
        out.add("| objective | this deployment | target | met |");
        out.add("|---|---|---|---|");
        out.add(row("RTO (worst case)", Durations.text(r.rtoTotal()), Durations.text(r.targets().rto()),
                met(r.rtoTotal(), r.targets().rto())));
        out.add(row("RPO (typical)", Durations.text(r.rpoTotal()), Durations.text(r.targets().rpo()),
                met(r.rpoTotal(), r.targets().rpo())));
        out.add("");
        List<String> counts = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            counts.add(r.withVerdict(v).size() + " " + v.name().toLowerCase(Locale.ROOT));
        }
        out.add("Checks: " + String.join(", ", counts) + ".");
        out.add("");
    }

    private static String met(Duration value, Duration target) {
        return value.compareTo(target) <= 0 ? "yes" : "**no**";
    }

    private static void diagram(List<String> out, ReadinessReport r) {
        out.add("## Failover chain");
        out.add("");
        out.add("```mermaid");
        out.add("flowchart TD");
        FailoverChain chain = r.chain();
        chain.edge().ifPresent(edge -> {
            out.add("    clients([\"clients\"]) --> edge");
            out.add("    edge" + box("Cloudflare load balancer " + edge.props().hostname(), edge.getNode().getPath(),
                    "monitor " + ChainFacts.monitor(edge), ChainFacts.routing(edge)));
        });
        for (int i = 0; i < chain.regions().size(); i++) {
            RegionChain region = chain.regions().get(i);
            String n = String.valueOf(i + 1);
            String link = i == 0 ? " -->|\"1: active\"| " : " -.->|\"" + n + ": failover\"| ";
            out.add("    edge" + link + "pool" + n);
            out.add("    pool" + n + box("pool " + region.pool().name(), region.pool().origins().size() + " origins"));
            out.add("    pool" + n + " --> haproxy" + n);
            out.add("    haproxy" + n + box("HAProxy " + region.haproxyPath(),
                    region.haproxy().props().instances() + " instances, "
                            + ChainFacts.zones(region.haproxy().props().network().zones()),
                    "check " + ChainFacts.haproxyCheck(region),
                    "server down after ≤ " + Durations.text(RecoveryTime.haproxy(region).worstCase())));
            out.add("    haproxy" + n + " --> app" + n);
            out.add("    app" + n + box("Kubernetes " + region.appPath(),
                    region.app().props().app().baselineReplicas() + " replicas, "
                            + ChainFacts.zones(region.app().props().network().zones()) + ", " + ChainFacts.nodes(region.app()),
                    RecoveryTime.kubernetes(region).map(t -> "pod unready after ≤ " + Durations.text(t.worstCase()))
                            .orElse("no readiness probe")));
        }
        List<GlobalTable> tables = chain.tables();
        for (int i = 0; i < tables.size(); i++) {
            GlobalTable t = tables.get(i);
            String id = "table" + (i + 1);
            out.add("    " + id + "[(\"" + label("DynamoDB global table " + t.props().tableName(), t.getNode().getPath(),
                    ChainFacts.regions(t), "asynchronous, typically ≤ "
                            + Durations.text(RecoveryPoint.TYPICAL_REPLICATION_LAG)) + "\")]");
            for (int a = 1; a <= chain.regions().size(); a++) {
                out.add("    app" + a + " -.- " + id);
            }
        }
        out.add("```");
        out.add("");
    }

    private static String box(String... lines) {
        return "[\"" + label(lines) + "\"]";
    }

    /** Mermaid labels: lines joined with {@code <br/>}, double quotes as the entity Mermaid reads. */
    private static String label(String... lines) {
        return String.join("<br/>", lines).replace("\"", "#quot;");
    }

    private static void recoveryTime(List<String> out, ReadinessReport r) {
        out.add("## Recovery time (the active region fails)");
        out.add("");
        out.add("Each layer's worst case, added up: a failure may reach a layer only once the layer below has "
                + "acted.");
        out.add("");
        figures(out, "worst case | from", r.recoveryTime().stream()
                .map(t -> row(t.layer(), t.path(), Durations.text(t.worstCase()), t.formula())).toList(),
                r.rtoTotal(), r.targets().rto());
    }

    private static void recoveryPoint(List<String> out, ReadinessReport r) {
        out.add("## Recovery point");
        out.add("");
        figures(out, "data at risk | why", r.recoveryPoint().stream()
                .map(l -> row(l.layer(), l.path(), Durations.text(l.typical()), l.basis())).toList(),
                r.rpoTotal(), r.targets().rpo());
    }

    /** A per-layer table closed by the total against its target. */
    private static void figures(List<String> out, String columns, List<String> rows, Duration total, Duration target) {
        out.add("| layer | construct | " + columns + " |");
        out.add("|---|---|---|---|");
        out.addAll(rows);
        out.add(row("**total**", "", "**" + Durations.text(total) + "**", "target " + Durations.text(target)));
        out.add("");
    }

    private static void checks(List<String> out, ReadinessReport r) {
        out.add("## Checks");
        out.add("");
        out.add("| verdict | rule | construct | setting | found | required |");
        out.add("|---|---|---|---|---|---|");
        for (CheckResult c : r.checks()) {
            out.add(row(c.verdict().name(), c.rule().id(), c.path(), c.property(), c.found(), c.required()));
        }
        out.add("");
        List<CheckResult> open = r.checks().stream().filter(CheckResult::isFinding).toList();
        if (!open.isEmpty()) {
            out.add("Fixes:");
            out.add("");
            open.forEach(c -> out.add("- " + c.rule().id() + " at " + c.path() + ": " + c.fix()));
            out.add("");
        }
    }

    private static void acceptedRisks(List<String> out, ReadinessReport r) {
        out.add("## Accepted risks");
        out.add("");
        if (r.acceptedRisks().isEmpty()) {
            out.add("None.");
        } else {
            out.add("| rule | construct | reason |");
            out.add("|---|---|---|");
            r.acceptedRisks().forEach(a -> out.add(row(a.rule().id(), a.path(), a.reason())));
        }
        out.add("");
    }

    private static void rules(List<String> out) {
        out.add("## Rules");
        out.add("");
        out.add("A single point of failure is an error when a routine event (a VM reboot, a rollout, a node drain, "
                + "one mistaken destroy or bad write) takes a region's serving path or the data down, or when the "
                + "other region cannot cover the loss; a warning when only a zone outage does and the other region "
                + "covers it. Capacity gaps between regions are warnings.");
        out.add("");
        out.add("| rule | severity | can be accepted | rule |");
        out.add("|---|---|---|---|");
        for (Rule rule : Rule.values()) {
            out.add(row(rule.id(), rule.severity().name().toLowerCase(Locale.ROOT),
                    rule.acceptable() ? "yes" : "no", rule.text()));
        }
    }

    private static String row(String... cells) {
        List<String> escaped = new ArrayList<>();
        for (String c : cells) {
            escaped.add(c.replace("|", "\\|").replace("\n", " "));
        }
        return "| " + String.join(" | ", escaped) + " |";
    }
}
