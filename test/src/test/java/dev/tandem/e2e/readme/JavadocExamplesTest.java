package dev.tandem.e2e.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each construct's class Javadoc opens with an example of its builder, and that example compiles against the
 * library as it is. An example may use, without declaring them, the variables of {@link #GIVEN} (a stack, a
 * network, a health contract…); anything else it declares itself. (Value types' examples are expressions,
 * not statements, and are not compiled here.)
 */
class JavadocExamplesTest {
    private static final Path SOURCES = ReadmeCodeTest.ROOT.resolve("constructs/src/main/java");
    private static final Pattern CLASS_DOC = Pattern.compile(
            "/\\*\\*\\n((?: \\*.*\\n)*?) \\*/\\n(?:@.*\\n)*public (?:final |abstract |sealed )*(?:class|interface|record|enum) "
                    + "(\\w+)(.*)");
    private static final Pattern CONSTRUCT = Pattern.compile("extends (Construct|PreSynthCheck)\\b");

    /** What an example may use without declaring it. */
    static final Map<String, String> GIVEN = new LinkedHashMap<>();

    static {
        for (String stack : List.of("stack", "primaryStack", "secondaryStack", "regionStack", "edgeStack",
                "originPullsStack", "edge", "networkStack")) {
            GIVEN.put(stack, "TerraformStack");
        }
        GIVEN.put("app", "Construct");
        GIVEN.put("outdir", "Path");
        GIVEN.put("network", "RegionNetwork");
        GIVEN.put("health", "HealthContract");
        GIVEN.put("contract", "HealthContract");
        GIVEN.put("targets", "DrTargets");
        GIVEN.put("orders", "GlobalTable");
        GIVEN.put("sessions", "GlobalTable");
        GIVEN.put("ordersReplica", "TableReplica");
        GIVEN.put("cluster", "K8sAppCluster");
        GIVEN.put("database", "PostgresDatabaseProps");
        GIVEN.put("tier", "HaproxyTier");
        GIVEN.put("originCertificate", "OriginCertificate");
        GIVEN.put("trust", "OriginPullTrust");
        GIVEN.put("primaryPool", "OriginPool");
        GIVEN.put("secondaryPool", "OriginPool");
        for (String text : List.of("account", "zone", "zoneId", "b3FlavorId", "debian12ImageId", "project")) {
            GIVEN.put(text, "String");
        }
    }

    private static final List<String> IMPORTS = List.of("java.nio.file.Path", "java.time.Duration", "java.util.List",
            "java.util.Map", "com.hashicorp.cdktf.TerraformStack", "software.constructs.Construct",
            "dev.tandem.providers.aws.provider.AwsProvider", "dev.tandem.constructs.core.*",
            "dev.tandem.constructs.health.*", "dev.tandem.constructs.network.*", "dev.tandem.constructs.table.*",
            "dev.tandem.constructs.access.*", "dev.tandem.constructs.aws.*", "dev.tandem.constructs.k8s.*",
            "dev.tandem.constructs.haproxy.*", "dev.tandem.constructs.edge.*", "dev.tandem.constructs.readiness.*",
            "dev.tandem.constructs.postgres.*");

    @TempDir
    Path tmp;

    /** A public class's Javadoc, as lines numbered in its file. */
    record ClassDoc(String file, String name, boolean construct, List<ReadmeExamples.Numbered> lines) {
        @Override
        public String toString() {
            return name;
        }

        /** @return the text before the first example, or all of it when there is none */
        String beforeExample() {
            return lines.stream().map(ReadmeExamples.Numbered::text).takeWhile(l -> !l.startsWith("<pre>{@code"))
                    .collect(Collectors.joining("\n"));
        }

        /** @return the lines of the first {@code <pre>{@code …}</pre>} block */
        List<ReadmeExamples.Numbered> example() {
            List<ReadmeExamples.Numbered> example = new ArrayList<>();
            boolean in = false;
            for (ReadmeExamples.Numbered line : lines) {
                if (in && line.text().equals("}</pre>")) {
                    return example;
                }
                if (in) {
                    example.add(line);
                }
                in |= line.text().startsWith("<pre>{@code");
            }
            return List.of();
        }
    }

    static List<ClassDoc> constructs() {
        return docs().stream().filter(ClassDoc::construct).toList();
    }

    static List<ReadmeExamples.Program> examples() {
        List<ReadmeExamples.Program> programs = new ArrayList<>();
        for (ClassDoc doc : constructs()) {
            List<ReadmeExamples.Numbered> example = doc.example();
            if (!example.isEmpty()) {
                String code = example.stream().map(ReadmeExamples.Numbered::text).collect(Collectors.joining("\n"));
                programs.add(ReadmeExamples.program(doc.file(), doc.name(), "Javadoc_" + doc.name(),
                        List.of(example), IMPORTS, parameters(code)));
            }
        }
        return programs;
    }

    @Test
    void theConstructsAreFound() {
        assertThat(constructs()).extracting(ClassDoc::name).contains("GlobalTable", "TableReplica", "RegionNetwork",
                "K8sAppCluster", "AppDataAccess", "HaproxyTier", "OriginCertificate", "CloudflareFailoverLb",
                "OriginPullTrust", "Route53Failover", "AwsResource", "DrReadinessCheck");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructs")
    void classJavadocOpensWithAnExample(ClassDoc doc) {
        assertThat(doc.example()).as("%s's class Javadoc has a <pre>{@code …}</pre> example", doc).isNotEmpty();
        assertThat(doc.beforeExample()).as("%s's Javadoc: one summary paragraph, then the example", doc)
                .doesNotContain("<p>", "<h2>", "<h3>");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theExampleCompiles(ReadmeExamples.Program example) throws IOException {
        ExampleCompiler.compile(example, tmp);
    }

    @Test
    void anUndeclaredVariableIsGivenAndADeclaredOneIsNot() {
        assertThat(parameters("GlobalTable orders = GlobalTable.Builder.create(stack, \"orders\").build();\n"
                + "TandemApp.synthesize(outdir, app -> orders);"))
                .isEqualTo("TerraformStack stack, Path outdir");
    }

    /** The method's parameters: every given variable the example names and does not declare. */
    private static String parameters(String code) {
        return GIVEN.entrySet().stream()
                .filter(v -> Pattern.compile("\\b" + v.getKey() + "\\b").matcher(code).find())
                .filter(v -> !Pattern.compile("(\\b[A-Z][\\w.<>]*\\s+" + v.getKey() + "\\s*=)|(\\b" + v.getKey()
                        + "\\s*->)").matcher(code).find())
                .map(v -> v.getValue() + " " + v.getKey())
                .collect(Collectors.joining(", "));
    }

    private static List<ClassDoc> docs() {
        List<ClassDoc> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve("dev/tandem/constructs"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                Matcher m = CLASS_DOC.matcher(text);
                if (m.find()) {
                    int first = text.substring(0, m.start(1)).split("\n", -1).length;
                    List<ReadmeExamples.Numbered> lines = new ArrayList<>();
                    String[] raw = m.group(1).split("\n");
                    for (int i = 0; i < raw.length; i++) {
                        lines.add(new ReadmeExamples.Numbered(first + i, raw[i].replaceFirst("^ \\* ?", "")));
                    }
                    docs.add(new ClassDoc(ReadmeCodeTest.ROOT.relativize(file).toString(), m.group(2),
                            CONSTRUCT.matcher(m.group(3)).find(), lines));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }
}
