package dev.tandem.rehearsal;

import dev.tandem.rehearsal.data.Dynalite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./rehearse [--scale N] [--only a,b] [cdktf.out]}: stands the synthesized deployment up on loopback, runs
 * the scenarios, writes {@code rehearsal.md} and {@code rehearsal.json} into the output folder and prints the
 * table. Exit status 0 when every scenario passes, 1 when one fails, 2 when the rehearsal could not start.
 * Must run in a network namespace of its own (./rehearse sees to it).
 */
public final class Main {
    /** Shortens the reference's 79 s chain to about 8 s; slow health answers are 80 % and 125 % of the timeout. */
    static final int DEFAULT_SCALE = 10;
    private static final double SLOW_UNDER = 0.8;
    private static final double SLOW_OVER = 1.25;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of("cdktf.out");
        int factor = DEFAULT_SCALE;
        List<String> only = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> factor = Integer.parseInt(args[++i]);
                case "--only" -> only = Arrays.asList(args[++i].split(","));
                default -> out = Path.of(args[i]);
            }
        }
        int status;
        try {
            status = run(out, new Scale(factor), only);
        } catch (Exception | Error e) {
            // Exit all the same: a thread of the deployment left running would keep the JVM, and ./rehearse, alive.
            e.printStackTrace();
            status = 2;
        }
        System.exit(status);
    }

    static int run(Path out, Scale scale, List<String> only) throws Exception {
        long start = System.nanoTime();
        Deployment deployment = DeploymentReader.read(out);
        Path dynalite = Dynalite.installation(Path.of(System.getProperty("tandem.dynalite", "rehearsal/target/dynalite")))
                .orElseThrow(() -> new IllegalStateException("dynalite is not installed: build the rehearsal module"));
        Path work = Files.createTempDirectory("tandem-rehearsal-");
        if (work.toString().length() > 60) {
            // HAProxy refuses a socket path over 97 characters; the instances' sockets lie 20 deeper
            Files.delete(work);
            work = Files.createTempDirectory(Path.of("/tmp"), "tandem-rehearsal-");
        }
        System.err.printf("tandem rehearse: %s (active %s, failover %s), scale %d, work folder %s%n",
                deployment.hostname(), deployment.active().stack(), deployment.failover().stack(), scale.factor(), work);
        List<ScenarioResult> results = new ArrayList<>();
        String notRun = null;
        try (Rehearsal rehearsal = Rehearsal.standUp(deployment, scale, dynalite, work)) {
            ScenarioRunner runner = new ScenarioRunner(rehearsal);
            for (Scenario scenario : Scenario.all(SLOW_UNDER, SLOW_OVER, deployment.postgres())) {
                if (!only.isEmpty() && !only.contains(scenario.name())) {
                    continue;
                }
                if (scenario.name().equals("data-unreachable") && !distinctData(deployment)) {
                    continue;
                }
                ScenarioResult result = runner.run(scenario);
                results.add(result);
                System.err.printf("tandem rehearse: %-22s %s%n", scenario.name(), result.verdict()
                        + (result.pass() ? "" : " [" + result.layer() + "] " + result.reason()));
                if (scenario.name().equals("steady-state") && !result.pass()) {
                    notRun = "the steady state failed, so no failure was staged";
                    break;
                }
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        boolean pass = results.stream().allMatch(ScenarioResult::pass) && notRun == null;
        Report.write(out, deployment, scale, results, wall, notRun);
        System.out.print(Report.table(results));
        System.out.printf("rehearsal: scale %d, wall %.0f s; %s and %s written%n", scale.factor(), wall,
                out.resolve("rehearsal.md"), out.resolve("rehearsal.json"));
        if (pass && !delete(work)) {
            System.out.printf("rehearsal: the work folder %s could not be removed entirely%n", work);
        } else if (!pass) {
            System.out.printf("rehearsal: HAProxy logs, releases and certificates kept in %s%n", work);
        }
        return pass ? 0 : 1;
    }

    /** @return whether {@code dir} is gone; a file that vanished or appeared meanwhile leaves it in place */
    private static boolean delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * The active region's data can fail alone when each region has its own PostgreSQL server, or when the failover
     * region uses another AWS region.
     */
    private static boolean distinctData(Deployment deployment) {
        return deployment.postgres() || deployment.active().data().isPresent() && !deployment.active().data().get().awsRegion()
                .equals(deployment.failover().data().map(d -> d.awsRegion()).orElse(""));
    }
}
