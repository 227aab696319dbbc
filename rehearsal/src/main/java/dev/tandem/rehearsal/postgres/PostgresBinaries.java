package dev.tandem.rehearsal.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The PostgreSQL server programs installed on this machine (Debian keeps them in
 * {@code /usr/lib/postgresql/<major>/bin}, off {@code PATH}), and how to run them.
 *
 * <p>PostgreSQL refuses to start as root ("root execution of the PostgreSQL server is not permitted"). The tests run
 * as root here and in CI, so every server program runs as the {@code postgres} user the Debian package creates,
 * through {@code runuser -u postgres --} (util-linux; no password, no PAM session, just the identity change), on
 * directories that user owns ({@link #own(Path)}). Run as anyone else, the programs run as that user directly.
 * {@code ./rehearse} and the failover drill both run their servers through it.
 */
public final class PostgresBinaries {
    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");
    private static final String SERVER_USER = "postgres";

    private final Path bin;
    private final List<String> runAs;

    private PostgresBinaries(Path bin, List<String> runAs) {
        this.bin = bin;
        this.runAs = runAs;
    }

    /**
     * @return the newest installed major's programs
     * @throws IllegalStateException saying what is missing and how to install it
     */
    public static PostgresBinaries locate() {
        Optional<Path> bin = find();
        if (bin.isEmpty()) {
            throw new IllegalStateException("PostgreSQL server programs are not installed (Debian: apt-get install -y"
                    + " postgresql)");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && !realRoot()) {
            throw new IllegalStateException("PostgreSQL refuses root, and root in this user namespace (./rehearse run"
                    + " by another user maps it to root) cannot switch to the 'postgres' user: run it as root");
        }
        if (root && !userExists()) {
            throw new IllegalStateException("running as root, PostgreSQL needs the 'postgres' user to run the servers"
                    + " as (Debian's postgresql package creates it)");
        }
        return new PostgresBinaries(bin.get(), root ? List.of("runuser", "-u", SERVER_USER, "--") : List.of());
    }

    /** @return the installed programs' folder, if any */
    public static Optional<Path> find() {
        if (!Files.isDirectory(DEBIAN)) {
            return Optional.empty();
        }
        try (Stream<Path> majors = Files.list(DEBIAN)) {
            return majors.map(major -> major.resolve("bin"))
                    .filter(dir -> Files.isExecutable(dir.resolve("postgres")) && Files.isExecutable(dir.resolve("pg_rewind")))
                    .max(Comparator.comparing(dir -> majorOf(dir)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorOf(Path bin) {
        String name = bin.getParent().getFileName().toString();
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    /** @return false inside a user namespace ({@code unshare -r}), where uid 0 maps to another user outside */
    private static boolean realRoot() {
        try {
            String[] map = Files.readString(Path.of("/proc/self/uid_map")).trim().split("\\s+");
            return map.length >= 3 && map[0].equals("0") && map[1].equals("0");
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean userExists() {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith(SERVER_USER + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Gives an existing file or directory to the server user (when running as root), so the servers can create
     * their data in it or rewrite it ({@code pg_rewind} overwrites the configuration files it copies).
     *
     * @return {@code dir}
     */
    public Path own(Path dir) throws IOException {
        if (!runAs.isEmpty()) {
            UserPrincipalLookupService names = dir.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal user = names.lookupPrincipalByName(SERVER_USER);
            GroupPrincipal group = names.lookupPrincipalByGroupName(SERVER_USER);
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            view.setOwner(user);
            view.setGroup(group);
        }
        return dir;
    }

    /**
     * Runs one program as the server user and waits for it.
     *
     * @param program e.g. {@code initdb}
     * @param limit   how long it may take (a generous bound, not an expectation)
     * @return its output; throws when it fails or overruns
     */
    public String run(Duration limit, String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(runAs);
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        return exec(command, limit);
    }

    /** Runs a plain command (no PostgreSQL program) as the server user, e.g. {@code cp -a}. */
    public String runCommand(Duration limit, String... command) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(runAs);
        all.addAll(List.of(command));
        return exec(all, limit);
    }

    private static String exec(List<String> command, Duration limit) throws IOException, InterruptedException {
        // From / : runuser keeps the working directory, which the server user may not be allowed to enter.
        Process process = new ProcessBuilder(command).directory(Path.of("/").toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        try {
            // Read in the background: a program that fills the pipe would otherwise never finish.
            CompletableFuture<String> output = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    output.complete(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.complete("(output unreadable: " + e.getMessage() + ")");
                }
            });
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + limit);
            }
            reader.join(limit.toMillis());
            String text = output.getNow("");
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + text);
            }
            return text;
        } finally {
            process.destroyForcibly();
        }
    }

    /** @return the folder of the programs */
    public Path bin() {
        return bin;
    }
}
