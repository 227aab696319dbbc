package dev.tandem.e2e.postgres;

import dev.tandem.rehearsal.postgres.PostgresBinaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The failover drill on its own, repeated, with a table of the figures and their spread ({@code test/pg-drill}).
 *
 * <pre>
 *   test/pg-drill [--runs N] [--scale N] [cluster.yaml …]
 * </pre>
 * Without manifests it drills what the test drills ({@link RenderedCluster#drilled()}: the second reference,
 * archive-only, the streaming reference, and the streaming reference made synchronous, each synthesized whole);
 * without {@code --scale} each runs its archive timeout at 1 s ({@link DrillScale#defaultFor}). Exit status 1 when
 * a run exceeded its mode's recovery point.
 */
public final class PostgresDrillMain {

    private PostgresDrillMain() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 1;
        Optional<DrillScale> scale = Optional.empty();
        List<RenderedCluster> clusters = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--scale" -> scale = Optional.of(new DrillScale(Long.parseLong(args[++i])));
                default -> clusters.add(new RenderedCluster(args[i], Files.readString(Path.of(args[i])), Optional.empty()));
            }
        }
        if (clusters.isEmpty()) {
            clusters.addAll(RenderedCluster.drilled());
        }
        PostgresBinaries pg = RequiredPostgres.binaries();
        Path tmp = Files.createTempDirectory("tandem-pg-drill-");
        List<DrillResult> results = new ArrayList<>();
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
            FailoverDrill drill = FailoverDrill.prepare(pg, Files.createDirectory(tmp.resolve("pg")));
            for (int run = 1; run <= runs; run++) {
                for (RenderedCluster rendered : clusters) {
                    DrillResult result = drill.run(rendered, scale.orElse(DrillScale.defaultFor(rendered.settings().archiveTimeout())));
                    System.out.println("run " + run + ": " + result.line());
                    results.add(result);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        System.out.println();
        System.out.printf("%-12s %4s  %-22s %-22s %-20s %-17s %-17s %-17s %-17s%n", "mode", "runs", "lost rows min/med/max",
                "lost s min/med/max", "bound", "promote ms", "first write ms", "rewind ms", "rejoin ms");
        results.stream().map(DrillResult::mode).distinct().forEach(mode -> {
            List<DrillResult> of = results.stream().filter(r -> r.mode() == mode).toList();
            System.out.printf("%-12s %4d  %-22s %-22s %-20s %-17s %-17s %-17s %-17s%n", mode, of.size(),
                    spread(of, r -> r.lostRows(), "%.0f"), spread(of, r -> r.lossWindow().toNanos() / 1e9, "%.3f"),
                    String.format("%.1f s", of.get(0).bound().bound().toMillis() / 1000.0),
                    spread(of, r -> r.promote().toMillis(), "%.0f"), spread(of, r -> r.firstWrite().toMillis(), "%.0f"),
                    spread(of, r -> r.rewind().toMillis(), "%.0f"), spread(of, r -> r.rejoin().toMillis(), "%.0f"));
        });
        long exceeded = results.stream().filter(r -> !r.withinBound()).count();
        System.out.println(exceeded == 0 ? "every run within its mode's recovery point"
                : exceeded + " run(s) EXCEEDED their mode's recovery point");
        System.exit(exceeded == 0 ? 0 : 1);
    }

    private static String spread(List<DrillResult> results, ToDoubleFunction<DrillResult> figure, String format) {
        List<Double> sorted = results.stream().map(figure::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
        return String.format(format + "/" + format + "/" + format, sorted.get(0), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
    }
}
