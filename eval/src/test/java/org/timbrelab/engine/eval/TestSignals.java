package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;

import java.util.Random;

/**
 * Generated audio of known kinds for listener tests: a speech-like buzz (gliding pitch, moving
 * formants, syllables with gaps and noise bursts between them) and a bowed-string-like legato
 * line (sawtooth notes with vibrato through a fixed body resonance).
 */
final class TestSignals {
    private TestSignals() { }

    static final int RATE = 16_000;

    /** Vowel targets (F1, F2, F3 in Hz). */
    private static final double[][] VOWELS = {{730, 1090, 2440}, {270, 2290, 3010}, {530, 1840, 2480},
            {570, 840, 2410}, {300, 870, 2240}, {660, 1720, 2410}};

    /** Speech-like: syllables of 0.15–0.3 s with moving formants, 50–150 ms gaps, a noise burst before each syllable. */
    static AudioClip speechLike(double f0, double seconds, Random rnd) {
        int n = (int) (seconds * RATE);
        float[] x = new float[n];
        double phase = 0;
        int i = 0;
        double[] from = VOWELS[rnd.nextInt(VOWELS.length)];
        while (i < n) {
            int gap = (int) ((0.05 + 0.1 * rnd.nextDouble()) * RATE), burst = (int) (0.03 * RATE);
            for (int j = 0; j < burst && i + gap - burst + j < n; j++)      // a consonant just before the vowel
                if (i + gap - burst + j >= i) x[i + gap - burst + j] += (float) (0.08 * rnd.nextGaussian());
            i += gap;
            double[] to = VOWELS[rnd.nextInt(VOWELS.length)];
            int len = (int) ((0.15 + 0.15 * rnd.nextDouble()) * RATE);
            double glide = rnd.nextGaussian() * 0.15;
            for (int j = 0; j < len && i < n; j++, i++) {
                double u = j / (double) len;
                double f = f0 * Math.pow(2, glide * (u - 0.5));
                phase += 2 * Math.PI * f / RATE;
                double s = 0;
                for (int h = 1; h * f < 7500; h++) {
                    double fh = h * f, g = 0;
                    for (int k = 0; k < 3; k++) {
                        double fk = from[k] + (to[k] - from[k]) * u, d = (fh - fk) / (80 + 40 * k);
                        g += 1 / (1 + d * d) / (k + 1);
                    }
                    s += g * Math.sin(h * phase) / h;
                }
                x[i] += (float) (0.3 * Math.sin(Math.PI * u) * s);
            }
            from = to;
        }
        return normalise(x, 0.5);
    }

    /** Bowed-like: legato notes of 0.3–0.8 s near {@code f0}, 5.5-Hz vibrato, sawtooth through a fixed resonance near 2.5 kHz. */
    static AudioClip bowedLike(double f0, double seconds, Random rnd) {
        int n = (int) (seconds * RATE);
        float[] x = new float[n];
        double phase = 0, note = f0;
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (i == next) {
                note = f0 * Math.pow(2, (rnd.nextInt(9) - 4) / 12.0);
                next = i + (int) ((0.3 + 0.5 * rnd.nextDouble()) * RATE);
            }
            double f = note * Math.pow(2, 0.3 / 12 * Math.sin(2 * Math.PI * 5.5 * i / RATE));
            phase += 2 * Math.PI * f / RATE;
            double s = 0;
            for (int h = 1; h * f < 7500; h++) {
                double d = (h * f - 2500) / 600, body = 0.3 + 1 / (1 + d * d);
                s += body * Math.sin(h * phase) / h;
            }
            x[i] = (float) s;
        }
        return normalise(x, 0.5);
    }

    static AudioClip scaled(AudioClip c, double gain) {
        float[] x = c.samples().clone();
        for (int i = 0; i < x.length; i++) x[i] *= (float) gain;
        return new AudioClip(x, c.sampleRate());
    }

    private static AudioClip normalise(float[] x, double peak) {
        double m = 1e-9;
        for (float v : x) m = Math.max(m, Math.abs(v));
        for (int i = 0; i < x.length; i++) x[i] = (float) (x[i] * peak / m);
        return new AudioClip(x, RATE);
    }
}
