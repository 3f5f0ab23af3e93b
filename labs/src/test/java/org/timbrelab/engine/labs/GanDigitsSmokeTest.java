package org.timbrelab.engine.labs;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.engine.data.digits.DigitFixtures;
import org.timbrelab.engine.data.digits.DigitSet;
import org.timbrelab.engine.train.ModelRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GanDigitsSmokeTest {

    @TempDir Path dir;

    private static final String CONFIG = """
            model: gan-digits
            train: {steps: 30, seed: 5, checkpointEvery: 30, logEvery: 10, reportEvery: 30}
            data: {source: "fixture:300", testFraction: 0.1}
            gan: {loss: %s, latent: 8, channels: 4, batch: 8, lr: 0.001, beta1: 0.5, wganCritic: 2, wganClip: 0.05}
            """;

    @Test void discriminatorLearnsToSeparateRealFromFakeWithEveryLoss() throws IOException {
        for (String loss : List.of("bce", "lsgan", "hinge", "wgan")) {
            Path sub = Files.createDirectories(dir.resolve(loss));
            Path run = LabRuns.train(sub, CONFIG.formatted(loss));
            List<Float> real = LabRuns.series(run, "score_real");
            List<Float> fake = LabRuns.series(run, "score_fake");
            List<Float> lossD = LabRuns.series(run, "loss_d");
            assertEquals(30, lossD.size());
            // the D loss must drop from its start, and D must score real above fake by the end
            if (!loss.equals("wgan")) {
                assertTrue(LabRuns.mean(lossD, 25, 30) < LabRuns.mean(lossD, 0, 3), loss + " D loss drops: " + lossD);
            }
            double gap = LabRuns.mean(real, 25, 30) - LabRuns.mean(fake, 25, 30);
            assertTrue(gap > 0, loss + ": real scored above fake, gap " + gap);
            assertTrue(Files.exists(run.resolve("samples.png")), loss);
        }
    }

    @Test void lossesHaveTheirTextbookValuesAtKnownScores() {
        try (NDManager m = NDManager.newBaseManager()) {
            var real = m.create(new float[] {2f, 0f});
            var fake = m.create(new float[] {-1f, 1f});
            // BCE: mean softplus(-real) + mean softplus(fake)
            double sp = (Math.log1p(Math.exp(-2)) + Math.log(2)) / 2 + (Math.log1p(Math.exp(-1)) + Math.log1p(Math.exp(1))) / 2;
            assertEquals(sp, GanLoss.BCE.discriminator(real, fake).getFloat(), 1e-5);
            assertEquals(0.5 * ((1 + 1) / 2.0) + 0.5 * ((1 + 1) / 2.0), GanLoss.LSGAN.discriminator(real, fake).getFloat(), 1e-6);
            assertEquals((0 + 1) / 2.0 + (0 + 2) / 2.0, GanLoss.HINGE.discriminator(real, fake).getFloat(), 1e-6);
            assertEquals(0 - 1, GanLoss.WGAN.discriminator(real, fake).getFloat(), 1e-6);
            assertEquals(-0.0, GanLoss.HINGE.generator(fake).getFloat(), 1e-6);
            assertEquals((4 + 0) / 4.0, GanLoss.LSGAN.generator(fake).getFloat(), 1e-6);
        }
    }

    @Test void classifierScoresRealDigitsAboveNoise() {
        DigitSet set = DigitFixtures.generate(400, 9);
        DigitSet[] split = set.split(0.2);
        try (NDManager m = NDManager.newBaseManager(); DigitClassifier c = new DigitClassifier(m)) {
            c.train(m, split[0], 100, 32, 1);
            assertTrue(c.accuracy(m, split[1]) > 0.5, "accuracy " + c.accuracy(m, split[1]));
            float[][] real = new float[80][];
            for (int i = 0; i < real.length; i++) real[i] = split[1].image(i);
            float[][] blank = new float[80][784];
            DigitClassifier.Scores r = c.score(m, real);
            DigitClassifier.Scores b = c.score(m, blank);
            assertTrue(r.classEntropy() > 2.0, "real digits cover the classes: " + r);
            assertEquals(1.0, b.isScore(), 1e-4, "identical images carry no class information: " + b);
            assertTrue(r.isScore() > b.isScore() + 1, r + " vs " + b);
        }
    }

    @Test void ganCompareWritesFigureAndTable() throws IOException {
        Path base = dir.resolve("base.yaml");
        Files.writeString(base, CONFIG.formatted("bce"));
        GanCompare.Result r = GanCompare.run(base, dir.resolve("cmp"), 2, 2L, List.of(GanLoss.BCE, GanLoss.WGAN), 20,
                ModelRegistry.standard(), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(2, r.rows().size());
        assertEquals(2, r.rows().get(1).criticSteps());
        for (String f : List.of("comparison.png", "comparison.md", "comparison.csv")) assertTrue(Files.exists(dir.resolve("cmp").resolve(f)), f);
        assertEquals(3, Files.readAllLines(dir.resolve("cmp/comparison.csv")).size());
    }

    @Test void wganStepsLeaveNoArraysInTheModelsManager() {
        GanDigitsConfig cfg = new GanDigitsConfig("gan-digits", new org.timbrelab.engine.config.TrainSettings(4, 1, 4, 1, 4),
                new VaeDigitsConfig.Data("fixture:60", 0.1), new GanDigitsConfig.Gan("wgan", 4, 4, 4, 1e-3, 0.5, 2, 0.01));
        try (NDManager m = NDManager.newBaseManager();
             GanDigitsRecipe r = new GanDigitsRecipe(cfg, m, DigitFixtures.generate(60, 1))) {
            int[] counts = new int[4];
            for (int s = 0; s < 4; s++) {
                r.reseed(s);
                try (NDManager sm = m.newSubManager()) {
                    r.step(sm, s);
                }
                counts[s] = m.getManagedArrays().size();
            }
            assertEquals(counts[1], counts[3], "arrays left in the model's manager per step: " + java.util.Arrays.toString(counts));
        }
    }
}
