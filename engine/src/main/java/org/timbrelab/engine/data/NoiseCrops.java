package org.timbrelab.engine.data;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.MagnitudeSpectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.Random;

/**
 * Crops of pure noise as the model's input sees them: stationary Gaussian noise at an RMS level drawn from
 * {@link #QUIETEST_DBFS}…{@link #LOUDEST_DBFS}, tilted by 0 to −6 dB per octave about 500 Hz (white to brown), through
 * the same STFT → mel → normalised log as every clip. Noise has no pitch, so a transfer of it should have no tone: the
 * {@code noiseToneless} term asks that of each generator it is on for (docs/ARCHITECTURE.md, "The training step").
 * Unlike {@link NoiseFloor}, which puts a floor under a crop of speech, these crops are noise alone, as a user's
 * recording is between sentences, or when a fan or a street is all the microphone hears.
 */
public final class NoiseCrops {
    /** Quietest RMS level drawn, dBFS: a quiet room through a laptop microphone. */
    public static final double QUIETEST_DBFS = -55;
    /** Loudest RMS level drawn, dBFS: noise as loud as speech. */
    public static final double LOUDEST_DBFS = -12;
    /** The steepest tilt drawn, dB per octave (brown noise); 0 is white. */
    static final double STEEPEST_TILT_DB = -6;
    private static final double PIVOT_HZ = 500;

    private final AudioTransform transform;

    public NoiseCrops(SpectrogramConfig config) {
        this.transform = new AudioTransform(config);
    }

    /**
     * {@code count} noise crops of {@code frames} frames, one after another, each bin-major (mel, frame) as
     * {@link org.timbrelab.dsp.Spectrogram}; draws from {@code rnd} only.
     */
    public float[] draw(int count, int frames, Random rnd) {
        SpectrogramConfig c = transform.config();
        int mels = c.nMels();
        float[] out = new float[count * mels * frames];
        for (int i = 0; i < count; i++) {
            float[] crop = one(frames, rnd);
            System.arraycopy(crop, 0, out, i * mels * frames, mels * frames);
        }
        return out;
    }

    /** One crop: {@code frames} frames, bin-major, at a level and tilt drawn from {@code rnd}. */
    float[] one(int frames, Random rnd) {
        double rmsDbfs = QUIETEST_DBFS + rnd.nextDouble() * (LOUDEST_DBFS - QUIETEST_DBFS);
        return one(frames, rmsDbfs, rnd.nextDouble() * STEEPEST_TILT_DB, rnd);
    }

    /** One crop of white noise at {@code rmsDbfs}, tilted by {@code tiltDb} per octave about 500 Hz. */
    float[] one(int frames, double rmsDbfs, double tilt, Random rnd) {
        SpectrogramConfig c = transform.config();
        double rms = Math.pow(10, rmsDbfs / 20);
        float[] samples = new float[(frames - 1) * c.hopLength()];
        for (int n = 0; n < samples.length; n++) samples[n] = (float) (rms * rnd.nextGaussian());
        MagnitudeSpectrogram m = transform.magnitude(new AudioClip(samples, c.sampleRate()));
        float[] v = m.values().clone(); // frame-major: frame * bins + bin
        for (int b = 0; b < m.bins(); b++) {
            double hz = Math.max(m.binHz(b), 20); // the DC bin tilted as 20 Hz, not without end
            float g = (float) Math.pow(hz / PIVOT_HZ, tilt / (20 * Math.log10(2)));
            for (int t = 0; t < m.frames(); t++) v[t * m.bins() + b] *= g;
        }
        MagnitudeSpectrogram tilted = new MagnitudeSpectrogram(v, m.frames(), m.bins(), m.sampleRate(), m.nFft(), m.hopLength());
        float[] image = transform.toSpectrogram(tilted).values();
        if (image.length != c.nMels() * frames)
            throw new IllegalStateException("noise crop has " + image.length / c.nMels() + " frames, wanted " + frames);
        return image;
    }
}
