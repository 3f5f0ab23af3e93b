package org.timbrelab.engine.labs;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.engine.train.ModelRegistry;
import org.timbrelab.engine.train.RunContext;
import org.timbrelab.engine.train.TrainingRun;

import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VaeDigitsSmokeTest {

    @TempDir Path dir;

    @Test void thirtyStepsOnFixtureDigitsLowerTheReconstructionLoss() throws IOException {
        Path run = LabRuns.train(dir, """
                model: vae-digits
                train: {steps: 30, seed: 3, checkpointEvery: 30, logEvery: 10, reportEvery: 30}
                data: {source: "fixture:300", testFraction: 0.1}
                vae: {latent: 4, channels: 8, batch: 16, lr: 0.003, betaWarmupSteps: 30}
                """);
        List<Float> bce = LabRuns.series(run, "bce");
        List<Float> beta = LabRuns.series(run, "beta");
        assertEquals(30, bce.size());
        assertTrue(LabRuns.mean(bce, 25, 30) < 0.7 * LabRuns.mean(bce, 0, 5), "BCE drops: " + bce);
        assertEquals(0f, beta.get(0));
        assertTrue(beta.get(29) > 0.9f && beta.get(29) <= 1f, "beta warms up to ~1: " + beta.get(29));
        for (String f : List.of("samples.png", "reconstructions.png", "report.html", "loss_curves.png", "test_scores.json")) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        // a restored run reproduces the same latent codes
        try (NDManager m = NDManager.newBaseManager();
             VaeDigitsRecipe r = (VaeDigitsRecipe) TrainingRun.restore(run, ModelRegistry.standard(),
                     new RunContext(run, m, new PrintStream(new ByteArrayOutputStream())))) {
            float[] a = VaeDigitsLab.encodeMeans(r, m, new int[] {0, 1}).get(0);
            float[] b = VaeDigitsLab.encodeMeans(r, m, new int[] {0, 1}).get(0);
            assertEquals(4, a.length);
            assertTrue(java.util.Arrays.equals(a, b));
            assertEquals(2 * 2, VaeDigitsLab.reconstructions(r, m, 2).size());
        }
    }

    @Test void slerpKeepsTheNormOfOrthogonalUnitCodes() {
        float[] a = {1, 0, 0}, b = {0, 1, 0};
        float[] mid = LatentPaths.slerp(a, b, 0.5);
        assertEquals(1.0, Math.hypot(mid[0], mid[1]), 1e-6);
        float[] lin = LatentPaths.lerp(a, b, 0.5);
        assertEquals(Math.sqrt(0.5), Math.hypot(lin[0], lin[1]), 1e-6);
        assertEquals(0f, LatentPaths.slerp(a, b, 1.0)[0], 1e-6f);
    }

    @Test void standardRegistryFindsTheLabs() {
        assertTrue(ModelRegistry.standard().names().contains(VaeDigitsKind.NAME));
    }

    @Test void badLabConfigNamesTheKey() throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, """
                model: vae-digits
                train: {steps: 30, seed: 3, checkpointEvery: 30, logEvery: 10, reportEvery: 30}
                data: {source: "fixture:300", testFraction: 0.1}
                vae: {latent: 4, channels: 7, batch: 16, lr: 0.003, betaWarmupSteps: 30}
                """);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.timbrelab.engine.config.ConfigException.class,
                () -> TrainingRun.execute(new TrainingRun.Request(config, dir.resolve("r"), null, null, false),
                        ModelRegistry.standard(), new PrintStream(new ByteArrayOutputStream()), new org.timbrelab.engine.train.RunControl()));
        assertTrue(e.getMessage().contains("'vae'") && e.getMessage().contains("channels must be even"), e.getMessage());
    }
}
