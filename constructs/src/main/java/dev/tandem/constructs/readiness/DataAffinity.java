package dev.tandem.constructs.readiness;

import dev.tandem.constructs.access.DataWiring;
import dev.tandem.constructs.health.HealthContract;
import dev.tandem.constructs.table.GlobalTable;
import dev.tandem.constructs.table.TableReplica;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link Rule#DATA_AFFINITY} and {@link Rule#DATA_IN_HEALTH}: which AWS region each region's app
 * depends on, read from the wiring its pods get ({@code AppSpec.data()}), and what an outage of that
 * AWS region does to the failover chain. An app without wiring uses no table and depends on no AWS
 * region, so it is not checked.
 */
final class DataAffinity {
    private DataAffinity() {
    }

    static List<CheckResult> check(FailoverChain chain) {
        List<CheckResult> results = new ArrayList<>();
        Map<String, String> users = new LinkedHashMap<>();
        for (RegionChain region : chain.regions()) {
            Optional<DataWiring> data = wiring(region);
            if (data.isEmpty()) {
                continue;
            }
            DataWiring w = data.get();
            String path = region.appPath();
            String other = users.putIfAbsent(w.awsRegion(), path);
            results.add(SinglePoints.result(Rule.DATA_AFFINITY, path, "data.awsRegion", other == null, w.awsRegion(),
                    "an AWS region no other region's app uses" + (other == null ? "" : " (" + other + " uses "
                            + w.awsRegion() + " too: its outage would take both regions' data)"),
                    "give each RegionSpec its own awsRegion and wire each app to its own region's copy: "
                            + "AppSpec data(<this region's AppDataAccess>.wiring())"));
            for (String table : w.tableNames()) {
                Optional<GlobalTable> global = chain.tables().stream()
                        .filter(t -> t.props().tableName().equals(table)).findFirst();
                boolean copy = global.map(t -> regions(t).contains(w.awsRegion())).orElse(false);
                results.add(SinglePoints.result(Rule.DATA_AFFINITY, path, "data.tables[" + table + "]", copy,
                        global.map(ChainFacts::regions).orElse("no GlobalTable named " + table),
                        "a copy in " + w.awsRegion() + ", the AWS region the app is told",
                        "add a TableReplica of " + table + " in this region's stack, or wire the app to the region "
                                + "of a copy"));
            }
            HealthContract health = region.app().props().app().health();
            results.add(SinglePoints.result(Rule.DATA_IN_HEALTH, path, "health.scope", health.includesData(),
                    health.scope(), "APP_AND_DATA: the health path fails while the app cannot reach its data",
                    "declare HealthContract.builder().scope(HealthScope.APP_AND_DATA) and make the health path "
                            + "check the data (docs/app-contract.md)"));
        }
        return results;
    }

    /** @return the wiring the region's app gets, if it uses tables */
    static Optional<DataWiring> wiring(RegionChain region) {
        return region.app().props().app().data();
    }

    /** @return the AWS regions holding a copy of {@code table}: its home, then its replicas' */
    static List<String> regions(GlobalTable table) {
        List<String> regions = new ArrayList<>(List.of(table.region()));
        table.replicas().stream().map(TableReplica::region).forEach(regions::add);
        return regions;
    }

    /** @return each table the app uses, with the role of the copy it uses, e.g. {@code tandem-sessions (replica)} */
    static String copies(FailoverChain chain, DataWiring w) {
        return w.tableNames().stream().map(name -> name + chain.tables().stream()
                .filter(t -> t.props().tableName().equals(name)).findFirst()
                .map(t -> t.region().equals(w.awsRegion()) ? " (home)"
                        : regions(t).contains(w.awsRegion()) ? " (replica)" : " (no copy here)")
                .orElse(" (no such table)"))
                .collect(Collectors.joining(", "));
    }

    /** @return what an outage of the region's AWS region does, in words, given the chain's failover time */
    static String outage(RegionChain region, DataWiring w, boolean active, String failover) {
        if (!region.app().props().app().health().includesData()) {
            return "the region stays in rotation (its health does not include the data) while every request "
                    + "that needs the data fails, until " + w.awsRegion() + " returns";
        }
        String drained = region.app().props().app().health().path() + " fails, readiness drains the pods (not "
                + "restarted), HAProxy marks the app down and answers 503";
        return active ? drained + ", the edge fails over within " + failover + " (the same chain as an app failure)"
                : drained + "; the edge marks this standby's pool unhealthy: clients see nothing, but there is no "
                        + "failover target until " + w.awsRegion() + " returns";
    }
}
