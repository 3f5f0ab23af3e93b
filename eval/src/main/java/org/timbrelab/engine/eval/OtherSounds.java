package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.Spectrogram;

import java.util.Random;

/**
 * Examples of the classifier's "other" class: sounds a broken conversion tends to produce and
 * that must not count as an instrument — white and pink noise, sawtooth and pulse drones, and
 * speech whose spectrogram was smeared in time or frequency or shuffled in blocks.
 */
public final class OtherSounds {
    private OtherSounds() { }

    /** Peak level of generated audio. */
    private static final double PEAK = 0.5;

    public static AudioClip whiteNoise(double seconds, int rate, Random rnd) {
        float[] x = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (rnd.nextGaussian() * PEAK / 3);
        return new AudioClip(x, rate);
    }

    /** Pink (1/f) noise by Paul Kellet's economy filter on white noise. */
    public static AudioClip pinkNoise(double seconds, int rate, Random rnd) {
        float[] x = new float[(int) Math.round(seconds * rate)];
        double b0 = 0, b1 = 0, b2 = 0;
        for (int i = 0; i < x.length; i++) {
            double w = rnd.nextGaussian();
            b0 = 0.99765 * b0 + w * 0.0990460;
            b1 = 0.96300 * b1 + w * 0.2965164;
            b2 = 0.57000 * b2 + w * 1.0526913;
            x[i] = (float) (b0 + b1 + b2 + w * 0.1848);
        }
        return normalise(x, rate);
    }

    /**
     * A band-limited sawtooth drone at {@code f0} (additive, harmonics below Nyquist), with a
     * slow random drift of a few cents so it is not a perfectly static tone.
     */
    public static AudioClip sawtoothDrone(double f0, double seconds, int rate, Random rnd) {
        return additive(f0, seconds, rate, rnd, h -> 1.0 / h);
    }

    /** A buzz: pulse-train-like spectrum (all harmonics equally loud, odd ones louder). */
    public static AudioClip pulseBuzz(double f0, double seconds, int rate, Random rnd) {
        return additive(f0, seconds, rate, rnd, h -> h % 2 == 1 ? 1.0 : 0.5);
    }

    private interface Amplitude { double of(int harmonic); }

    private static AudioClip additive(double f0, double seconds, int rate, Random rnd, Amplitude amp) {
        float[] x = new float[(int) Math.round(seconds * rate)];
        double driftCents = 10 * rnd.nextDouble(), driftHz = 0.1 + 0.3 * rnd.nextDouble();
        double phase = 0;
        int harmonics = (int) Math.floor((rate / 2.0 - 1) / (f0 * Math.pow(2, driftCents / 1200)));
        double[] ph = new double[harmonics + 1];
        for (int i = 0; i < x.length; i++) {
            double f = f0 * Math.pow(2, driftCents / 1200 * Math.sin(2 * Math.PI * driftHz * i / rate));
            phase += 2 * Math.PI * f / rate;
            double s = 0;
            for (int h = 1; h <= harmonics; h++) s += amp.of(h) * Math.sin(h * phase + ph[h]);
            x[i] = (float) s;
        }
        return normalise(x, rate);
    }

    private static AudioClip normalise(float[] x, int rate) {
        double peak = 1e-9;
        for (float v : x) peak = Math.max(peak, Math.abs(v));
        for (int i = 0; i < x.length; i++) x[i] = (float) (x[i] * PEAK / peak);
        return new AudioClip(x, rate);
    }

    /** Moving average over ±{@code radius} frames: speech whose articulation is blurred away. */
    public static Spectrogram smearTime(Spectrogram s, int radius) {
        float[] v = new float[s.values().length];
        int frames = s.frames();
        for (int b = 0; b < s.bins(); b++)
            for (int t = 0; t < frames; t++) {
                double sum = 0;
                int n = 0;
                for (int u = Math.max(0, t - radius); u <= Math.min(frames - 1, t + radius); u++) { sum += s.get(b, u); n++; }
                v[b * frames + t] = (float) (sum / n);
            }
        return new Spectrogram(v, s.bins(), frames, s.config());
    }

    /** Moving average over ±{@code radius} mel bins: harmonics smeared into a formant haze. */
    public static Spectrogram smearFrequency(Spectrogram s, int radius) {
        float[] v = new float[s.values().length];
        int frames = s.frames();
        for (int b = 0; b < s.bins(); b++)
            for (int t = 0; t < frames; t++) {
                double sum = 0;
                int n = 0;
                for (int c = Math.max(0, b - radius); c <= Math.min(s.bins() - 1, b + radius); c++) { sum += s.get(c, t); n++; }
                v[b * frames + t] = (float) (sum / n);
            }
        return new Spectrogram(v, s.bins(), frames, s.config());
    }

    /** Blocks of {@code block} frames in random order: garbled, vocoder-like speech. */
    public static Spectrogram shuffleBlocks(Spectrogram s, int block, Random rnd) {
        int frames = s.frames(), blocks = frames / block;
        int[] order = new int[blocks];
        for (int i = 0; i < blocks; i++) order[i] = i;
        for (int i = blocks - 1; i > 0; i--) { int j = rnd.nextInt(i + 1); int t = order[i]; order[i] = order[j]; order[j] = t; }
        float[] v = s.values().clone();
        for (int i = 0; i < blocks; i++)
            for (int b = 0; b < s.bins(); b++)
                System.arraycopy(s.values(), b * frames + order[i] * block, v, b * frames + i * block, block);
        return new Spectrogram(v, s.bins(), frames, s.config());
    }
}
