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
import java.util.stream.Stream;

/**
 * The {@code ```java} blocks of README.md and of the pages under {@code docs/}, grouped into programs as
 * docs/testing.md → "Examples are tests" states: the blocks under one {@code #} or {@code ##} heading of a
 * page are one program, in order; a block may start with {@code import} lines; the rest of each block is
 * the body of a method with one variable in scope, {@code Path outdir}, and the imports in {@link #IMPORTS}.
 */
final class ReadmeExamples {
    /** Every program gets these imports; docs/testing.md lists them too. */
    static final List<String> IMPORTS = List.of(
            "java.nio.file.Path", "java.time.Duration", "java.util.List", "java.util.Map",
            "com.hashicorp.cdktf.App", "com.hashicorp.cdktf.TerraformStack",
            "dev.tandem.constructs.core.*", "dev.tandem.constructs.health.*", "dev.tandem.constructs.network.*",
            "dev.tandem.constructs.table.*", "dev.tandem.constructs.k8s.*", "dev.tandem.constructs.haproxy.*",
            "dev.tandem.constructs.edge.*", "dev.tandem.constructs.readiness.*", "dev.tandem.stacks.*");

    private ReadmeExamples() {
    }

    /**
     * One program: the blocks of one section of a page, as Java source with a map back to the page's lines.
     *
     * @param page the page, relative to the project's root ({@code README.md}, {@code docs/teardown.md})
     * @param code the blocks' lines as the page has them
     */
    record Program(String page, String section, String className, String source, String code,
            Map<Integer, Integer> pageLines, int firstLine, int lastLine) {

        /** @return the page's line of a line of {@link #source()} (1-based), or -1 for the wrapper's own */
        int pageLine(long sourceLine) {
            return pageLines.getOrDefault((int) sourceLine, -1);
        }

        @Override
        public String toString() {
            return page + " → " + section + " (lines " + firstLine + "–" + lastLine + ")";
        }
    }

    /** @return README.md, then every Markdown page under {@code docs/}, in path order */
    static List<Path> pages(Path root) {
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** @return the programs of every page of {@link #pages}, one per section holding {@code ```java} blocks */
    static List<Program> readAll(Path root) {
        List<Program> programs = new ArrayList<>();
        for (Path page : pages(root)) {
            programs.addAll(read(root, page));
        }
        return programs;
    }

    /** @return the programs of {@code page}, one per section holding {@code ```java} blocks */
    static List<Program> read(Path root, Path page) {
        String name = root.relativize(page).toString();
        Map<String, List<List<Numbered>>> sections = new LinkedHashMap<>();
        String section = "(before the first heading)";
        List<Numbered> block = null;
        boolean otherFence = false;
        List<String> lines = lines(page);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (block != null) {
                if (line.strip().equals("```")) {
                    sections.computeIfAbsent(section, s -> new ArrayList<>()).add(block);
                    block = null;
                } else {
                    block.add(new Numbered(i + 1, line));
                }
            } else if (line.strip().equals("```java")) {
                block = new ArrayList<>();
            } else if (line.strip().startsWith("```")) {
                otherFence = !otherFence;          // a shell block's "# comment" is not a heading
            } else if (!otherFence && (line.startsWith("# ") || line.startsWith("## "))) {
                section = line.substring(line.indexOf(' ') + 1).strip();
            }
        }
        if (block != null) {
            throw new IllegalStateException(name + ": the ```java block at line " + block.get(0).number()
                    + " is never closed");
        }
        List<Program> programs = new ArrayList<>();
        String prefix = "Example_" + name.replaceAll("[^A-Za-z0-9]", "_") + "_";
        sections.forEach((title, blocks) -> programs.add(program(name, title, prefix + programs.size(), blocks)));
        return programs;
    }

    /** @return the lines of a page */
    static List<String> lines(Path page) {
        try {
            return Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line of a page, with its 1-based number there (-1 for a line the wrapper adds). */
    record Numbered(int number, String text) {
    }

    private static Program program(String page, String section, String className, List<List<Numbered>> blocks) {
        return program(page, section, className, blocks, IMPORTS, "Path outdir");
    }

    /**
     * @param blocks     the example's blocks, in order
     * @param imports    what the wrapper imports
     * @param parameters the wrapper method's parameters: the variables the example may use without declaring
     * @return the example as a class with one method, {@code static void run(parameters)}
     */
    static Program program(String page, String section, String className, List<List<Numbered>> blocks,
            List<String> imports, String parameters) {
        List<Numbered> ownImports = new ArrayList<>();
        List<Numbered> body = new ArrayList<>();
        for (List<Numbered> block : blocks) {
            boolean leading = true;
            for (Numbered line : block) {
                String text = line.text().strip();
                leading &= text.isEmpty() || text.startsWith("import ");
                (leading ? ownImports : body).add(line);
            }
        }
        List<Numbered> source = new ArrayList<>();
        imports.forEach(i -> source.add(new Numbered(-1, "import " + i + ";")));
        source.addAll(ownImports);
        source.add(new Numbered(-1, "public final class " + className + " {"));
        source.add(new Numbered(-1, "    public static void run(" + parameters + ") throws Exception {"));
        source.addAll(body);
        source.add(new Numbered(-1, "    }"));
        source.add(new Numbered(-1, "}"));
        Map<Integer, Integer> pageLines = new LinkedHashMap<>();
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).number() > 0) {
                pageLines.put(i + 1, source.get(i).number());
            }
        }
        int first = blocks.get(0).isEmpty() ? 0 : blocks.get(0).get(0).number();
        List<Numbered> last = blocks.get(blocks.size() - 1);
        String code = blocks.stream().flatMap(List::stream).map(Numbered::text).collect(Collectors.joining("\n"));
        String text = source.stream().map(Numbered::text).collect(Collectors.joining("\n", "", "\n"));
        return new Program(page, section, className, text, code, pageLines, first,
                last.isEmpty() ? first : last.get(last.size() - 1).number());
    }
}
