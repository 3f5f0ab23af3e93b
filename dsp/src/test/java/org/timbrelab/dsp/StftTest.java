package org.timbrelab.dsp;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class StftTest {

    private final Stft stft = Stft.of(SpectrogramConfig.DEFAULT);

    @Test void sineOf440HzPeaksAtItsBinWithinOnePercent() {
        MagnitudeSpectrogram m = stft.magnitude(new AudioClip(Signals.sine(440, 0.5, 16000, 16000), 16000));
        int frame = m.frames() / 2, best = 0;
        for (int b = 1; b < m.bins(); b++) if (m.get(b, frame) > m.get(best, frame)) best = b;
        assertEquals(440, m.binHz(best), 4.4);
        assertEquals(28, best);   // 440 / 15.625 = 28.16
    }

    @Test void framesAreCentredAndCountOnePlusLengthOverHop() {
        assertEquals(1 + 16000 / 256, stft.frames(16000));
        assertEquals(1, stft.frames(100));
        // an impulse at sample 2560 = frame 10's centre: frame 10 has a flat magnitude = window peak
        float[] x = new float[8000];
        x[2560] = 1;
        MagnitudeSpectrogram m = stft.magnitude(new AudioClip(x, 16000));
        for (int b = 0; b < m.bins(); b += 37) assertEquals(1.0, m.get(b, 10), 1e-6);
    }

    @Test void matchesADirectDftIncludingReflectPaddingAtTheStart() {
        float[] x = Signals.noise(7, 0.5, 3000);
        ComplexSpectrogram c = stft.forward(x);
        float[] w = stft.window();
        for (int t : new int[]{0, 1, 5}) {
            for (int k : new int[]{0, 1, 17, 300, 512}) {
                double re = 0, im = 0;
                for (int j = 0; j < 1024; j++) {
                    int i = t * 256 - 512 + j;
                    int src = i < 0 ? -i : i;                        // numpy 'reflect'
                    double v = x[src] * w[j];
                    re += v * Math.cos(2 * Math.PI * k * j / 1024);
                    im -= v * Math.sin(2 * Math.PI * k * j / 1024);
                }
                assertEquals(re, c.re(k, t), 1e-3, "re frame " + t + " bin " + k);
                assertEquals(im, c.im(k, t), 1e-3, "im frame " + t + " bin " + k);
            }
        }
    }

    @Test void istftReconstructsTheSignalWithinOneInHundredThousand() {
        float[] x = Signals.noise(3, 0.9, 16000 + 123);
        float[] y = new Istft(stft).inverse(stft.forward(x), x.length);
        double maxErr = 0;
        for (int i = 0; i < x.length; i++) maxErr = Math.max(maxErr, Math.abs(x[i] - y[i]));
        assertTrue(maxErr < 1e-5, "max reconstruction error " + maxErr);
    }

    @Test void istftReconstructsWithAShorterWindowAndOtherHop() {
        Stft s = new Stft(512, 400, 100);
        float[] x = Signals.noise(4, 0.5, 5000);
        float[] y = new Istft(s).inverse(s.forward(x), x.length);
        for (int i = 0; i < x.length; i++) assertEquals(x[i], y[i], 1e-5);
    }

    @Test void periodicHannIsPeriodic() {
        float[] w = Stft.hann(8, 8);
        assertEquals(0f, w[0]);
        assertEquals(1f, w[4], 1e-7);
        assertEquals(w[1], w[7], 1e-7);   // periodic: w[n] = w[N - n]
    }
}
