package dev.tandem.e2e.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code ```java} blocks of README.md, grouped into programs as README → "README examples are
 * tests" states: the blocks under one {@code ##} heading are one program, in order; a block may start
 * with {@code import} lines; the rest of each block is the body of a method with one variable in scope,
 * {@code Path outdir}, and the imports in {@link #IMPORTS}.
 */
final class ReadmeExamples {
    /** Every program gets these imports; README lists them too. */
    static final List<String> IMPORTS = List.of(
            "java.nio.file.Path", "java.time.Duration", "java.util.List", "java.util.Map",
            "com.hashicorp.cdktf.App", "com.hashicorp.cdktf.TerraformStack",
            "dev.tandem.constructs.core.*", "dev.tandem.constructs.health.*", "dev.tandem.constructs.network.*",
            "dev.tandem.constructs.table.*", "dev.tandem.constructs.k8s.*", "dev.tandem.constructs.haproxy.*",
            "dev.tandem.constructs.edge.*", "dev.tandem.constructs.readiness.*", "dev.tandem.stacks.*");

    private ReadmeExamples() {
    }

    /**
     * One program: the blocks of one section, as Java source with a map back to README's lines.
     *
     * @param code the blocks' lines as README has them
     */
    record Program(String section, String className, String source, String code, Map<Integer, Integer> readmeLines,
            int firstLine, int lastLine) {

        /** @return the README line of a line of {@link #source()} (1-based), or -1 for the wrapper's own */
        int readmeLine(long sourceLine) {
            return readmeLines.getOrDefault((int) sourceLine, -1);
        }

        @Override
        public String toString() {
            return section + " (README.md lines " + firstLine + "–" + lastLine + ")";
        }
    }

    /** @return the programs of {@code readme}, one per section holding {@code ```java} blocks */
    static List<Program> read(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<List<Numbered>>> sections = new LinkedHashMap<>();
        String section = "(before the first heading)";
        List<Numbered> block = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (block != null) {
                if (line.strip().equals("```")) {
                    sections.computeIfAbsent(section, s -> new ArrayList<>()).add(block);
                    block = null;
                } else {
                    block.add(new Numbered(i + 1, line));
                }
            } else if (line.startsWith("## ")) {
                section = line.substring(3).strip();
            } else if (line.strip().equals("```java")) {
                block = new ArrayList<>();
            }
        }
        if (block != null) {
            throw new IllegalStateException("README.md: the ```java block at line " + block.get(0).number()
                    + " is never closed");
        }
        List<Program> programs = new ArrayList<>();
        sections.forEach((name, blocks) -> programs.add(program(name, "ReadmeExample" + programs.size(), blocks)));
        return programs;
    }

    private record Numbered(int number, String text) {
    }

    private static Program program(String section, String className, List<List<Numbered>> blocks) {
        List<Numbered> imports = new ArrayList<>();
        List<Numbered> body = new ArrayList<>();
        for (List<Numbered> block : blocks) {
            boolean leading = true;
            for (Numbered line : block) {
                String text = line.text().strip();
                leading &= text.isEmpty() || text.startsWith("import ");
                (leading ? imports : body).add(line);
            }
        }
        List<Numbered> source = new ArrayList<>();
        IMPORTS.forEach(i -> source.add(new Numbered(-1, "import " + i + ";")));
        source.addAll(imports);
        source.add(new Numbered(-1, "public final class " + className + " {"));
        source.add(new Numbered(-1, "    public static void run(Path outdir) throws Exception {"));
        source.addAll(body);
        source.add(new Numbered(-1, "    }"));
        source.add(new Numbered(-1, "}"));
        Map<Integer, Integer> readmeLines = new LinkedHashMap<>();
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).number() > 0) {
                readmeLines.put(i + 1, source.get(i).number());
            }
        }
        int first = blocks.get(0).isEmpty() ? 0 : blocks.get(0).get(0).number();
        List<Numbered> last = blocks.get(blocks.size() - 1);
        String code = blocks.stream().flatMap(List::stream).map(Numbered::text).collect(Collectors.joining("\n"));
        String text = source.stream().map(Numbered::text).collect(Collectors.joining("\n", "", "\n"));
        return new Program(section, className, text, code, readmeLines, first,
                last.isEmpty() ? first : last.get(last.size() - 1).number());
    }
}
