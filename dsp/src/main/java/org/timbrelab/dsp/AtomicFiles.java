package org.timbrelab.dsp;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole-file writes: content goes to a hidden temp file beside the target, {@code .NAME.PID-RANDOM.tmp},
 * which is then moved over the target in one step, so a reader never sees half a file.
 * <ul>
 *   <li>Temp files are created like any new file, so they (and the target they become) get the
 *       permissions the umask gives, not {@link Files#createTempFile}'s owner-only {@code -rw-------}.</li>
 *   <li>A temp file still open when the JVM is stopped (Ctrl-C, {@code kill}) is deleted on the way out;
 *       after a {@code kill -9}, {@link #removeOrphans} deletes the ones left by processes that no longer run.</li>
 * </ul>
 */
public final class AtomicFiles {

    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private static final Pattern TEMP = Pattern.compile("\\.(.+)\\.(\\d+)-[0-9a-z]+\\.tmp");
    private static volatile boolean hookInstalled;
    private static volatile boolean cleanupOnExit = true;

    private AtomicFiles() { }

    /**
     * Whether temp files still open when the JVM is stopped are deleted on the way out (default
     * true). A command whose own shutdown hook finishes a last write (training saves its final
     * checkpoint on Ctrl-C) turns it off, so that write is not pulled from under it; its orphans,
     * if any, go with {@link #removeOrphans}.
     */
    public static void cleanupOnExit(boolean on) { cleanupOnExit = on; }

    /** Creates an empty hidden temp file beside {@code target} (its folder must exist). */
    public static Path tempFor(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        installHook();
        while (true) {
            Path tmp = abs.resolveSibling(tempName(abs));
            try {
                Files.createFile(tmp);
                OPEN.add(tmp);
                return tmp;
            } catch (FileAlreadyExistsException taken) {
                // another random suffix
            }
        }
    }

    /** Creates an empty hidden temp folder beside {@code target} (umask permissions, deleted on exit only if empty). */
    public static Path tempDirectoryFor(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        while (true) {
            Path tmp = abs.resolveSibling(tempName(abs));
            try {
                return Files.createDirectory(tmp);
            } catch (FileAlreadyExistsException taken) {
                // another random suffix
            }
        }
    }

    /** Moves a finished temp file over {@code target} atomically (replacing it). */
    public static void commit(Path tmp, Path target) throws IOException {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        OPEN.remove(tmp);
    }

    /** Deletes a temp file if it is still there (after a failure); never throws. */
    public static void discard(Path tmp) {
        if (tmp == null) return;
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // best effort: the next write to the same target removes it (removeOrphans)
        }
        OPEN.remove(tmp);
    }

    /** Writes {@code bytes} as the whole content of {@code target}, creating its folder if needed. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = tempFor(target);
        try {
            Files.write(tmp, bytes);
            commit(tmp, target);
        } finally {
            discard(tmp);
        }
    }

    /**
     * Deletes temp files for {@code target} left by processes that no longer run (a {@code kill -9}
     * mid-write); returns how many. Temp files of running processes are left alone.
     */
    public static int removeOrphans(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) return 0;
        String name = plainName(abs);
        int removed = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "." + globEscape(name) + ".*.tmp")) {
            for (Path p : s) {
                Matcher m = TEMP.matcher(p.getFileName().toString());
                if (!m.matches() || !m.group(1).equals(name) || !Files.isRegularFile(p)) continue;
                long pid;
                try {
                    pid = Long.parseLong(m.group(2));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                if (Files.deleteIfExists(p)) removed++;
            }
        } catch (IOException e) {
            // best effort
        }
        return removed;
    }

    private static String tempName(Path abs) {
        return "." + plainName(abs) + "." + ProcessHandle.current().pid() + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + ".tmp";
    }

    private static String plainName(Path abs) {
        String n = abs.getFileName().toString();
        return n.startsWith(".") ? n.substring(1) : n;
    }

    private static String globEscape(String s) {
        return s.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }

    private static void installHook() {
        if (hookInstalled) return;
        synchronized (OPEN) {
            if (hookInstalled) return;
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    if (cleanupOnExit) OPEN.forEach(AtomicFiles::discard);
                }, "atomic-files-cleanup"));
            } catch (IllegalStateException shuttingDown) {
                // nothing to install while the JVM exits
            }
            hookInstalled = true;
        }
    }
}
