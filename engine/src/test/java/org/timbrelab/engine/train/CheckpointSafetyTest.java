package org.timbrelab.engine.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.engine.config.ConfigException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checksummed tensor files, the previous checkpoint as a fallback, and a resume that never rewrites config.yaml when it fails. */
class CheckpointSafetyTest {
    @TempDir Path dir;

    private static CheckpointData sample(long step) {
        CheckpointData d = new CheckpointData();
        d.putText("model", "toy");
        d.putLong("step", step);
        float[] v = new float[64];
        for (int i = 0; i < v.length; i++) v[i] = i * 0.5f + step;
        d.putTensor("w", new CheckpointData.Tensor(new long[] {8, 8}, v));
        return d;
    }

    @Test void flippedBytesAreCaughtByTheChecksum() throws IOException {
        Path f = dir.resolve("c.tlck");
        Checkpoints.write(f, sample(1));
        byte[] b = Files.readAllBytes(f);
        b[b.length - 60] ^= 0x40; // inside the tensor's floats
        Files.write(f, b);
        DamagedCheckpointException e = assertThrows(DamagedCheckpointException.class, () -> Checkpoints.read(f));
        assertTrue(e.problem().contains("checksum"), e.getMessage());
    }

    @Test void filesWithoutAChecksumStillRead() throws IOException {
        Path f = dir.resolve("c.tlck");
        Checkpoints.write(f, sample(2));
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 36)); // as written before checksums existed
        assertEquals(2, Checkpoints.read(f).requireLong("step"));
    }

    @Test void cutShortOrHugeCountsAreDamageNotCrashes() throws IOException {
        Path f = dir.resolve("c.tlck");
        Checkpoints.write(f, sample(3));
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length / 2));
        assertTrue(assertThrows(DamagedCheckpointException.class, () -> Checkpoints.read(f)).problem().contains("cut short"));
        byte[] huge = b.clone();
        huge[8] = 0x7f; // the texts count
        Files.write(f, huge);
        assertThrows(DamagedCheckpointException.class, () -> Checkpoints.read(f));
    }

    @Test void thePreviousCheckpointIsKeptAndUsedWhenTheLatestIsDamaged() throws IOException {
        Path f = dir.resolve(Checkpoints.FILE_NAME);
        Checkpoints.writeKeepingPrevious(f, sample(5));
        assertFalse(Files.exists(Checkpoints.previous(f)), "nothing to keep before the first checkpoint");
        Checkpoints.writeKeepingPrevious(f, sample(10));
        assertEquals(5, Checkpoints.read(Checkpoints.previous(f)).requireLong("step"));
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, 20));
        Checkpoints.Loaded l = Checkpoints.readOrPrevious(f);
        assertTrue(l.fellBack());
        assertEquals(5, l.data().requireLong("step"));
        assertTrue(l.notice().contains("previous checkpoint") && l.notice().contains("step 5"), l.notice());
        // a damaged latest does not replace the good previous one
        Checkpoints.writeKeepingPrevious(f, sample(15));
        assertEquals(5, Checkpoints.read(Checkpoints.previous(f)).requireLong("step"));
        assertEquals(15, Checkpoints.read(f).requireLong("step"));
    }

    @Test void writtenFilesFollowTheUmaskAndLeaveNoTempFiles() throws IOException {
        Path f = dir.resolve("c.tlck");
        Checkpoints.write(f, sample(1));
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(f);
        Path probe = Files.createFile(dir.resolve("probe"));
        assertEquals(Files.getPosixFilePermissions(probe), p, "same permissions as any new file");
        try (var s = Files.list(dir)) {
            assertEquals(List.of("c.tlck", "probe"), s.map(x -> x.getFileName().toString()).sorted().toList());
        }
    }

    @Test void aResumeWithAConfigThatDoesNotFitLeavesConfigYamlUnchanged() throws IOException {
        ModelRegistry registry = new ModelRegistry(List.of(new ToyKind()));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Path good = dir.resolve("good.yaml"), wider = dir.resolve("wider.yaml");
        String base = "model: toy\ntrain: {steps: 4, seed: 7, checkpointEvery: 2, logEvery: 2, reportEvery: 4}\nlr: 0.01\npoison: false\n";
        Files.writeString(good, base + "hidden: 8\n");
        Files.writeString(wider, base + "hidden: 16\n");
        Path run = dir.resolve("run");
        TrainingRun.execute(new TrainingRun.Request(good, run, null, null, false), registry, quiet, new RunControl());
        byte[] config = Files.readAllBytes(run.resolve(TrainingRun.CONFIG_FILE));
        byte[] ckpt = Files.readAllBytes(run.resolve(Checkpoints.FILE_NAME));
        ConfigException e = assertThrows(ConfigException.class, () -> TrainingRun.execute(
                new TrainingRun.Request(wider, run, 6L, null, true), registry, quiet, new RunControl()));
        assertTrue(e.getMessage().contains("left unchanged") && e.getMessage().contains("without --config"), e.getMessage());
        assertArrayEquals(config, Files.readAllBytes(run.resolve(TrainingRun.CONFIG_FILE)));
        assertArrayEquals(ckpt, Files.readAllBytes(run.resolve(Checkpoints.FILE_NAME)));
        // and the run still resumes with its own config
        TrainingRun.Result r = TrainingRun.execute(new TrainingRun.Request(null, run, 6L, null, true), registry, quiet, new RunControl());
        assertEquals(StopReason.COMPLETED, r.reason());
        assertTrue(new String(Files.readAllBytes(run.resolve(TrainingRun.CONFIG_FILE)), StandardCharsets.UTF_8).contains("hidden: 8"));
    }
}
