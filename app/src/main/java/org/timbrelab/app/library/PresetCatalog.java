package org.timbrelab.app.library;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Presets on disk: every directory under the built-in {@code presets/} (read-only here) and the
 * user's {@code ~/.timbrelab/presets} (renamable, deletable). Call off the FX thread.
 */
public final class PresetCatalog {
    /** One preset directory. */
    public record Entry(String name, Path dir, boolean builtIn) {
        @Override public String toString() { return name + (builtIn ? "  (built-in)" : ""); }
    }

    private final Path builtIn, user;
    private final Function<Path, List<String>> summaryReader;

    /** @param summaryReader reads a preset's training summary lines (steps, minutes, losses) */
    public PresetCatalog(Path builtIn, Path user, Function<Path, List<String>> summaryReader) {
        this.builtIn = builtIn;
        this.user = user;
        this.summaryReader = summaryReader;
    }

    public List<Entry> list() throws IOException {
        List<Entry> out = new ArrayList<>();
        out.addAll(dirs(builtIn, true));
        out.addAll(dirs(user, false));
        return out;
    }

    private static List<Entry> dirs(Path root, boolean builtIn) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(p -> new Entry(p.getFileName().toString(), p, builtIn)).toList();
        }
    }

    public List<String> summary(Entry e) { return summaryReader.apply(e.dir()); }

    /** Renames one of the user's presets (atomic directory move); built-in presets are refused. */
    public Entry rename(Entry e, String newName) throws IOException {
        requireUser(e, "rename");
        if (newName == null || !newName.matches("[A-Za-z0-9_-]+"))
            throw new IllegalArgumentException("\"" + newName + "\" is not a valid preset name. What to do: use only letters, digits, _ and -.");
        Path target = e.dir().resolveSibling(newName);
        if (Files.exists(target))
            throw new FileAlreadyExistsException(target + ": a preset with that name exists. What to do: choose another name.");
        Files.move(e.dir(), target, StandardCopyOption.ATOMIC_MOVE);
        return new Entry(newName, target, false);
    }

    /** Deletes one of the user's presets and everything in it; built-in presets are refused. */
    public void delete(Entry e) throws IOException {
        requireUser(e, "delete");
        try (Stream<Path> s = Files.walk(e.dir())) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                try { Files.delete(p); } catch (DirectoryNotEmptyException ex) { throw new IOException(p + ": could not be emptied", ex); }
            }
        }
    }

    private static void requireUser(Entry e, String what) {
        if (e.builtIn()) throw new IllegalArgumentException(e.dir() + ": built-in presets cannot be changed. What to do: "
                + what + " only your own presets (in ~/.timbrelab/presets).");
    }
}
