package org.timbrelab.engine.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The TorchScript embedding hook on a module with a known answer: band-energy.pt (made by
 * make_band_energy.py beside it with PyTorch 1.13) gives the log magnitude at 250…4000 Hz of
 * 25-ms frames every 10 ms at 16 kHz.
 */
class TorchScriptEmbeddingTest {

    static final Path DIR = Path.of("eval/src/test/resources/torchscript");
    static final Path MODULE = DIR.resolve("band-energy.pt");
    private static TorchScriptEmbedding embedding;

    @BeforeAll static void load() throws IOException { embedding = TorchScriptEmbedding.load(MODULE, 16_000); }

    @AfterAll static void close() { embedding.close(); }

    static AudioClip sine(double hz, double amp, int samples, int rate) {
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) x[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / rate));
        return new AudioClip(x, rate);
    }

    @Test void matchesWhatPyTorchComputedForTheSameSine() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("band-energy-expected.json").toFile());
        List<double[]> frames = embedding.frames(sine(1000, 0.5, 4000, 16_000));
        JsonNode want = expected.get("frames");
        assertEquals(want.size(), frames.size());
        assertEquals((4000 - 400) / 160 + 1, frames.size());
        // compared as magnitudes: the log of a near-zero bin (−10 ≈ 5e-5) amplifies float32 rounding of the sine itself
        for (int f = 0; f < frames.size(); f++)
            for (int k = 0; k < 16; k++) {
                double w = Math.exp(want.get(f).get(k).asDouble()), g = Math.exp(frames.get(f)[k]);
                assertEquals(w, g, 2e-3 + 1e-4 * w, "frame " + f + " band " + k);
            }
    }

    @Test void resamplesToTheModulesRate() {
        // 1000 Hz at 44.1 kHz still peaks in the 1000-Hz band (index 3) once resampled to 16 kHz
        List<double[]> frames = embedding.frames(sine(1000, 0.5, 44_100 / 2, 44_100));
        assertEquals((8000 - 400) / 160 + 1, frames.size(), 1);
        for (double[] f : frames.subList(2, frames.size() - 2)) assertEquals(3, argmax(f));
    }

    @Test void frechetDistanceWithItSeparatesSineFromNoise() {
        Random rnd = new Random(7);
        float[] noise = new float[16_000];
        for (int i = 0; i < noise.length; i++) noise[i] = (float) (0.2 * rnd.nextGaussian());
        List<double[]> a = embedding.frames(sine(1000, 0.3, 16_000, 16_000));
        List<double[]> b = embedding.frames(sine(1000, 0.3, 16_000, 16_000));
        List<double[]> n = embedding.frames(new AudioClip(noise, 16_000));
        assertEquals(0, FrechetDistance.squared(a, b), 1e-3, "identical inputs");
        assertTrue(FrechetDistance.squared(a, n) > 10, "a sine is far from noise");
    }

    @Test void aModuleThatFailsOnAClipSaysWhichAndWhy() {
        // band-energy.pt frames 400 samples: a 100-sample clip makes torch's unfold fail
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> embedding.frames(sine(1000, 0.5, 100, 16_000)));
        assertTrue(e.getMessage().contains("band-energy.pt") && e.getMessage().contains("100-sample clip"), e.getMessage());
    }

    @Test void aMissingFileIsNamed(@TempDir Path dir) {
        Path f = dir.resolve("vggish.pt");
        IOException e = assertThrows(IOException.class, () -> TorchScriptEmbedding.load(f, 16_000));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("no such"), e.getMessage());
    }

    @Test void aFileThatIsNotTorchScriptIsRefusedClearly(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("not-a-module.pt");
        Files.writeString(f, "these are not weights");
        IOException e = assertThrows(IOException.class, () -> TorchScriptEmbedding.load(f, 16_000));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("not a loadable TorchScript"), e.getMessage());
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
