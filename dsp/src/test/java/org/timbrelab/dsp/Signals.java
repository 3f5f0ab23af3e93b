package org.timbrelab.dsp;

import java.util.Random;

/** Test signals with known content. */
final class Signals {
    private Signals() { }

    static float[] sine(double hz, double amplitude, int rate, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        return x;
    }

    static float[] noise(long seed, double amplitude, int n) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (amplitude * (2 * r.nextDouble() - 1));
        return x;
    }

    /**
     * A harmonic tone: f0 with {@code harmonics} partials of amplitude 1/h, a slow vibrato
     * (5 Hz, ±1 %) and a smooth attack/decay envelope; peak around 0.5.
     */
    static float[] harmonic(double f0, int harmonics, int rate, int n) {
        float[] x = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double f = f0 * (1 + 0.01 * Math.sin(2 * Math.PI * 5 * i / rate));
            phase += 2 * Math.PI * f / rate;
            double s = 0;
            for (int h = 1; h <= harmonics && h * f < rate / 2.0; h++) s += Math.sin(h * phase) / h;
            double env = Math.min(1, i / (0.05 * rate)) * Math.min(1, (n - i) / (0.1 * rate));
            x[i] = (float) (0.3 * env * s);
        }
        return x;
    }

    static double rms(float[] x, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) e += (double) x[i] * x[i];
        return Math.sqrt(e / (to - from));
    }
}
