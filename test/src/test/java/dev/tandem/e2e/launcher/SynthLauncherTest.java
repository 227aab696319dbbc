package dev.tandem.e2e.launcher;

import static dev.tandem.e2e.launcher.LauncherClone.BUILD_NOTHING;
import static dev.tandem.e2e.launcher.LauncherClone.FAIL_THE_BUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.e2e.snapshot.GoldenFiles;
import dev.tandem.e2e.snapshot.Normalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's synth command, {@code ./synth}, run as a process in a copy of the project: it builds
 * with Maven exactly when an input of the build was added, changed or deleted, and otherwise starts
 * the synth at once; the output is the same either way.
 *
 * <p>One real build and two real synths run once for the class. The other tests watch the launcher's
 * decision through stand-ins: a {@code mvn} that builds nothing and a {@code java} that only records
 * its command.
 */
class SynthLauncherTest {
    private static final String SYNTH_BUILD = "-B -Psynth package";

    @TempDir
    static Path scratch;

    private static LauncherClone clone;
    private static LauncherRun build;
    private static LauncherRun noBuild;
    private static FileTree builtThenSynthesized;
    private static FileTree synthesizedWithoutMaven;

    @BeforeAll
    static void buildAndSynthesizeThenSynthesizeAgain() {
        Path project = Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();
        clone = LauncherClone.copyOf(project, scratch);
        // The copied bindings' classes are current, but the compiler's incremental check compares
        // absolute source paths and would compile them all again at the copy's path; without it, the
        // compiler recompiles what is older than its sources (all of constructs/ and stacks/ here).
        build = clone.run(LauncherClone.realMaven(),
                Map.of("MAVEN_OPTS", "-Dmaven.compiler.useIncrementalCompilation=false"));
        builtThenSynthesized = FileTree.of(clone.root().resolve("cdktf.out"));
        noBuild = clone.run(LauncherClone.realMaven(), Map.of());
        synthesizedWithoutMaven = FileTree.of(clone.root().resolve("cdktf.out"));
    }

