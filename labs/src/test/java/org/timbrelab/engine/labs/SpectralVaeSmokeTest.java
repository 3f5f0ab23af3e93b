package org.timbrelab.engine.labs;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.engine.train.ModelRegistry;
import org.timbrelab.engine.train.RunContext;
import org.timbrelab.engine.train.TrainingRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectralVaeSmokeTest {

    @TempDir Path dir;

    /** Two synthetic "instruments": a bright sawtooth-like tone and a pure sine, six pitches each, NSynth-style names. */
    private void writeNotes() throws IOException {
        for (String inst : List.of("bright", "pure")) {
            Path d = Files.createDirectories(dir.resolve(inst));
            for (int pitch = 48; pitch < 72; pitch += 4) {
                double f = 440 * Math.pow(2, (pitch - 69) / 12.0);
                float[] x = new float[16000];
                for (int i = 0; i < x.length; i++) {
                    double t = i / 16000.0, env = Math.min(1, i / 400.0) * Math.exp(-t);
                    double v = 0;
                    int harmonics = inst.equals("bright") ? 8 : 1;
                    for (int h = 1; h <= harmonics && h * f < 7500; h++) v += Math.sin(2 * Math.PI * h * f * t) / h;
                    x[i] = (float) (0.4 * env * v);
                }
                AudioFiles.saveWav(d.resolve(String.format("%s_synth_000-%03d-100.wav", inst, pitch)), new AudioClip(x, 16000));
            }
        }
    }

    @Test void thirtyStepsOnSyntheticNotesLowerTheReconstructionLoss() throws IOException {
        writeNotes();
        Path run = LabRuns.train(dir, """
                model: spectral-vae
                train: {steps: 30, seed: 2, checkpointEvery: 30, logEvery: 10, reportEvery: 30}
                data: {domains: [%s, %s], cacheRoot: %s, validationFraction: 0.0}
                vae: {latent: 4, channels: 4, cropFrames: 16, perDomain: 2, lr: 0.003, sigma: 0.1, betaWarmupSteps: 30}
                """.formatted(dir.resolve("bright"), dir.resolve("pure"), dir.resolve("cache")));
        List<Float> rec = LabRuns.series(run, "rec");
        assertEquals(30, rec.size());
        assertTrue(LabRuns.mean(rec, 25, 30) < 0.7 * LabRuns.mean(rec, 0, 5), "reconstruction loss drops: " + rec);
        assertTrue(Files.exists(run.resolve("latents_pca.png")));
        try (NDManager m = NDManager.newBaseManager();
             SpectralVaeRecipe r = (SpectralVaeRecipe) TrainingRun.restore(run, ModelRegistry.standard(),
                     new RunContext(run, m, new PrintStream(new ByteArrayOutputStream())))) {
            List<SpectralLab.NotePoint> pts = SpectralLab.notePoints(r, m);
            assertEquals(12, pts.size());
            assertEquals(List.of("bright", "pure"), pts.stream().map(SpectralLab.NotePoint::instrument).distinct().toList());
            assertTrue(pts.stream().allMatch(p -> p.pitch() >= 48 && p.pitch() < 72 && p.mu().length == 4));
            Spectrogram s = SpectralLab.interpolate(r, m, pts.get(0).mu(), pts.get(11).mu(), LatentPaths.Mode.SLERP, 5);
            assertEquals(5 * 16, s.frames());
            AudioClip audio = SpectralLab.toAudio(s);
            assertTrue(audio.samples().length > 16000 * 5 * 16 / 62.5 * 0.8, "about 5 × 16 frames of audio");
        }
    }

    @Test void pcaFindsTheDirectionOfLargestSpread() {
        List<float[]> pts = new java.util.ArrayList<>();
        for (int i = -5; i <= 5; i++) pts.add(new float[] {0.1f * (i % 2), 3f * i, 0f});
        double[][] xy = SpectralLab.pca2(pts);
        // PC1 is the second axis: projections are ±3i (sign free)
        assertEquals(15.0, Math.abs(xy[10][0]), 1e-3);
        assertEquals(Math.abs(xy[0][0]), Math.abs(xy[10][0]), 1e-3);
    }

    @Test void pitchIsReadFromNsynthNames() {
        assertEquals(60, SpectralLab.pitchOf("audio/violin_fluid_040-060-100.wav"));
        assertEquals(-1, SpectralLab.pitchOf("take1.wav"));
    }
}
