package org.timbrelab.engine.train;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The PNG snapshots of a run directory, listed while the run is still writing into it.
 * A training run builds its spectrogram cache in temporary folders beside the snapshots and
 * moves them into place when done, so entries vanish mid-listing: those folders are skipped
 * and anything that disappears between listing and reading is passed over, never an error.
 */
public final class RunImages {

    /** Names of folders being written (the cache's and {@code AtomicFiles}' temporaries). */
    private static final String TEMP_MARK = ".tmp";

    private RunImages() { }

    /** PNG files at most {@code maxDepth} levels below {@code runDir}, in walk order; empty if it does not exist. */
    public static List<Path> pngs(Path runDir, int maxDepth) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(runDir)) return out;
        Files.walkFileTree(runDir, EnumSet.noneOf(java.nio.file.FileVisitOption.class), maxDepth, new SimpleFileVisitor<>() {
            @Override public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(runDir) && dir.getFileName().toString().contains(TEMP_MARK)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && name.endsWith(".png") && !name.contains(TEMP_MARK)) out.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // moved or deleted by the run while we looked
            }

            @Override public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                return FileVisitResult.CONTINUE; // a folder that vanished while being listed
            }
        });
        return out;
    }
}
