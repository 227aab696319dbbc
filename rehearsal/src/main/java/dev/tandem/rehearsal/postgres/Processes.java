package dev.tandem.rehearsal.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Signals to a server and its descendants, and liveness read from {@code /proc}. {@link Process#isAlive()} cannot tell for a
 * process this JVM did not start, and a killed process stays a zombie until its parent reaps it: on this machine
 * PID 1 reaps seconds late, so the process's state in {@code /proc/<pid>/stat} is what says it is dead.
 */
public final class Processes {
    private Processes() {
    }

    /**
     * Sends {@code signal} (e.g. {@code KILL}, {@code STOP}, {@code CONT}) to {@code pid} first, then to each of its
     * descendants. Not to its process group: every child of a PostgreSQL postmaster calls {@code setsid()} at its start
     * (each backend, WAL sender and archiver shows a session of its own in {@code ps -o pid,pgid,sid}), so a signal to
     * the postmaster's group reaches the postmaster alone and a stopped postmaster's backends go on answering.
     * PostgreSQL's source says why: {@code InitPostmasterChild} ({@code src/backend/utils/init/miscinit.c}) makes
     * each child a group leader so that the postmaster can signal the child's own children.
     *
     * @return the processes signalled: {@code pid} first
     */
    public static List<Long> signalTree(long pid, String signal) throws IOException, InterruptedException {
        if (!running(pid)) {
            throw new IllegalStateException("no process " + pid + " to send SIG" + signal + " to");
        }
        List<Long> signalled = new ArrayList<>(List.of(pid));
        signalled.addAll(children(pid));
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        signalled.forEach(p -> command.add(Long.toString(p)));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // A descendant (an archive command's cp) may end between the listing and the signal: kill then reports it
        // and still signals the others. Only a failure to signal the parent, checked above to exist, is an error.
        if (kill.waitFor() != 0 && out.contains("(" + pid + ")")) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return signalled;
    }

    /**
     * @return every descendant of {@code pid} (from {@code /proc/<pid>/stat}, field 4), parents before their children:
     *         a backend's, but also the {@code cp} an archiver or a startup process runs for its archive or restore
     *         command, which would otherwise go on writing into the data directory
     */
    private static List<Long> children(long pid) throws IOException {
        Map<Long, List<Long>> byParent = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byParent.computeIfAbsent(Long.parseLong(after[1]), k -> new ArrayList<>())
                            .add(Long.parseLong(proc.getFileName().toString()));
                } catch (IOException gone) {
                    // ended while listed
                }
            }
        }
        List<Long> descendants = new ArrayList<>();
        Deque<Long> next = new ArrayDeque<>(List.of(pid));
        while (!next.isEmpty()) {
            for (long child : byParent.getOrDefault(next.poll(), List.of())) {
                descendants.add(child);
                next.add(child);
            }
        }
        return descendants;
    }

    /** @return whether {@code pid} runs: a zombie (state Z or X in {@code /proc/<pid>/stat}) is dead already */
    public static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        String text;
        try {
            text = Files.readString(stat);
        } catch (NoSuchFileException gone) {
            return false;
        }
        char state = text.charAt(text.lastIndexOf(')') + 2);
        return state != 'Z' && state != 'X';
    }
}
