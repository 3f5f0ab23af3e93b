package org.timbrelab.dsp;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static double levelDb(float[] x) {
        int edge = x.length / 10;   // ignore the filter's ramp at both ends
        return 20 * Math.log10(Signals.rms(x, edge, x.length - edge) + 1e-30);
    }

    @Test void resamplerPassesOneKilohertzWithinATenthOfADb() {
        float[] in = Signals.sine(1000, 0.5, 44100, 44100);
        float[] out = new Resampler(44100, 16000).process(in);
        assertEquals(levelDb(in), levelDb(out), 0.1);
    }

    @Test void resamplerRemovesTwelveKilohertzByMoreThanSixtyDb() {
        float[] in = Signals.sine(12000, 0.5, 44100, 44100);
        float[] out = new Resampler(44100, 16000).process(in);
        double attenuation = levelDb(in) - levelDb(out);
        assertTrue(attenuation > 60, "12 kHz attenuated by only " + attenuation + " dB");
    }

    @Test void outputIsTheSineAtTheNewRate() {
        // 44.1 k → 16 k and 16 k → 44.1 k: sample-by-sample against the analytic sine
        for (int[] r : new int[][]{{44100, 16000}, {16000, 44100}, {48000, 16000}}) {
            float[] in = Signals.sine(440, 0.5, r[0], r[0]);
            float[] out = new Resampler(r[0], r[1]).process(in);
            float[] expected = Signals.sine(440, 0.5, r[1], out.length);
            double maxErr = 0;
            for (int i = r[1] / 10; i < out.length - r[1] / 10; i++) maxErr = Math.max(maxErr, Math.abs(out[i] - expected[i]));
            assertTrue(maxErr < 1e-3, r[0] + "->" + r[1] + " max error " + maxErr);
        }
    }

    @Test void unusualRatesUseTheInterpolatedKernelAndStillWork() {
        float[] in = Signals.sine(1000, 0.5, 44100, 44100);
        float[] out = new Resampler(44100, 16001).process(in);   // L = 16001 > MAX_PHASES
        assertEquals(levelDb(in), levelDb(out), 0.1);
        float[] hi = new Resampler(44100, 16001).process(Signals.sine(12000, 0.5, 44100, 44100));
        assertTrue(levelDb(in) - levelDb(hi) > 60);
    }

    @Test void outputLengthIsCeilOfScaledLength() {
        Resampler r = new Resampler(44100, 16000);
        assertEquals(16000, r.outputLength(44100));
        assertEquals(1, r.outputLength(1));
        assertEquals(0, r.process(new float[0]).length);
        assertSame(r.getClass(), Resampler.class);
        AudioClip c = new AudioClip(new float[5], 16000);
        assertSame(c, Resampler.resample(c, 16000));
    }

    @Test void anyRangeFromItsInputSliceEqualsTheWholeSignal() {
        // polyphase (44.1 k → 16 k, 16 k → 48 k) and the dense table of unusual rates (44,099 → 16 k)
        for (int[] r : new int[][]{{44100, 16000}, {16000, 48000}, {44099, 16000}}) {
            Resampler rs = new Resampler(r[0], r[1]);
            float[] in = Signals.noise(11, 0.5, 3 * r[0] + 17);
            float[] whole = rs.process(in);
            for (long[] range : new long[][]{{0, 1000}, {12345, 20000}, {whole.length - 777, whole.length}}) {
                long[] need = rs.inputRange(range[0], range[1], in.length);
                float[] slice = java.util.Arrays.copyOfRange(in, (int) need[0], (int) need[1]);
                float[] part = rs.processRange(slice, need[0], in.length, range[0], range[1]);
                assertArrayEquals(java.util.Arrays.copyOfRange(whole, (int) range[0], (int) range[1]), part,
                        r[0] + " -> " + r[1] + " range " + range[0] + ".." + range[1]);
            }
        }
    }
}
