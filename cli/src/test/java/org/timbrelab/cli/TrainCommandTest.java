package org.timbrelab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {

    @TempDir Path dir;

    private String runFailing(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(1, TimbreLabCli.execute(args));
        } finally {
            System.setErr(saved);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test void unknownModelKindIsNamed() throws Exception {
        Path c = dir.resolve("x.yaml");
        Files.writeString(c, "model: no-such-model\ntrain: {steps: 1, seed: 1, checkpointEvery: 1, logEvery: 1, reportEvery: 1}\n");
        String err = runFailing("train", "--config", c.toString(), "--out", dir.resolve("run").toString());
        assertTrue(err.contains("unknown model kind 'no-such-model'") && err.contains(c.toString()), err);
    }

    @Test void missingConfigFileIsNamed() {
        String err = runFailing("train", "--config", dir.resolve("missing.yaml").toString(), "--out", dir.resolve("run").toString());
        assertTrue(err.contains("missing.yaml") && err.contains("not found"), err);
    }
}
