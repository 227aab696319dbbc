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
        PostgresRunbook.render(out, report, MarkdownReport::row);
        dataDependency(out, report);
        stateSecrets(out, report);
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
        chain.dnsEdge().ifPresent(edge -> {
            out.add("    clients([\"clients\"]) --> edge");
            out.add("    edge" + box("Route 53 failover records " + edge.hostname(), edge.getNode().getPath(),
                    "health checks " + ChainFacts.route53Checks(edge), ChainFacts.route53Routing(edge)));
        });
        for (int i = 0; i < chain.regions().size(); i++) {
            RegionChain region = chain.regions().get(i);
            String n = String.valueOf(i + 1);
            String link = i == 0 ? " -->|\"1: active\"| " : " -.->|\"" + n + ": failover\"| ";
            out.add("    edge" + (chain.dnsEdge().isPresent() ? link.replace("failover", "SECONDARY")
                    .replace("active", "PRIMARY") : link) + "pool" + n);
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
        List<GlobalTable> unwired = new ArrayList<>(chain.tables());
        for (int i = 0; i < chain.regions().size(); i++) {
            RegionChain region = chain.regions().get(i);
            String n = String.valueOf(i + 1);
            DataAffinity.wiring(region).ifPresent(w -> {
                String path = region.app().props().app().health().path();
                out.add("    app" + n + (region.app().props().app().health().includesData()
                        ? " -->|\"" + label("data: " + path + " checks it") + "\"| "
                        : " -.->|\"" + label("data: not in " + path) + "\"| ")
                        + "data" + n + "[(\"" + label("DynamoDB in " + w.awsRegion(), DataAffinity.copies(chain, w),
                                "identity " + w.identity()) + "\")]");
                unwired.removeIf(t -> w.tableNames().contains(t.props().tableName()));
            });
        }
        for (PostgresData db : r.postgres()) {
            for (int i = 0; i < chain.regions().size(); i++) {
                String region = chain.regions().get(i).app().props().network().region();
                String n = String.valueOf(i + 1);
                if (db.database().regions().contains(region)) {
                    boolean primary = db.database().isPrimary(region);
                    out.add("    app" + n + " -->|\"data\"| pg" + n + "[(\"" + label("PostgreSQL " + db.regionPath(region),
                            (primary ? "primary" : "replica cluster") + ", " + db.database().instancesPerRegion()
                                    + " instances", "archives to " + db.database().archiveBucketName(region) + " in "
                                    + db.database().archiveRegion(region)) + "\")]");
                }
            }
            if (chain.regions().size() > 1) {
                out.add("    pg1 -.->|\"" + label(db.mode() + ", RPO typically ≤ " + Durations.text(db.rpoTypical()))
                        + "\"| pg2");
            }
        }
        List<String> wired = new ArrayList<>();
        for (int i = 0; i < chain.regions().size(); i++) {
            if (DataAffinity.wiring(chain.regions().get(i)).isPresent()) {
                wired.add("data" + (i + 1));
            }
        }
        for (int i = 1; i < wired.size(); i++) {
            out.add("    " + wired.get(0) + " <-.->|\"replication, asynchronous, typically ≤ "
                    + Durations.text(RecoveryPoint.TYPICAL_REPLICATION_LAG) + "\"| " + wired.get(i));
        }
        // Tables no app is wired to: shown beside every app, as before any wiring existed.
        for (int i = 0; i < unwired.size(); i++) {
            GlobalTable t = unwired.get(i);
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

    /** Mermaid labels: each line's metacharacters as Mermaid's entity codes, lines joined with {@code <br/>}. */
    private static String label(String... lines) {
        List<String> escaped = new ArrayList<>();
        for (String line : lines) {
            escaped.add(MarkdownText.mermaid(line));
        }
        return String.join("<br/>", escaped);
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

    private static void dataDependency(List<String> out, ReadinessReport r) {
        List<RegionChain> regions = r.chain().regions();
        if (regions.stream().noneMatch(region -> DataAffinity.wiring(region).isPresent())) {
            return;
        }
        out.add("## Data dependency (an AWS-only outage)");
        out.add("");
        out.add("Each region's app uses its tables in one AWS region, through an identity of its own. If that AWS "
                + "region fails while OVH and Cloudflare are up:");
        out.add("");
        out.add("| region | app | data in | tables | identity | health includes data | that AWS region fails |");
        out.add("|---|---|---|---|---|---|---|");
        for (int i = 0; i < regions.size(); i++) {
            RegionChain region = regions.get(i);
            boolean active = i == 0;
            String order = (i + 1) + (active ? " active" : " failover");
            DataAffinity.wiring(region).ifPresentOrElse(w -> out.add(row(order,
                    region.appPath(), w.awsRegion(), DataAffinity.copies(r.chain(), w), w.identity(),
                    region.app().props().app().health().includesData() ? "yes" : "**no**",
                    DataAffinity.outage(region, w, active, Durations.text(r.rtoTotal())))),
                    () -> out.add(row(order, region.appPath(), "none",
                            "", "", "", "nothing: the app uses no table")));
        }
        out.add("");
        out.add("- Writes the failed AWS region accepted but had not yet replicated (typically the last "
                + Durations.text(RecoveryPoint.TYPICAL_REPLICATION_LAG) + ") reach the other regions when it "
                + "returns; concurrent writes to one item resolve by last writer wins.");
        out.add("- Each identity may act on its own region's copy only, so the surviving region never depends on "
                + "the failed one; its access key keeps authenticating even while IAM's control plane (us-east-1) "
                + "is impaired, since IAM authenticates in every region from its own data plane.");
        out.add("- The health path must answer within the health contract's timeout when DynamoDB hangs: give "
                + "the client a timeout below it, or the probe's timeout decides.");
        out.add("- Both AWS regions down: no region has its data; every pool fails its monitor and the edge "
                + "has nowhere healthy to send traffic.");
        out.add("");
    }

    private static void stateSecrets(List<String> out, ReadinessReport r) {
        out.add("## Secrets in Terraform state");
        out.add("");
        out.add("Terraform stores every attribute of every resource in state, sensitive ones included (`sensitive` "
                + "only hides a value from the console), so whoever can read a stack's state holds its secrets. "
                + "Nothing here is written to `cdktf.out/`; it is in the state of the stack named.");
        out.add("");
        out.add("| stack | state kept in | secrets in it |");
        out.add("|---|---|---|");
        for (StackState s : r.state()) {
            out.add(row(s.stack(), s.backend(), s.secrets().isEmpty() ? "none" : String.join("; ", s.secrets())));
        }
        out.add("");
        out.add("Protect it: keep every stack's state in `StateBackend.awsS3` (objects encrypted, `encrypt = true`, "
                + "locked with a lock file), in a bucket with versioning on, public access blocked and access limited "
                + "to who deploys; never commit a `*.tfstate` file or pass one around. The app's access key is "
                + "rotated as README describes; the origin and origin-pull keys by replacing their `tls_private_key`. "
                + "A local state (rule `state-secrets`) is a plaintext file on the machine that applied.");
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
            open.forEach(c -> out.add("- " + c.rule().id() + " at " + MarkdownText.text(c.path()) + ": "
                    + MarkdownText.text(c.fix())));
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
            escaped.add(MarkdownText.text(c));
        }
        return "| " + String.join(" | ", escaped) + " |";
    }
}
