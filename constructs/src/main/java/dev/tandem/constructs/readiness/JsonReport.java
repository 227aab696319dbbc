package dev.tandem.constructs.readiness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.TableReplica;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Writes {@code dr-report.json}: the Markdown report's content for tools. Keys are written in a fixed
 * order and lines end with {@code \n} on every platform, so the file is a stable golden file.
 */
final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReport() {
    }

    static String render(ReadinessReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.set("summary", summary(r));
        root.set("chain", chain(r.chain(), r.postgres()));
        ObjectNode rto = root.putObject("recoveryTime");
        ArrayNode timeLayers = rto.putArray("layers");
        r.recoveryTime().forEach(t -> timeLayers.addObject().put("layer", t.layer()).put("path", t.path())
                .put("formula", t.formula()).put("worstCaseSeconds", Durations.seconds(t.worstCase())));
        objective(rto, r.rtoTotal(), r.targets().rto());
        ObjectNode rpo = root.putObject("recoveryPoint");
        ArrayNode lossLayers = rpo.putArray("layers");
        r.recoveryPoint().forEach(l -> lossLayers.addObject().put("layer", l.layer()).put("path", l.path())
                .put("basis", l.basis()).put("typicalSeconds", Durations.seconds(l.typical())));
        objective(rpo, r.rpoTotal(), r.targets().rpo());
        // What a drill compares its measured loss window with: per database, the mode and its bounds.
        ArrayNode postgres = rpo.putArray("postgres");
        for (PostgresData db : r.postgres()) {
            postgres.addObject().put("layer", "postgresql").put("path", db.path()).put("database", db.database().name())
                    .put("mode", db.mode().name()).put("primaryRegion", db.database().primaryRegion())
                    .put("archiveTimeoutSeconds", Durations.seconds(db.database().archiveTimeout()))
                    .put("uploadAllowanceSeconds", Durations.seconds(PostgresData.UPLOAD_ALLOWANCE))
                    .put("rpoTypicalSeconds", Durations.seconds(db.rpoTypical()))
                    .put("rpoBoundSeconds", Durations.seconds(db.rpoBound()))
                    .put("promotionDecisionSeconds", Durations.seconds(db.database().promotionDecisionTime()))
                    .put("promotionApplySeconds", Durations.seconds(PostgresData.PROMOTION_APPLY))
                    .put("writesResumeSeconds", Durations.seconds(db.writesResume()))
                    .put("writesResumeWithinRto", db.writesResume().compareTo(r.targets().rto()) <= 0);
        }
        ArrayNode checks = root.putArray("checks");
        for (CheckResult c : r.checks()) {
            ObjectNode n = checks.addObject().put("verdict", c.verdict().name()).put("rule", c.rule().id())
                    .put("path", c.path()).put("property", c.property()).put("found", c.found())
                    .put("required", c.required()).put("fix", c.fix());
            c.acceptedReason().ifPresent(reason -> n.put("acceptedReason", reason));
        }
        ArrayNode accepted = root.putArray("acceptedRisks");
        r.acceptedRisks().forEach(a -> accepted.addObject().put("rule", a.rule().id()).put("path", a.path())
                .put("reason", a.reason()));
        ArrayNode state = root.putArray("state");
        for (StackState st : r.state()) {
            ObjectNode n = state.addObject().put("stack", st.stack()).put("backend", st.backend()).put("local", st.local());
            st.secrets().forEach(n.putArray("secrets")::add);
        }
        ArrayNode rules = root.putArray("rules");
        for (Rule rule : Rule.values()) {
            rules.addObject().put("id", rule.id()).put("severity", rule.severity().name())
                    .put("acceptable", rule.acceptable()).put("text", rule.text());
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode summary(ReadinessReport r) {
        ObjectNode summary = JSON.createObjectNode();
        objective(summary.putObject("rto"), r.rtoTotal(), r.targets().rto());
        objective(summary.putObject("rpo"), r.rpoTotal(), r.targets().rpo());
        ObjectNode counts = summary.putObject("verdicts");
        for (Verdict v : Verdict.values()) {
            counts.put(v.name(), r.withVerdict(v).size());
        }
        return summary;
    }

    private static void objective(ObjectNode node, Duration value, Duration target) {
        node.put("totalSeconds", Durations.seconds(value)).put("targetSeconds", Durations.seconds(target))
                .put("met", value.compareTo(target) <= 0);
    }

    private static ObjectNode chain(FailoverChain chain, java.util.List<PostgresData> postgres) {
        ObjectNode node = JSON.createObjectNode();
        chain.edge().ifPresent(edge -> node.putObject("edge").put("path", edge.getNode().getPath())
                .put("hostname", edge.props().hostname()).put("monitor", ChainFacts.monitor(edge))
                .put("routing", ChainFacts.routing(edge)));
        chain.dnsEdge().ifPresent(edge -> node.putObject("edge").put("path", edge.getNode().getPath())
                .put("kind", "route53").put("hostname", edge.hostname()).put("monitor", ChainFacts.route53Checks(edge))
                .put("routing", ChainFacts.route53Routing(edge)));
        ArrayNode regions = node.putArray("regions");
        for (int i = 0; i < chain.regions().size(); i++) {
            RegionChain region = chain.regions().get(i);
            ObjectNode n = regions.addObject().put("order", i + 1).put("role", i == 0 ? "active" : "failover");
            n.putObject("pool").put("name", region.pool().name()).put("origins", region.pool().origins().size());
            n.putObject("haproxy").put("path", region.haproxyPath())
                    .put("instances", region.haproxy().props().instances())
                    .put("zones", region.haproxy().props().network().zones().size())
                    .put("check", ChainFacts.haproxyCheck(region))
                    .put("downAfterSeconds", Durations.seconds(RecoveryTime.haproxy(region).worstCase()));
            ObjectNode app = n.putObject("app").put("path", region.appPath())
                    .put("replicas", region.app().props().app().baselineReplicas())
                    .put("zones", region.app().props().network().zones().size())
                    .put("nodes", ChainFacts.nodes(region.app()));
            RecoveryTime.kubernetes(region).ifPresent(t ->
                    app.put("unreadyAfterSeconds", Durations.seconds(t.worstCase())));
            DataAffinity.wiring(region).ifPresent(w -> {
                ObjectNode data = n.putObject("data").put("awsRegion", w.awsRegion())
                        .put("identity", w.identity())
                        .put("healthIncludesData", region.app().props().app().health().includesData());
                ObjectNode variables = data.putObject("tables");
                w.tables().forEach(variables::put);
            });
            String ovhRegion = region.app().props().network().region();
            for (PostgresData db : postgres) {
                if (db.database().regions().contains(ovhRegion)) {
                    n.putObject("postgres").put("path", db.regionPath(ovhRegion)).put("database", db.database().name())
                            .put("role", db.database().isPrimary(ovhRegion) ? "primary" : "replica")
                            .put("instances", db.database().instancesPerRegion()).put("mode", db.mode().name())
                            .put("archivesTo", db.database().archiveBucketName(ovhRegion))
                            .put("archiveRegion", db.database().archiveRegion(ovhRegion))
                            .put("healthIncludesData", region.app().props().app().health().includesData());
                }
            }
        }
        ArrayNode tables = node.putArray("tables");
        for (GlobalTable t : chain.tables()) {
            ArrayNode replicas = tables.addObject().put("path", t.getNode().getPath())
                    .put("name", t.props().tableName()).put("home", t.region()).putArray("replicas");
            t.replicas().stream().map(TableReplica::region).forEach(replicas::add);
        }
        return node;
    }
}
