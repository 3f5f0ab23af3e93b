package org.timbrelab.engine.data;

import org.junit.jupiter.api.Test;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;
import static org.timbrelab.engine.data.NoiseFloorTest.bandAt;
import static org.timbrelab.engine.data.NoiseFloorTest.medianDb;

/** Pure-noise crops for L_noiseToneless: their level, their tilt, and that a seed repeats them. */
class NoiseCropsTest {

    private static final SpectrogramConfig C = SpectrogramConfig.DEFAULT; // y = dB/50 + 1
    private static final int MELS = C.nMels(), FRAMES = 64;
    private final NoiseCrops crops = new NoiseCrops(C);

    @Test void aSeedRepeatsItsCropsAndAnotherSeedDoesNot() {
        float[] a = crops.draw(2, FRAMES, new Random(5)), b = crops.draw(2, FRAMES, new Random(5)), c = crops.draw(2, FRAMES, new Random(6));
        assertEquals(2 * MELS * FRAMES, a.length);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        for (float v : a) assertTrue(v >= -1 && v <= 1, "normalised images lie in [-1, 1]: " + v);
    }

    /** 20 dB more noise is 20 dB more in every band; at 500 Hz the tilt changes nothing. */
    @Test void theLevelMovesEveryBandByTheSameDecibels() {
        int pivot = bandAt(500), high = bandAt(4000);
        for (double tilt : new double[] {0, -3, -6}) {
            float[] quiet = crops.one(FRAMES, -40, tilt, new Random(1)), loud = crops.one(FRAMES, -20, tilt, new Random(1));
            assertEquals(20, medianDb(loud, pivot) - medianDb(quiet, pivot), 0.01, "tilt " + tilt);
            assertEquals(20, medianDb(loud, high) - medianDb(quiet, high), 0.01, "tilt " + tilt);
        }
    }

    /** Brown noise (−6 dB per octave) against white: 4 kHz is three octaves above 500 Hz, so 18 dB lower relative to it. */
    @Test void theTiltLowersHighBandsByItsDecibelsPerOctave() {
        int pivot = bandAt(500), high = bandAt(4000);
        float[] white = crops.one(FRAMES, -30, 0, new Random(2)), brown = crops.one(FRAMES, -30, -6, new Random(2));
        assertEquals(0, medianDb(brown, pivot) - medianDb(white, pivot), 0.5);
        assertEquals(-18, (medianDb(brown, high) - medianDb(brown, pivot)) - (medianDb(white, high) - medianDb(white, pivot)), 1.0);
    }

    /** White noise has no pitch: no frame's loudest band stands 20 dB above the frame's mean over bands, as a strong harmonic does. */
    @Test void whiteNoiseFramesHaveNoPeakLikeATone() {
        float[] y = crops.one(FRAMES, -30, 0, new Random(3));
        for (int t = 0; t < FRAMES; t++) {
            double max = -1, mean = 0;
            for (int m = 0; m < MELS; m++) {
                max = Math.max(max, y[m * FRAMES + t]);
                mean += y[m * FRAMES + t] / MELS;
            }
            assertTrue((max - mean) * 50 < 20, "frame " + t + ": peak " + (max - mean) * 50 + " dB above the mean");
        }
    }
}
