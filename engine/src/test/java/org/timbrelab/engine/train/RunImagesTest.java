package org.timbrelab.engine.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunImagesTest {

    @Test void listsSnapshotsToTheDepthAskedAndSkipsFoldersBeingWritten(@TempDir Path run) throws Exception {
        Files.createDirectories(run.resolve("snapshots/deep/deeper"));
        Files.createDirectories(run.resolve("cache/abc.tmp-123"));
        Files.writeString(run.resolve("loss_curves.png"), "x");
        Files.writeString(run.resolve("snapshots/step-100.png"), "x");
        Files.writeString(run.resolve("snapshots/deep/deeper/too-deep.png"), "x");
        Files.writeString(run.resolve("snapshots/.step-200.png.77-ab.tmp"), "x"); // an atomic write in progress
        Files.writeString(run.resolve("cache/abc.tmp-123/half.png"), "x");
        Files.writeString(run.resolve("notes.txt"), "x");

        Set<String> names = RunImages.pngs(run, 2).stream().map(p -> run.relativize(p).toString().replace('\\', '/'))
                .collect(Collectors.toSet());
        assertEquals(Set.of("loss_curves.png", "snapshots/step-100.png"), names);
        assertEquals(3, RunImages.pngs(run, 4).size(), "deeper levels are listed when asked for");
        assertTrue(RunImages.pngs(run.resolve("missing"), 3).isEmpty());
    }

    /** What failed the wizard's window walk once: the cache moved a folder away while the dashboard listed the run. */
    @Test void listingWhileFoldersAppearAndVanishNeverFails(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("snap-1.png"), "x");
        Path cache = Files.createDirectories(run.resolve("cache"));
        AtomicBoolean stop = new AtomicBoolean();
        Thread churn = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                try {
                    Path dir = Files.createDirectory(cache.resolve("k" + i));
                    Files.writeString(dir.resolve("mels-000.png"), "x");
                    Path moved = cache.resolve("done" + i);
                    Files.move(dir, moved, StandardCopyOption.ATOMIC_MOVE);
                    Files.delete(moved.resolve("mels-000.png"));
                    Files.delete(moved);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        AtomicReference<Throwable> churnError = new AtomicReference<>();
        churn.setUncaughtExceptionHandler((t, e) -> churnError.set(e));
        churn.start();
        try {
            for (int i = 0; i < 2000; i++) {
                List<Path> found = RunImages.pngs(run, 3);
                assertTrue(found.contains(run.resolve("snap-1.png")));
            }
        } finally {
            stop.set(true);
            churn.join();
        }
        assertNull(churnError.get());
    }
}
