package dev.tandem.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes {@code rehearsal.json} and {@code rehearsal.md} beside the DR report and renders the printed table. */
final class Report {
    private Report() {
    }

    static void write(Path out, Deployment deployment, Scale scale, List<ScenarioResult> results, double wallSeconds,
            String notRun) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scale", scale.factor());
        json.put("hostname", deployment.hostname());
        json.put("active", deployment.active().stack());
        json.put("failover", deployment.failover().stack());
        json.put("wall_seconds", Math.round(wallSeconds * 10) / 10.0);
        json.put("pass", results.stream().allMatch(ScenarioResult::pass) && notRun == null);
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (ScenarioResult r : results) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", r.scenario().name());
            s.put("description", r.scenario().description());
            s.put("computed_rto_s", r.computedRtoSeconds());
            s.put("computed_basis", r.scenario().basis());
            s.put("measured_rto_s", r.measuredRtoSeconds());
            s.put("measured_scaled_s", r.measuredScaledSeconds());
            s.put("requests", r.requests());
            s.put("failed_requests", r.failedRequests());
            s.put("failures", r.failures());
            s.put("expected_region", r.expectedRegion());
            s.put("served_by", r.servedBy());
            s.put("lost_writes", r.lostWrites());
            s.put("computed_rpo_s", r.computedRpoSeconds());
            s.put("scale", r.scale());
            s.put("verdict", r.verdict());
            s.put("broken_layer", r.layer());
            s.put("reason", r.reason());
            if (r.postgres() != null) {
                s.put("postgres", postgresJson(r.postgres()));
            }
            scenarios.add(s);
        }
        json.put("scenarios", scenarios);
        if (notRun != null) {
            json.put("not_run", notRun);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("rehearsal.json").toFile(),
                json);
        Files.writeString(out.resolve("rehearsal.md"), markdown(deployment, scale, results, wallSeconds, notRun));
    }

    private static Map<String, Object> postgresJson(PostgresFigures f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("writes", f.writes());
        p.put("acked_writes", f.acked());
        p.put("lost_acked_writes", f.lostWrites());
        p.put("measured_loss_window_s", f.lossWindow());
        p.put("computed_rpo_bound_s", f.rpoBound());
        p.put("promoted_after_s", f.promotedAt());
        p.put("measured_writes_resume_s", f.writesResume());
        p.put("computed_writes_resume_s", f.writesResumeComputed());
        p.put("verdict", f.pass() ? "pass" : "fail");
        p.put("reason", f.reason());
        return p;
    }

    /** @return the table printed at the end of ./rehearse */
    static String table(List<ScenarioResult> results) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%-22s %9s %9s %8s %7s %6s %-10s %s%n",
                "scenario", "computed", "measured", "scaled", "reqs", "failed", "served_by", "verdict"));
        for (ScenarioResult r : results) {
            t.append(String.format(Locale.ROOT, "%-22s %7d s %9s %8s %7d %6d %-10s %s%n", r.scenario().name(),
                    r.computedRtoSeconds(), seconds(r.measuredRtoSeconds()), seconds(r.measuredScaledSeconds()),
                    r.requests(), r.failedRequests(), r.servedBy(),
                    r.verdict() + (r.pass() ? "" : " [" + r.layer() + "] " + r.reason())));
        }
        for (ScenarioResult r : results) {
            PostgresFigures f = r.postgres();
            if (f != null && f.writesResumeComputed() != null) {
                t.append(String.format(Locale.ROOT, "postgres %s: %d/%d writes acked, %s acked lost over %s (RPO"
                        + " bound %d s), promoted after %s, writes resumed after %s (computed %d s): %s%n",
                        r.scenario().name(), f.acked(), f.writes(), f.lostWrites(), seconds(f.lossWindow()),
                        f.rpoBound(), seconds(f.promotedAt()), seconds(f.writesResume()), f.writesResumeComputed(),
                        f.pass() ? "pass" : "fail: " + f.reason()));
            }
        }
        return t.toString();
    }

    private static String seconds(Double s) {
        return s == null ? "never" : String.format(Locale.ROOT, "%.1f s", s);
    }

    /** @return {@code text} as a Markdown code span: answers and reasons may hold HTML, pipes or asterisks */
    private static String code(String text) {
        return "`" + text.replace('`', '\'').replace('\n', ' ') + "`";
    }

    private static String postgresMarkdown(Deployment deployment, Scale scale, List<ScenarioResult> results) {
        StringBuilder md = new StringBuilder("\n## PostgreSQL writes\n\n");
        Deployment.Postgres active = deployment.active().postgres().orElseThrow();
        md.append(String.format(Locale.ROOT, "Mode **%s**, archive_timeout %d s (%d s at scale %d, PostgreSQL's unit"
                + " is the second). A pod's reads take the first host of PGHOST that answers; its writes the first"
                + " that takes writes (`target_session_attrs=%s`), so a region whose database is a standby serves"
                + " reads and answers writes 503 until the declared promotion (`pg_promote`) is applied. The loss"
                + " window is held to the report's RPO bound scaled plus 1 s (PostgreSQL's whole-second archive"
                + " clock); *writes resume* to the report's decision time + apply.%n%n", active.settings().mode(),
                active.settings().archiveTimeout().toSeconds(),
                Math.max(1, scale.downSeconds(active.settings().archiveTimeout())), scale.factor(),
                active.targetSessionAttrs()));
        md.append("| scenario | writes | acked | acked lost | loss window | RPO bound (report) | promoted after |"
                + " writes resume | computed | verdict |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioResult r : results) {
            PostgresFigures f = r.postgres();
            if (f == null) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s | %s | %s |%n",
                    r.scenario().name(), f.writes(), f.acked(), f.lostWrites() == null ? "n/a" : f.lostWrites(),
                    f.lossWindow() == null ? "n/a" : seconds(f.lossWindow()),
                    f.rpoBound() == null ? "n/a" : f.rpoBound() + " s",
                    f.promotedAt() == null ? "n/a" : seconds(f.promotedAt()),
                    f.writesResumeComputed() == null ? "n/a" : seconds(f.writesResume()),
                    f.writesResumeComputed() == null ? "n/a" : f.writesResumeComputed() + " s",
                    f.pass() ? "pass" : "**fail**: " + code(f.reason())));
        }
        return md.toString();
    }

    private static String markdown(Deployment deployment, Scale scale, List<ScenarioResult> results,
            double wallSeconds, String notRun) {
        StringBuilder md = new StringBuilder("# DR rehearsal\n\n");
        md.append("Written by `./rehearse` from this folder's synthesized output; do not edit. The deployment stood on"
                + " loopback in a network namespace of its own: app stand-ins per the Deployment, the real HAProxy on"
                + " each instance's delivered configuration (installed by tandem-haproxy-apply), "
                + (deployment.postgres() ? "a real PostgreSQL server per region started from its rendered Cluster"
                        + " (the replica region's a standby of the primary's, as the Cluster's mode says)"
                        : "dynalite per AWS region")
                + ", and an emulated Cloudflare load balancer driven by the edge's JSON. Clients sent requests"
                + " through the edge throughout each scenario"
                + (deployment.postgres() ? ", and one client wrote rows through it (`/write/N`)" : "")
                + ".\n\n");
        md.append(String.format(Locale.ROOT, "Scale factor **%d**: the monitor interval and timeout, HAProxy's check"
                + " intervals and timeouts, the readiness probe's period and timeout and the delivery's settle time"
                + " ran %d times faster; *measured* is the rehearsal's clock multiplied back by %d, *scaled* is the"
                + " clock itself. Wall time %.0f s.%n%n", scale.factor(), scale.factor(), scale.factor(), wallSeconds));
        md.append("| scenario | computed RTO | measured RTO | scaled | requests | failed | served by | lost writes | RPO"
                + " (report) | verdict |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %d s | %s | %s | %d | %d | %s | %s | %d s | %s |%n",
                    r.scenario().name(), r.computedRtoSeconds(), seconds(r.measuredRtoSeconds()),
                    seconds(r.measuredScaledSeconds()), r.requests(), r.failedRequests(), r.servedBy(),
                    r.lostWrites() == null ? "n/a" : r.lostWrites(), r.computedRpoSeconds(),
                    r.pass() ? "pass" : "**fail** (" + r.layer() + ")"));
        }
        if (notRun != null) {
            md.append("\nNot run: ").append(notRun).append("\n");
        }
        if (deployment.postgres()) {
            md.append(postgresMarkdown(deployment, scale, results));
        }
        md.append("\n## Scenarios\n\n");
        for (ScenarioResult r : results) {
            md.append("- **").append(r.scenario().name()).append("**: ").append(r.scenario().description())
                    .append(". Must end served by `").append(r.expectedRegion()).append("`; held to ")
                    .append(r.scenario().basis()).append('.');
            if (!r.failures().isEmpty()) {
                md.append(" Failed answers: ").append(code(r.failures())).append('.');
            }
            if (!r.pass()) {
                md.append(" **Failed at layer ").append(code(r.layer())).append("**: ").append(code(r.reason()))
                        .append('.');
            }
            md.append('\n');
        }
        md.append("""

                ## How to read it next to the DR report

                - *computed* is the DR report's worst case for that failure (`dr-report.json` → `recoveryTime`); a
                  scenario passes when the clients ended up served by the region it names and the measured time is
                  not above the computed one. Each failure is injected just after the edge's probe (its worst
                  phase); the readiness probe's and HAProxy's timers fall as they may, so a measured time below the
                  computed one is normal: the report adds every layer's worst case in sequence.
                - *failed* counts requests the clients saw fail (any answer but 200, or none) from the injection on:
                  what a failover costs users, which the report does not compute.
                %s

                ## What the emulated edge assumes

                Each rule cites Cloudflare's documentation in the rehearsal's source (`rehearsal/…/edge/`). Where the
                docs leave a choice open, the rehearsal takes the worst case: monitors present **no** client
                certificate (no page says they present the zone's authenticated-origin-pull certificate), so the
                origin must answer its health path without one; the fallback pool, used when every pool is
                unhealthy, may send to any enabled origin; one probe per interval stands for the majority vote of
                the check regions' data centres. Zero-downtime failover retries once, only on 521/522/523/525/526.
                """.formatted(deployment.postgres()
                ? "- *lost writes* (PostgreSQL): after `region-dies`, the writes acknowledged to the clients that the\n"
                        + "  promoted standby lacks; the PostgreSQL section shows the window they span against the RPO bound."
                : "- *lost writes* stays n/a: the engines here (dynalite per AWS region) do not replicate, so the\n"
                        + "  report's RPO is not measured; it is shown for reference."));
        return md.toString();
    }
}
