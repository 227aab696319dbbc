package dev.tandem.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's packages form layers: {@code core} at the bottom, {@code readiness} at the top, and no
 * import runs back up (a cycle would make a package impossible to read, test or move alone).
 */
class PackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/tandem/constructs");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.tandem\\.constructs\\.(\\w+)\\.",
            Pattern.MULTILINE);

    @Test
    void noPackageDependsBackOnOneThatDependsOnIt() throws IOException {
        Map<String, Set<String>> graph = graph();

        assertThat(graph).containsKeys("core", "k8s", "haproxy", "edge", "readiness");
        assertThat(graph.get("core")).as("core depends on no other package").isEmpty();
        assertThat(cycles(graph)).as("import cycles between packages").isEmpty();
    }

    @Test
    void theSearchSeesACycleWhereThereIsOne() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of("k8s", Set.of("internal"), "internal", Set.of("k8s")));

        assertThat(cycles(graph)).containsExactly(List.of("internal", "k8s", "internal"));
    }

    private static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                Set<String> uses = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        uses.add(m.group(1));
                    }
                }
            }
        }
        return graph;
    }

    /** @return each cycle found by a depth-first walk, as the packages along it, first one repeated at the end */
    private static List<List<String>> cycles(Map<String, Set<String>> graph) {
        List<List<String>> found = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : graph.keySet()) {
            walk(start, graph, new ArrayList<>(), done, found);
        }
        return found;
    }

    private static void walk(String pkg, Map<String, Set<String>> graph, List<String> path, Set<String> done,
            List<List<String>> found) {
        if (path.contains(pkg)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(pkg), path.size()));
            cycle.add(pkg);
            found.add(cycle);
            return;
        }
        if (!done.add(pkg)) {
            return;
        }
        path.add(pkg);
        for (String next : graph.getOrDefault(pkg, Set.of())) {
            walk(next, graph, path, done, found);
        }
        path.remove(path.size() - 1);
    }
}
