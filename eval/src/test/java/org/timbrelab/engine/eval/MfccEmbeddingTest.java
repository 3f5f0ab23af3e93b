package org.timbrelab.engine.eval;

import org.junit.jupiter.api.Test;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MfccEmbeddingTest {
    private static final SpectrogramConfig CFG = SpectrogramConfig.DEFAULT;

    @Test void dctBasisIsOrthonormal() {
        double[][] m = MfccEmbedding.dctBasis(128, 128);
        for (int i = 0; i < 128; i += 7)
            for (int j = 0; j < 128; j += 5) {
                double dot = 0;
                for (int k = 0; k < 128; k++) dot += m[i][k] * m[j][k];
                assertEquals(i == j ? 1 : 0, dot, 1e-12, i + "," + j);
            }
    }

    @Test void flatSpectrumHasOnlyC0AndConstantFramesHaveZeroDeltas() {
        int frames = 20;
        float[] v = new float[CFG.nMels() * frames];
        Arrays.fill(v, 0.5f);                               // −25 dB everywhere
        List<double[]> e = MfccEmbedding.DEFAULT.frames(new Spectrogram(v, CFG.nMels(), frames, CFG));
        assertEquals(frames, e.size());
        double[] f = e.get(10);
        assertEquals(80, f.length);
        assertEquals(-25 * Math.sqrt(128), f[0], 1e-3);    // c0 = √(1/N)·Σ x = √N · x
        for (int k = 1; k < 80; k++) assertEquals(0, f[k], 1e-3, "coefficient " + k);
    }

    @Test void deltasFollowALinearRampInLevel() {
        // level rising 1 dB a frame in every band: c0 rises √N dB a frame, its delta is √N
        int frames = 30, bins = CFG.nMels();
        float[] v = new float[bins * frames];
        for (int b = 0; b < bins; b++) for (int t = 0; t < frames; t++) v[b * frames + t] = (float) ((-60 + t) / 50.0 + 1);
        List<double[]> e = MfccEmbedding.DEFAULT.frames(new Spectrogram(v, bins, frames, CFG));
        assertEquals(Math.sqrt(bins), e.get(15)[40], 1e-3);
    }

    @Test void silentFramesAreLeftOut() {
        float[] x = new float[16_000];
        for (int i = 8_000; i < x.length; i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
        Spectrogram s = new AudioTransform(CFG).forward(new AudioClip(x, 16_000));
        List<double[]> e = MfccEmbedding.DEFAULT.frames(s);
        assertTrue(e.size() > 25 && e.size() < 40, "kept " + e.size() + " of " + s.frames() + " frames");
    }

    @Test void anotherTakeOfOneTimbreIsCloserThanADifferentTimbre() {
        // the MFCC FAD's job: a re-rendering (other vibrato, other noise) of the same notes and
        // timbre is near, the same notes in a duller timbre are far
        AudioTransform t = new AudioTransform(CFG);
        MfccEmbedding m = MfccEmbedding.DEFAULT;
        List<double[]> takeA = new java.util.ArrayList<>(), takeB = new java.util.ArrayList<>(), dull = new java.util.ArrayList<>();
        for (double f0 : new double[] {196, 262, 330}) {
            takeA.addAll(m.frames(t.forward(tone(f0, 1.0, 5.0, 1))));
            takeB.addAll(m.frames(t.forward(tone(f0, 1.0, 5.7, 2))));
            dull.addAll(m.frames(t.forward(tone(f0, 2.5, 5.0, 3))));
        }
        double same = FrechetDistance.squared(takeA, takeB), different = FrechetDistance.squared(takeA, dull);
        assertTrue(different > 5 * same, "same " + same + " different " + different);
    }

    /** A harmonic tone with 1/h^rolloff amplitudes, 1 % vibrato at {@code vibratoHz} and a little noise. */
    private static AudioClip tone(double f0, double rolloff, double vibratoHz, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] x = new float[16_000 * 2];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            double f = f0 * (1 + 0.01 * Math.sin(2 * Math.PI * vibratoHz * i / 16_000.0));
            phase += 2 * Math.PI * f / 16_000;
            double s = 0;
            for (int h = 1; h * f0 < 7_500; h++) s += Math.sin(h * phase) / Math.pow(h, rolloff);
            x[i] = (float) (0.2 * s + 0.001 * r.nextGaussian());
        }
        return new AudioClip(x, 16_000);
    }
}
