package dev.tandem.constructs.core;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.TerraformStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import software.constructs.IConstruct;
import software.constructs.Node;

/**
 * The cdktf {@link App} plus what cdktf does not do: side files ({@link SideFile}), in a stack's
 * folder or at the top of the output for app-wide files such as the DR report, and an all-or-nothing
 * output folder.
 *
 * <pre>{@code
 * TandemApp.synthesize(TandemApp.outdir(), app -> {   // $CDKTF_OUTDIR, else cdktf.out
 *     TerraformStack paris = new TerraformStack(app, "paris");
 *     AwsProvider.Builder.create(paris, "aws").region("eu-west-3").build();
 *     return GlobalTable.Builder.create(paris, "sessions")
 *         .tableName("sessions").partitionKey(Attribute.string("pk")).build();
 * });                                                  // all or nothing: a failure leaves the output as it was
 * }</pre>
 *
 * <p>Only a complete synth replaces the output folder; Terraform's working files in the old output
 * ({@code .terraform/}, lock files, local state) are carried over. How the staging folder works with the cdktf
 * CLI's {@code $CDKTF_OUTDIR}: the {@link dev.tandem.constructs.core package documentation}.
 */
public final class TandemApp {
    private static final List<String> KEPT_TERRAFORM_FILES = List.of(".terraform", ".terraform.lock.hcl");

    private final Path outdir;
    private final Path staging;
    private final Path previous;
    private final boolean inPlace;
    private final App app;

    private TandemApp(Path outdir) {
        this.outdir = outdir.toAbsolutePath().normalize();
        Path intended = this.outdir.resolveSibling(this.outdir.getFileName() + ".staging");
        this.previous = this.outdir.resolveSibling(this.outdir.getFileName() + ".previous");
        createParent(this.outdir);
        // cdktf lets $CDKTF_OUTDIR override the configured folder: stage wherever it will actually write.
        String asked = System.getenv("CDKTF_OUTDIR");
        Path writes = asked == null || asked.isBlank() ? intended : Path.of(asked).toAbsolutePath().normalize();
        // The cdktf CLI with its defaults sets $CDKTF_OUTDIR to the output folder itself: then the previous
        // output waits beside it (before cdktf touches the folder), and comes back if this synth fails.
        this.inPlace = writes.equals(this.outdir);
        if (inPlace) {
            OutputFolders.deleteTree(previous);
            if (Files.exists(this.outdir)) {
                move(this.outdir, previous);
            }
        } else {
            OutputFolders.deleteTree(intended);
        }
        this.app = new App(AppConfig.builder()
                .outdir(intended.toString())
                .stackTraces(false)
                .build());
        this.staging = Path.of(app.getOutdir()).toAbsolutePath().normalize();
    }

    /**
     * The output folder a program should pass to {@link #synthesize}: the one the cdktf CLI asks for in
     * {@code $CDKTF_OUTDIR} ({@code cdktf synth --output}), else {@code cdktf.out}.
     *
     * @return the folder
     */
    public static Path outdir() {
        String asked = System.getenv("CDKTF_OUTDIR");
        return Path.of(asked == null || asked.isBlank() ? "cdktf.out" : asked);
    }

