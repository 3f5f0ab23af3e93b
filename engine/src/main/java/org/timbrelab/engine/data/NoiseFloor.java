package org.timbrelab.engine.data;

import org.timbrelab.dsp.MelScale;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.List;
import java.util.Random;

/**
 * A recording's noise floor added to training crops of normalised log-mel images (values y = dB/50 + 1 for the default
 * −100 dB floor, {@code AudioTransform.normalise}). Speech rendered by a TTS engine is silent between and under its
 * words; a real recording never is: room, microphone and line noise sit 30–60 dB under the voice. A model trained only
 * on the silent kind meets that floor first in a user's recording, and what it makes of it there is what a listener
 * hears in every pause (docs/study-reference.md, section 19).
 *
 * <p>Per crop, with probability {@code share}: a stationary noise whose mel magnitude at 500 Hz lies
 * {@code belowPeak[0]}…{@code belowPeak[1]} dB (uniform) under the crop's loudest value, tilted by 0 to −6 dB per
 * octave (white to brown), and fluctuating from frame to frame as noise does: a band that sums K FFT bins of noise
 * varies by about 4.5/√K dB. Noise and crop add as powers. Values are clipped to [-1, 1] as every image is.
 *
 * @param belowPeak the noise level's range under the crop's loudest mel value, in dB ({@code [30, 60]})
 * @param share     the fraction of crops that get a floor (0…1)
 */
public record NoiseFloor(List<Double> belowPeak, double share) {

    public NoiseFloor {
        if (belowPeak == null || belowPeak.size() != 2 || !(belowPeak.get(0) >= 0) || !(belowPeak.get(1) >= belowPeak.get(0)))
            throw new IllegalArgumentException("noise.belowPeak must be two dB values [low, high] with 0 <= low <= high, e.g. [30, 60]; got " + belowPeak);
        if (!(share >= 0 && share <= 1)) throw new IllegalArgumentException("noise.share must be in [0, 1], got " + share);
        belowPeak = List.copyOf(belowPeak);
    }

    /** No floor: a domain's crops as they are (a config without {@code noise}). */
    public static final NoiseFloor NONE = new NoiseFloor(List.of(0.0, 0.0), 0);

    /** True if some crops get a floor. */
    public boolean isOn() { return share > 0; }

    /** The steepest tilt drawn, in dB per octave (brown noise); 0 is white. */
    static final double STEEPEST_TILT_DB = -6;
    /** Frequency the level and the tilt refer to. */
    static final double PIVOT_HZ = 500;
    /** dB standard deviation of one FFT bin's noise magnitude (Rayleigh: coefficient of variation 0.52). */
    static final double ONE_BIN_SPREAD_DB = 4.5;

    /**
     * Adds a floor to each of {@code count} crops of {@code mels} × {@code frames} values stored one after another from
     * {@code offset} (row-major per crop: band, then frame), each with probability {@link #share}; draws from
     * {@code rnd} only.
     */
    public void apply(float[] images, int offset, int count, int mels, int frames, SpectrogramConfig config, Random rnd) {
        Bands bands = BANDS.computeIfAbsent(config, Bands::of);
        if (bands.pivot.length != mels) throw new IllegalArgumentException("images have " + mels + " bands, the config " + bands.pivot.length);
        double unit = -config.minDb() / 2; // dB per normalised unit
        for (int c = 0; c < count; c++) {
            if (rnd.nextDouble() >= share) continue;
            int from = offset + c * mels * frames, to = from + mels * frames;
            float peak = -1f;
            for (int i = from; i < to; i++) peak = Math.max(peak, images[i]);
            if (peak <= -1f) continue; // all floor (padding): nothing for a noise to sit under
            double levelDb = (peak - 1) * unit - (belowPeak.get(0) + rnd.nextDouble() * (belowPeak.get(1) - belowPeak.get(0)));
            double tilt = rnd.nextDouble() * STEEPEST_TILT_DB;
            for (int m = 0; m < mels; m++) {
                double bandDb = levelDb + tilt * bands.pivot[m];
                for (int t = 0, i = from + m * frames; t < frames; t++, i++) {
                    double noiseDb = bandDb + bands.spreadDb[m] * rnd.nextGaussian();
                    double y = images[i];
                    double powerSum = Math.pow(10, (y - 1) * unit / 10) + Math.pow(10, noiseDb / 10); // magnitude² of each
                    images[i] = (float) Math.max(-1, Math.min(1, 10 * Math.log10(powerSum) / unit + 1));
                }
            }
        }
    }

    /** Per config, its bands: a filterbank is built once, not on every training step. */
    private static final java.util.Map<SpectrogramConfig, Bands> BANDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Per band: octaves of its centre above {@link #PIVOT_HZ}, and the noise's spread in dB from its FFT-bin count. */
    private record Bands(double[] pivot, double[] spreadDb) {
        static Bands of(SpectrogramConfig config) {
            MelScale scale = MelScale.of(config);
            double[] centres = MelScale.melFrequencies(config.nMels() + 2, config.fMin(), config.fMax(), MelScale.Scale.of(config.melScale()));
            double[] pivot = new double[config.nMels()], spread = new double[config.nMels()];
            for (int m = 0; m < pivot.length; m++) {
                pivot[m] = Math.log(centres[m + 1] / PIVOT_HZ) / Math.log(2);
                spread[m] = ONE_BIN_SPREAD_DB / Math.sqrt(Math.max(1, scale.binCount(m) / 2.0)); // a triangle weighs about half its bins
            }
            return new Bands(pivot, spread);
        }
    }
}
