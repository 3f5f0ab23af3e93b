package org.timbrelab.dsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole-file writes: umask permissions (not owner-only), hidden temp names, orphans of dead processes removed. */
class AtomicFilesTest {
    @TempDir Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test void writtenFilesGetTheUmaskPermissionsOfAnyNewFile() throws IOException {
        Path f = dir.resolve("out.wav");
        AtomicFiles.write(f, new byte[] {1, 2, 3});
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f));
        Path d = AtomicFiles.tempDirectoryFor(dir.resolve("preset"));
        Path plainDir = Files.createDirectory(dir.resolve("plainDir"));
        assertEquals(Files.getPosixFilePermissions(plainDir), Files.getPosixFilePermissions(d));
    }

    @Test void aFailedWriteLeavesNoTempFile() throws IOException {
        Path f = dir.resolve("x.wav");
        Path tmp = AtomicFiles.tempFor(f);
        assertTrue(tmp.getFileName().toString().matches("\\.x\\.wav\\.\\d+-[0-9a-z]+\\.tmp"), tmp.toString());
        AtomicFiles.discard(tmp);
        assertEquals(List.of(), names());
    }

    @Test void orphansOfDeadProcessesAreRemovedAndLiveOnesKept() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path target = dir.resolve("out.wav");
        Files.writeString(dir.resolve(".out.wav." + p.pid() + "-abc.tmp"), "orphan");
        Files.writeString(dir.resolve(".out.wav.1-def.tmp"), "pid 1 is alive");
        Files.writeString(dir.resolve(".other.wav." + p.pid() + "-abc.tmp"), "another target's");
        assertEquals(1, AtomicFiles.removeOrphans(target));
        assertEquals(List.of(".other.wav." + p.pid() + "-abc.tmp", ".out.wav.1-def.tmp"), names());
    }
}
