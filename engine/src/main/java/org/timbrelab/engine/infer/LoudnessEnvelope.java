package org.timbrelab.engine.infer;

import org.timbrelab.dsp.AudioClip;

/**
 * Makes a converted clip follow the input's loudness over time (a clip-level gain leaves loudness correlation near 0.9; docs/ARCHITECTURE.md, "Measured facts the code relies on"): both clips' RMS
 * is measured in frames of 2·hop every hop samples, the output is multiplied by the ratio
 * (interpolated between frame centres, at most {@link #MAX_GAIN}), and the result is kept below
 * full scale. The output keeps the input's length.
 */
public final class LoudnessEnvelope {
    /** Largest boost (+20 dB), so a model that outputs near-silence is not turned into loud noise. */
    public static final float MAX_GAIN = 10f;
    private static final double FLOOR = 1e-5; // −100 dBFS

    private LoudnessEnvelope() { }

    /**
     * The output at the input's length and overall level (RMS over the whole clip), kept below full scale: a clip-level
     * gain, no envelope. The default delivery: the envelope step gates the output into the input's syllables, and a
     * played phrase that stops at every consonant is heard as speech (docs/study-reference.md).
     */
    public static AudioClip matchLevel(AudioClip input, AudioClip output) {
        float[] out = atInputLength(input, output);
        double in = rms(input.samples()), got = rms(out);
        float gain = got > FLOOR ? (float) Math.min(MAX_GAIN, in / got) : 1f;
        for (int n = 0; n < out.length; n++) out[n] *= gain;
        return belowFullScale(out, input.sampleRate());
    }

    public static AudioClip apply(AudioClip input, AudioClip output, int hop) {
        float[] out = atInputLength(input, output);
        double[] in = frameRms(input.samples(), hop);
        double[] got = frameRms(out, hop);
        float[] gain = new float[in.length];
        for (int i = 0; i < gain.length; i++) gain[i] = (float) Math.min(MAX_GAIN, (in[i] + FLOOR) / (got[i] + FLOOR));
        for (int n = 0; n < out.length; n++) {
            double pos = n / (double) hop;
            int i = Math.min(gain.length - 1, (int) pos);
            int j = Math.min(gain.length - 1, i + 1);
            double f = pos - i;
            out[n] *= (float) ((1 - f) * gain[i] + f * gain[j]);
        }
        return belowFullScale(out, input.sampleRate());
    }

    /** The output's samples cut or zero-padded to the input's length (a copy). */
    private static float[] atInputLength(AudioClip input, AudioClip output) {
        float[] out = new float[input.length()];
        System.arraycopy(output.samples(), 0, out, 0, Math.min(out.length, output.length()));
        return out;
    }

    /** Scaled down (in place) so the peak stays at or under 0.99 when it was above. */
    private static AudioClip belowFullScale(float[] out, int rate) {
        float peak = 0;
        for (float v : out) peak = Math.max(peak, Math.abs(v));
        if (peak > 0.99f) for (int n = 0; n < out.length; n++) out[n] *= 0.99f / peak;
        return new AudioClip(out, rate);
    }

    private static double rms(float[] x) {
        double s = 0;
        for (float v : x) s += (double) v * v;
        return x.length == 0 ? 0 : Math.sqrt(s / x.length);
    }

    /** RMS of samples [i·hop − hop, i·hop + hop) for frames i = 0 … len/hop. */
    static double[] frameRms(float[] x, int hop) {
        int frames = 1 + x.length / hop;
        double[] prefix = new double[x.length + 1];
        for (int n = 0; n < x.length; n++) prefix[n + 1] = prefix[n] + (double) x[n] * x[n];
        double[] rms = new double[frames];
        for (int i = 0; i < frames; i++) {
            int a = Math.max(0, i * hop - hop), b = Math.min(x.length, i * hop + hop);
            rms[i] = b > a ? Math.sqrt((prefix[b] - prefix[a]) / (2.0 * hop)) : 0;
        }
        return rms;
    }
}
