package org.timbrelab.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.MelScale;
import org.timbrelab.dsp.SpectrogramConfig;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The noise floor added to training crops: its level, tilt, spread and share, and the sampler's use of it. */
class NoiseFloorTest {

    private static final SpectrogramConfig C = SpectrogramConfig.DEFAULT; // y = dB/50 + 1
    private static final int MELS = C.nMels(), FRAMES = 64;

    @TempDir Path tmp;

    /** One crop: band {@code loud} at {@code loudDb} in every frame, the rest at the −100 dB floor. */
    private static float[] toneCrop(int loud, double loudDb) {
        float[] y = new float[MELS * FRAMES];
        Arrays.fill(y, -1f);
        Arrays.fill(y, loud * FRAMES, (loud + 1) * FRAMES, (float) (loudDb / 50 + 1));
        return y;
    }

    /** Median over the crop's frames of band {@code band}'s level in dB (a crop of {@code FRAMES} frames). */
    static double medianDb(float[] y, int band) {
        double[] db = new double[FRAMES];
        for (int t = 0; t < FRAMES; t++) db[t] = (y[band * FRAMES + t] - 1) * 50;
        Arrays.sort(db);
        return db[FRAMES / 2];
    }

    static int bandAt(double hz) {
        return (int) Math.round(MelScale.bandOf(C).applyAsDouble(hz));
    }

    @Test void theFloorSitsAtItsLevelUnderThePeakAtTheReferenceFrequency() {
        NoiseFloor floor = new NoiseFloor(List.of(40.0, 40.0), 1);
        int loud = bandAt(200), pivot = bandAt(NoiseFloor.PIVOT_HZ);
        for (long seed = 0; seed < 10; seed++) {
            float[] y = toneCrop(loud, -10);
            floor.apply(y, 0, 1, MELS, FRAMES, C, new Random(seed));
            assertEquals(-50, medianDb(y, pivot), 1.5, "at 500 Hz: 40 dB under the -10 dB peak, whatever the tilt");
            assertEquals(-10, medianDb(y, loud), 0.01, "a band 40 dB above the noise hardly moves (power sum: +0.0004 dB)");
            double high = medianDb(y, bandAt(4000));
            assertTrue(high <= -50 + 1.5 && high >= -50 - 18 - 1.5, "3 octaves up: tilt 0 to -6 dB an octave, got " + high);
        }
    }

    @Test void narrowBandsFluctuateMoreThanWideOnes() {
        float[] y = toneCrop(bandAt(200), 0);
        new NoiseFloor(List.of(40.0, 40.0), 1).apply(y, 0, 1, MELS, FRAMES, C, new Random(3));
        assertTrue(spreadDb(y, bandAt(300)) > 1.5 * spreadDb(y, bandAt(6000)),
                "300 Hz band (few FFT bins) " + spreadDb(y, bandAt(300)) + " dB vs 6 kHz band " + spreadDb(y, bandAt(6000)));
        assertTrue(spreadDb(y, bandAt(300)) > 1, "noise is not flat: " + spreadDb(y, bandAt(300)));
    }

    private static double spreadDb(float[] y, int band) {
        double s = 0, s2 = 0;
        for (int t = 0; t < FRAMES; t++) { double d = (y[band * FRAMES + t] - 1) * 50; s += d; s2 += d * d; }
        return Math.sqrt(s2 / FRAMES - (s / FRAMES) * (s / FRAMES));
    }

    @Test void aSilentCropStaysSilentAndTheShareIsRespected() {
        float[] silent = toneCrop(0, -100);
        new NoiseFloor(List.of(30.0, 60.0), 1).apply(silent, 0, 1, MELS, FRAMES, C, new Random(1));
        for (float v : silent) assertEquals(-1f, v, "nothing to sit under: a crop all at the floor stays as it is");

        int crops = 400;
        float[] many = new float[crops * MELS * FRAMES];
        for (int c = 0; c < crops; c++) System.arraycopy(toneCrop(10, -20), 0, many, c * MELS * FRAMES, MELS * FRAMES);
        new NoiseFloor(List.of(30.0, 60.0), 0.5).apply(many, 0, crops, MELS, FRAMES, C, new Random(2));
        int changed = 0;
        for (int c = 0; c < crops; c++) if (many[c * MELS * FRAMES + 60 * FRAMES] > -1f) changed++;
        assertTrue(changed > 160 && changed < 240, "about half of 400 crops get a floor, got " + changed);

        float[] untouched = toneCrop(10, -20), copy = untouched.clone();
        NoiseFloor.NONE.apply(untouched, 0, 1, MELS, FRAMES, C, new Random(4));
        assertArrayEquals(copy, untouched);
        assertFalse(NoiseFloor.NONE.isOn());
    }

    @Test void badSettingsSayWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NoiseFloor(List.of(60.0, 30.0), 0.5));
        assertTrue(e.getMessage().contains("belowPeak"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new NoiseFloor(List.of(30.0, 60.0), 1.5));
        assertTrue(e.getMessage().contains("share"), e.getMessage());
    }

    private DomainDataset domain(String name, double... seconds) throws Exception {
        Path dir = tmp.resolve(name);
        for (int i = 0; i < seconds.length; i++) FakeFeatures.write(dir.resolve(String.format("f%02d.wav", i)), seconds[i], 100 + i);
        return DomainDataset.open(dir, new FakeFeatures("k", 1.0, true), tmp.resolve("cache"), DatasetListener.LOGGING);
    }

    @Test void theSamplerAddsItOnlyToItsDomainAndKeepsTheCrops() throws Exception {
        DomainDataset a = domain("a", 3.0, 2.0), b = domain("b", 2.5, 1.5);
        BalancedSampler plain = new BalancedSampler(List.of(a.all(), b.all()), 16, 4, 9);
        BalancedSampler noisy = plain.withNoise(List.of(NoiseFloor.NONE, new NoiseFloor(List.of(20.0, 20.0), 1)));
        for (long step = 0; step < 5; step++) {
            StepBatch p = plain.batch(step), n = noisy.batch(step), again = noisy.batch(step);
            assertArrayEquals(p.domain(0).mels(), n.domain(0).mels(), "the other domain is untouched");
            assertEquals(p.domain(1).sources(), n.domain(1).sources(), "the same crops are drawn");
            assertFalse(Arrays.equals(p.domain(1).mels(), n.domain(1).mels()), "the noisy domain's crops got a floor");
            assertArrayEquals(n.domain(1).mels(), again.domain(1).mels(), "a batch is a function of (seed, step)");
            float[] before = p.domain(1).mels(), after = n.domain(1).mels();
            for (int i = 0; i < before.length; i++) assertTrue(after[i] >= before[i], "noise only adds power");
        }
        assertEquals(1, new BalancedSampler(List.of(a.all()), 16, 4, 9).withNoise(List.of(NoiseFloor.NONE)).domainCount());
    }
}