    @Test
    void theFirstSynthBuildsWithMavenAndTheNextStartsWithoutIt() {
        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.mavenCalls()).containsExactly(SYNTH_BUILD);
        // while it builds, it says so: why, then each module as Maven starts it (Maven's own lines only in the log)
        assertThat(build.output().lines().filter(line -> line.startsWith("tandem: building ")))
                .anyMatch(line -> line.matches("tandem: building Tandem constructs \\[\\d+/\\d+]"))
                .last().asString().matches("tandem: building Tandem reference deployment \\[(\\d+)/\\1]");
        assertThat(build.output()).doesNotContain("[INFO]");
        assertThat(noBuild.exitCode()).as(noBuild.output()).isZero();
        assertThat(noBuild.mavenCalls()).isEmpty();
        // a successful synth prints only what the DR pass wants seen: here the reference's accepted placeholder
        // operator network, once per tier, and its local state holding secrets, once per such stack (the JVM's
        // jsii runtime ends stderr with a line break)
        List<String> lines = noBuild.output().strip().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.subList(0, 2)).allSatisfy(line ->
                assertThat(line).startsWith("tandem: DR risk accepted [operator-network] "));
        assertThat(lines.subList(2, 5)).allSatisfy(line ->
                assertThat(line).startsWith("tandem: DR warning [state-secrets] "));
    }

    @Test
    void theSynthWithoutMavenWritesTheSameTreeByteForByte() {
        assertThat(builtThenSynthesized.files()).containsKeys("stacks/primary/cdk.tf.json",
                "stacks/edge/cdk.tf.json", "manifest.json", "dr-report.md");
        assertThat(synthesizedWithoutMaven).isEqualTo(builtThenSynthesized);
    }

    @Test
    void theLauncherWritesTheApprovedOutput() {
        GoldenFiles approved = new GoldenFiles(clone.root().resolve("snapshots"), false, true);
        UnaryOperator<String> normalize = Normalizer.forSynthDir(clone.root());
        for (String subtree : List.of("stacks", "manifest.json", "dr-report.md", "dr-report.json")) {
            approved.verify(clone.root().resolve("cdktf.out"), subtree, normalize);
        }
    }

    @Test
    void withNothingChangedJavaStartsOnTheRecordedClasspathWithTheSynthSettings() {
        LauncherRun run = synth();

        assertThat(run.mavenCalls()).isEmpty();
        String root = clone.root().toString();
        // jars only, so that the JVM can archive the classes it loaded; a stand-in java writes no archive,
        // so every run here is the one that asks for it
        assertThat(run.javaCalls()).singleElement().asString()
                .startsWith("CDKTF_OUTDIR=" + root + "/cdktf.out.staging -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "
                        + "-Xshare:auto -Xlog:cds*=off -XX:ArchiveClassesAtExit=" + root + "/stacks/target/synth/synth-")
                .contains(" -Dtandem.outdir=" + root + "/cdktf.out -classpath " + root
                        + "/stacks/target/tandem-stacks-0.1.0-SNAPSHOT.jar:")
                .contains(":" + root + "/constructs/target/tandem-constructs-")
                .doesNotContain("target/classes")
                .endsWith(" dev.tandem.stacks.Main");
    }

    @Test
    void theSynthAfterTheArchivingOneMapsTheArchiveUntilAJarOnTheClasspathIsNewer() throws IOException {
        // writes the archive where it is asked to, as the JVM does when it exits
        String dumping = "for a in \"$@\"; do case $a in -XX:ArchiveClassesAtExit=*) : >\"${a#*=}\";; esac; done";
        String asked = javaOption(clone.runWithStandInJava(BUILD_NOTHING, dumping, Map.of()), "-XX:ArchiveClassesAtExit=");
        // written beside under the launcher's pid, then moved into place
        String archive = asked.replaceAll("\\.[0-9]+$", "");
        assertThat(Path.of(archive)).exists().hasParent(clone.root().resolve("stacks/target/synth"));
        assertThat(Path.of(asked)).doesNotExist();

        assertThat(javaOption(clone.runWithStandInJava(BUILD_NOTHING, dumping, Map.of()), "-XX:SharedArchiveFile="))
                .isEqualTo(archive);

        Path jar = clone.root().resolve("stacks/target/tandem-stacks-0.1.0-SNAPSHOT.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(Path.of(archive)).toMillis() + 2000));
        assertThat(javaOption(clone.runWithStandInJava(BUILD_NOTHING, dumping, Map.of()), "-XX:ArchiveClassesAtExit="))
                .startsWith(archive + ".");
    }

    private static String javaOption(LauncherRun run, String option) {
        assertThat(run.exitCode()).as(run.output()).isZero();
        String call = run.javaCalls().get(0);
        assertThat(call).contains(" " + option);
        String rest = call.substring(call.indexOf(" " + option) + option.length() + 1);
        return rest.substring(0, rest.indexOf(' '));
    }

    @Test
    void underTheCdktfCliItWritesWhereTheCliSays() {
        Path cliOut = scratch.resolve("cli/cdktf.out");
        LauncherRun run = clone.runWithStandInJava(BUILD_NOTHING, Map.of("CDKTF_OUTDIR", cliOut.toString()));

        assertThat(run.mavenCalls()).isEmpty();
        assertThat(run.javaCalls()).singleElement().asString()
                .startsWith("CDKTF_OUTDIR=" + cliOut + ".staging ")
                .contains(" -Dtandem.outdir=" + cliOut + " ");
    }

    @Test
    void aChangedJavaSourceIsBuiltFirst() throws IOException {
        buildsOnceAfter(() -> append("constructs/src/main/java/dev/tandem/constructs/core/TandemApp.java", "// edited\n"));
    }

    @Test
    void aChangedPomIsBuiltFirst() throws IOException {
        buildsOnceAfter(() -> append("constructs/pom.xml", "<!-- edited -->\n"));
    }

    @Test
    void aChangedBindingInputIsBuiltFirst() throws IOException {
        buildsOnceAfter(() -> append("src/ovh/schema.json", "\n"));
    }

    @Test
    void aNewBindingInputFolderIsBuiltFirst() throws IOException {
        buildsOnceAfter(() -> {
            Path schema = clone.root().resolve("src/newprovider/schema.json");
            Files.createDirectories(schema.getParent());
            Files.writeString(schema, "{}\n");
        });
    }

    @Test
    void aDeletedSourceIsBuiltFirstAndSoIsItsReturn() throws IOException {
        Path source = clone.root().resolve("stacks/src/main/java/dev/tandem/stacks/Main.java");
        Path aside = scratch.resolve("Main.java");
        buildsOnceAfter(() -> Files.move(source, aside));
        // moved back, it keeps its old modification time: only the list of files shows the change
        buildsOnceAfter(() -> Files.move(aside, source));
    }

    @Test
    void filesTheBuildDoesNotReadStartNoBuild() throws IOException {
        nothingToBuildYet();
        append("README.md", "edited\n");
        Files.writeString(clone.root().resolve("constructs/src/test/java/NewTest.java"), "class NewTest {}\n");
        Path installed = clone.root().resolve("src/cli/node_modules/cdktf-cli/package.json");
        Files.createDirectories(installed.getParent());
        Files.writeString(installed, "{}\n");

        assertThat(synth().mavenCalls()).isEmpty();
    }

    @Test
    void aFileSavedWhileMavenBuildsIsBuiltAgainNextTime() throws IOException {
        nothingToBuildYet();
        append("stacks/pom.xml", "<!-- edited -->\n");
        Path saved = clone.root().resolve("stacks/src/main/java/dev/tandem/stacks/Main.java");
        // a real build takes seconds; this one saves a source well after it started
        LauncherRun during = clone.runWithStandInJava("sleep 0.1; echo '// saved' >>'" + saved + "'", Map.of());

        assertThat(during.mavenCalls()).containsExactly(SYNTH_BUILD);
        assertThat(synth().mavenCalls()).containsExactly(SYNTH_BUILD);
        assertThat(synth().mavenCalls()).isEmpty();
    }

    @Test
    void aFailedBuildExitsNonZeroRunsNoSynthAndIsTriedAgainNextTime() throws IOException {
        nothingToBuildYet();
        append("constructs/pom.xml", "<!-- edited -->\n");
        LauncherRun failed = clone.runWithStandInJava(FAIL_THE_BUILD, Map.of());

        assertThat(failed.exitCode()).isNotZero();
        assertThat(failed.output()).contains("BUILD FAILURE");
        assertThat(failed.javaCalls()).isEmpty();
        assertBuiltThenRan(synth());
        assertThat(synth().mavenCalls()).isEmpty();
    }

    @Test
    void aBuildOutputRemovedByAPartialCleanIsBuiltAgain() throws IOException {
        assertThat(synth().mavenCalls()).isEmpty();
        Path jar;
        try (Stream<Path> built = Files.list(clone.root().resolve("constructs/target"))) {
            jar = built.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        Path aside = scratch.resolve("constructs.jar");
        Files.move(jar, aside);
        LauncherRun run = synth();
        Files.move(aside, jar);

        assertBuiltThenRan(run);
        assertThat(synth().mavenCalls()).isEmpty();
    }

    @Test
    void aFailedSynthExitsOneWithItsMessage() {
        // an output folder that cannot be created: the synth itself fails, after no build
        Path impossible = clone.root().resolve("README.md/cdktf.out");
        LauncherRun run = clone.run(BUILD_NOTHING, Map.of("CDKTF_OUTDIR", impossible.toString()));

        assertThat(run.mavenCalls()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).startsWith("tandem synth failed: ");
    }

    private static LauncherRun synth() {
        return clone.runWithStandInJava(BUILD_NOTHING, Map.of());
    }

    /** Nothing to build before {@code change}; one build after it; nothing to build after that build. */
    private static void buildsOnceAfter(Change change) throws IOException {
        nothingToBuildYet();
        change.apply();
        assertBuiltThenRan(synth());
        assertThat(synth().mavenCalls()).as("after the build that saw the change").isEmpty();
    }

    /** Asserts the copy is up to date, then waits until an edit would be stamped after its last build. */
    private static void nothingToBuildYet() {
        assertThat(synth().mavenCalls()).as("nothing to build before the edit").isEmpty();
        clone.afterTheLastBuild();
    }

    private static void assertBuiltThenRan(LauncherRun run) {
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.mavenCalls()).containsExactly(SYNTH_BUILD);
        assertThat(run.javaCalls()).hasSize(1);
    }

    private static void append(String relative, String text) throws IOException {
        Path file = clone.root().resolve(relative);
        Files.writeString(file, Files.readString(file) + text);
    }

    /** An edit of the copy. */
    @FunctionalInterface
    private interface Change {
        void apply() throws IOException;
    }
}
