package org.timbrelab.dsp;

import java.util.Random;

/** Generated signals with known answers, shared by the dsp tests of the analysis helpers. */
final class TestSignals {
    static final int RATE = 16_000;

    private TestSignals() { }

    static AudioClip sine(double hz, double amplitude, double seconds) {
        float[] x = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        return new AudioClip(x, RATE);
    }

    /** Sum of harmonics h = 1..count with amplitude 1/h, random phases, peak about {@code peak}. */
    static AudioClip harmonicTone(double f0, int count, double peak, double seconds, long seed) {
        Random rnd = new Random(seed);
        double[] phase = new double[count + 1];
        for (int h = 1; h <= count; h++) phase[h] = rnd.nextDouble() * 2 * Math.PI;
        float[] x = new float[(int) Math.round(seconds * RATE)];
        double max = 0;
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int h = 1; h <= count && h * f0 < RATE / 2.0; h++) s += Math.sin(2 * Math.PI * h * f0 * i / RATE + phase[h]) / h;
            y[i] = s;
            max = Math.max(max, Math.abs(s));
        }
        for (int i = 0; i < x.length; i++) x[i] = (float) (peak * y[i] / max);
        return new AudioClip(x, RATE);
    }

    /** Exponential glide from f1 to f2 Hz over the clip; instantaneous frequency f1·(f2/f1)^(t/T). */
    static AudioClip glide(double f1, double f2, double amplitude, double seconds) {
        float[] x = new float[(int) Math.round(seconds * RATE)];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(phase));
            phase += 2 * Math.PI * glideFrequency(f1, f2, seconds, i / (double) RATE) / RATE;
        }
        return new AudioClip(x, RATE);
    }

    static double glideFrequency(double f1, double f2, double seconds, double t) {
        return f1 * Math.pow(f2 / f1, t / seconds);
    }

    static AudioClip whiteNoise(double rms, double seconds, long seed) {
        Random rnd = new Random(seed);
        float[] x = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (rms * rnd.nextGaussian());
        return new AudioClip(x, RATE);
    }

    static AudioClip silence(double seconds) {
        return new AudioClip(new float[(int) Math.round(seconds * RATE)], RATE);
    }

    /** The given signals one after another, as one 16-kHz clip. */
    static AudioClip concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) n += p.length;
        float[] x = new float[n];
        int at = 0;
        for (float[] p : parts) { System.arraycopy(p, 0, x, at, p.length); at += p.length; }
        return new AudioClip(x, 16000);
    }
}
