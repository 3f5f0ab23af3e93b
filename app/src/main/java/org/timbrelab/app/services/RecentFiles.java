package org.timbrelab.app.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The last few opened files, one path per line in a small text file (written atomically). */
public final class RecentFiles {
    private static final int MAX = 8;
    private final Path store;

    public RecentFiles(Path store) { this.store = store; }

    /** Existing recent files, newest first; an unreadable store counts as empty. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        try {
            if (!Files.isRegularFile(store)) return out;
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                Path p = Path.of(line.strip());
                if (Files.isRegularFile(p) && !out.contains(p)) out.add(p);
            }
        } catch (IOException | RuntimeException e) {
            return out; // a broken history must not stop the app
        }
        return out;
    }

    /** Puts {@code file} first; keeps at most {@value #MAX}. */
    public List<Path> add(Path file) throws IOException {
        List<Path> list = list();
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        while (list.size() > MAX) list.remove(list.size() - 1);
        Files.createDirectories(store.getParent());
        Path tmp = store.resolveSibling(store.getFileName() + ".tmp");
        Files.write(tmp, list.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        Files.move(tmp, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return list;
    }
}
