package dev.tandem.constructs.readiness;

import java.util.List;

/**
 * The report's PostgreSQL section: RPO per mode, when writes resume, and the runbook for promotion, the old
 * primary's return and split brain. The runbook follows CloudNativePG's distributed topology
 * (cloudnative-pg {@code docs/src/replica_cluster.md} at v1.30.0: {@code spec.replica.primary}, {@code self},
 * {@code promotionToken} and {@code status.demotionToken}); it was not run against a Kubernetes cluster here
 * (unverified end to end; the PostgreSQL steps under it were drilled on loopback).
 */
final class PostgresRunbook {
    private PostgresRunbook() {
    }

    static void render(List<String> out, ReadinessReport r, java.util.function.Function<String[], String> row) {
        if (r.postgres().isEmpty()) {
            return;
        }
        out.add("## PostgreSQL: recovery point per mode, promotion and runbook");
        out.add("");
        out.add("| database | construct | mode | primary | RPO typical | RPO bound | writes resume after | within RTO "
                + Durations.text(r.targets().rto()) + " |");
        out.add("|---|---|---|---|---|---|---|---|");
        for (PostgresData db : r.postgres()) {
            out.add(row.apply(new String[] {db.database().name(), db.path(), db.mode().name(),
                db.database().primaryRegion(), Durations.text(db.rpoTypical()), Durations.text(db.rpoBound()),
                Durations.text(db.database().promotionDecisionTime()) + " decision + "
                        + Durations.text(PostgresData.PROMOTION_APPLY) + " apply = " + Durations.text(db.writesResume()),
                db.writesResume().compareTo(r.targets().rto()) <= 0 ? "yes" : "**no**"}));
        }
        out.add("");
        out.add("RPO per mode: ARCHIVE_ONLY loses what is not yet archived, up to `archive_timeout` plus the upload of "
                + "the last segment (" + Durations.text(PostgresData.UPLOAD_ALLOWANCE) + " assumed); STREAMING "
                + "(asynchronous) typically under a second, and up to the ARCHIVE_ONLY bound while streaming is "
                + "down; SYNCHRONOUS loses no acknowledged commit and stops writes while the standby region is "
                + "unreachable. `dr-report.json` → `recoveryPoint.postgres` holds the bounds a drill compares with.");
        out.add("");
        for (PostgresData db : r.postgres()) {
            if (db.writesResume().compareTo(r.targets().rto()) > 0) {
                out.add("**Manual promotion breaks the RTO target for " + db.database().name() + ".** Traffic fails "
                        + "over by itself within " + Durations.text(r.rtoTotal()) + ", but the standby accepts writes only "
                        + "once promoted: " + Durations.text(db.writesResume()) + " after the failure, above the "
                        + Durations.text(r.targets().rto()) + " target. Fix it by declaring a shorter "
                        + "`promotionDecisionTime` (an on-call rule that promotes without waiting) or raising "
                        + "`DrTargets` rto; or accept it with `AcceptedRisk.of(Rule.POSTGRES_PROMOTION, \""
                        + db.path() + "\", reason)` — reads keep working in the standby meanwhile.");
                out.add("");
            }
        }
        out.add("### Promote the standby (the primary region is lost)");
        out.add("");
        out.add("1. Decide: the primary region is down and will not be back within the promotion decision time.");
        out.add("2. Change the deployment's `primaryRegion` to the standby's region and reorder the edge's pools "
                + "the same way, in one reviewed commit; synthesize (`./synth --data postgres`).");
        out.add("3. Apply the standby region's manifests (`kubectl apply -k` its folder): its `Cluster` now has "
                + "`spec.replica.primary` set to itself, and CloudNativePG promotes it (no promotion token: the old "
                + "primary cannot be demoted first). The first write follows the promotion.");
        out.add("4. The Terraform stacks change nothing for the data: the archive buckets and users stay.");
        out.add("");
        out.add("A planned switchover (both regions up) is the same change, in order: apply the old primary's "
                + "manifest first (it is demoted and reports `status.demotionToken`), set that token as the new "
                + "primary's `spec.replica.promotionToken`, then apply the new primary's: no write is lost.");
        out.add("");
        out.add("### Bring the old primary back");
        out.add("");
        out.add("1. Before its region serves again, apply its manifest from the commit above: it becomes a replica "
                + "cluster following the new primary (`spec.replica.primary` names the new one).");
        out.add("2. If it accepted writes the new primary never received (asynchronous modes), it has diverged: "
                + "re-clone it — delete that region's `Cluster` and its PVCs and apply again; it bootstraps from "
                + "the new primary (`recovery` from the archive, or `pg_basebackup` when streaming).");
        out.add("3. Switch back later, if wanted, as a planned switchover with the demotion token.");
        out.add("");
        out.add("### What split brain looks like");
        out.add("");
        out.add("Both regions' `Cluster`s have `spec.replica.primary` naming themselves: both `rw` services accept "
                + "writes, the archives show two timelines (a new `.history` file in each bucket), and each region's "
                + "app writes to its own database. It happens when the old primary's region returns before its "
                + "manifest is changed. Stop it by applying the demoted manifest to the old primary (or fencing it: "
                + "annotation `cnpg.io/fencedInstances`), keep the edge's pools pointing at one region, then re-clone "
                + "the old primary; writes it took after the split are not in the new primary and must be "
                + "reconciled by hand from its WAL or a dump.");
        out.add("");
    }
}