    /** The output folder's parent is made as {@code mkdir -p} would; a file in the way is the caller's error. */
    private static void createParent(Path outdir) {
        Path parent = outdir.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException | UnsupportedOperationException e) {
            Problems p = new Problems("TandemApp");
            p.add("outdir", outdir, "must be a folder whose parent can be created (" + parent + ": " + e + ")",
                    "name an output folder under a writable directory, e.g. cdktf.out");
            p.throwIfAny();
        }
    }

    /**
     * Builds stacks with {@code definition}, runs the {@link PreSynthCheck}s in the tree (such as the
     * DR readiness pass a deployment adds), and synthesizes the stacks, with their side files, into
     * {@code outdir} as a whole. If building, checking or synthesizing fails, nothing of this run is
     * left behind, the previous output stays as it was, and the exception propagates.
     *
     * @param outdir     the output folder, usually {@code cdktf.out} (cdktf's CLI passes it as
     *                   {@code CDKTF_OUTDIR})
     * @param definition adds the stacks to the app and returns whatever the caller wants back
     * @param <T>        what {@code definition} returns
     * @return the value {@code definition} returned
     */
    public static <T> T synthesize(Path outdir, Function<App, T> definition) {
        TandemApp tandem = new TandemApp(outdir);
        try {
            T result = definition.apply(tandem.app);
            PreSynthCheck.runAll(tandem.app);
            tandem.app.synth();
            tandem.writeSideFiles();
            if (tandem.inPlace) {
                tandem.carryOver(tandem.previous, tandem.outdir);
                OutputFolders.deleteTree(tandem.previous);
            } else {
                tandem.swapIntoPlace();
            }
            return result;
        } catch (RuntimeException | Error e) {
            OutputFolders.deleteTree(tandem.staging);
            if (tandem.inPlace && Files.exists(tandem.previous)) {
                move(tandem.previous, tandem.outdir);
            }
            throw e;
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }

    private void writeSideFiles() {
        for (Map.Entry<SideFile, Path> entry : sideFileFolders().entrySet()) {
            SideFile file = entry.getKey();
            Path target = entry.getValue().resolve(file.relativePath());
            // A side file must add to what cdktf wrote (or another side file), never replace it.
            if (Files.exists(target)) {
                throw new IllegalStateException("side file " + file.getNode().getPath() + " would overwrite "
                        + staging.relativize(target) + ", which this synth already wrote; choose another path");
            }
            write(target, file.content());
        }
    }

    /**
     * Each side file's folder, in tree order: a side file inside a stack goes to that stack's folder, one
     * directly under the app to the output's top. Read stack by stack (a few jsii calls per stack, not per
     * file); stacks come in pre-order, so a stack nested in another gives its own files their folder.
     */
    private Map<SideFile, Path> sideFileFolders() {
        List<IConstruct> all = app.getNode().findAll();
        Map<SideFile, Path> folders = new LinkedHashMap<>();
        for (IConstruct node : all) {
            if (node instanceof SideFile file) {
                folders.put(file, staging);
            }
        }
        for (IConstruct node : all) {
            if (node instanceof TerraformStack stack) {
                Node tree = stack.getNode();
                Path folder = staging.resolve("stacks").resolve(tree.getId());
                for (IConstruct inner : tree.findAll()) {
                    if (inner instanceof SideFile file) {
                        folders.put(file, folder);
                    }
                }
            }
        }
        return folders;
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void swapIntoPlace() {
        carryOver(outdir, staging);
        OutputFolders.replace(staging, outdir);
    }

    /** What the previous output holds that this synth does not write moves into the new one. */
    private void carryOver(Path old, Path fresh) {
        try {
            if (Files.exists(old)) {
                carryOverTerraformFiles(old, fresh);
                carryOverOtherOutput(old, fresh);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot carry files over from " + old, e);
        }
    }

    private static void carryOverOtherOutput(Path old, Path fresh) throws IOException {
        try (Stream<Path> entries = Files.list(old)) {
            for (Path entry : entries.toList()) {
                Path inStaging = fresh.resolve(entry.getFileName());
                if (!Files.exists(inStaging)) {
                    Files.move(entry, inStaging);
                }
            }
        }
    }

    private static void carryOverTerraformFiles(Path old, Path fresh) throws IOException {
        Path oldStacks = old.resolve("stacks");
        Path newStacks = fresh.resolve("stacks");
        if (!Files.isDirectory(oldStacks) || !Files.isDirectory(newStacks)) {
            return;
        }
        try (Stream<Path> stacks = Files.list(newStacks)) {
            for (Path newStack : stacks.toList()) {
                Path oldStack = oldStacks.resolve(newStack.getFileName());
                try (Stream<Path> entries = Files.isDirectory(oldStack) ? Files.list(oldStack) : Stream.empty()) {
                    for (Path entry : entries.toList()) {
                        String name = entry.getFileName().toString();
                        if (KEPT_TERRAFORM_FILES.contains(name) || name.endsWith(".tfstate")
                                || name.endsWith(".tfstate.backup")) {
                            Files.move(entry, newStack.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        }
    }
}
