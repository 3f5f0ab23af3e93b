package org.timbrelab.engine.eval;

import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.Random;

/**
 * Log-mel images of known sounds drawn directly (no STFT), so classifier tests do not depend on
 * the audio transform: partials are Gaussian bumps at the Slaney-mel position of their frequency.
 */
final class SyntheticSpectrograms {
    private SyntheticSpectrograms() { }

    static final SpectrogramConfig CONFIG = SpectrogramConfig.DEFAULT;

    /** Slaney mel (linear below 1 kHz, logarithmic above), as librosa's htk=False. */
    static double hzToMel(double f) {
        double fSp = 200.0 / 3, minLogHz = 1000, minLogMel = minLogHz / fSp, logStep = Math.log(6.4) / 27;
        return f < minLogHz ? f / fSp : minLogMel + Math.log(f / minLogHz) / logStep;
    }

    /** Fractional mel-bin index of a frequency for the config's band layout. */
    static double melBin(double f) {
        double lo = hzToMel(CONFIG.fMin()), hi = hzToMel(CONFIG.fMax());
        return (hzToMel(f) - lo) / (hi - lo) * (CONFIG.nMels() + 1) - 1;
    }

    /**
     * Harmonic tone: partial h at h·f0 with level {@code -20 - slopeDb·log2(h)} dB, up to
     * {@code maxHarmonic}; vibrato of {@code vibratoCents}; noise floor at {@code floorDb}.
     */
    static Spectrogram harmonic(double f0, int maxHarmonic, double slopeDb, double vibratoCents, double floorDb,
                                int frames, Random rnd) {
        int bins = CONFIG.nMels();
        double[][] db = new double[frames][bins];
        for (int t = 0; t < frames; t++) {
            double f = f0 * Math.pow(2, vibratoCents / 1200 * Math.sin(2 * Math.PI * 5.5 * t / CONFIG.framesPerSecond()));
            for (int b = 0; b < bins; b++) db[t][b] = floorDb + 3 * rnd.nextGaussian();
            for (int h = 1; h <= maxHarmonic && h * f < CONFIG.fMax(); h++) {
                double level = -20 - slopeDb * Math.log(h) / Math.log(2) + rnd.nextGaussian();
                double centre = melBin(h * f);
                for (int b = Math.max(0, (int) centre - 3); b <= Math.min(bins - 1, (int) centre + 3); b++) {
                    double d = (b - centre) / 0.8;
                    db[t][b] = Math.max(db[t][b], level - 20 * d * d);
                }
            }
        }
        return image(db);
    }

    /** Broadband noise at {@code levelDb} ± a few dB, tilted by {@code tiltDb} from low to high bins. */
    static Spectrogram noise(double levelDb, double tiltDb, int frames, Random rnd) {
        int bins = CONFIG.nMels();
        double[][] db = new double[frames][bins];
        for (int t = 0; t < frames; t++)
            for (int b = 0; b < bins; b++) db[t][b] = levelDb + tiltDb * b / bins + 4 * rnd.nextGaussian();
        return image(db);
    }

    /** dB (frame-major) → normalised bin-major spectrogram, clipped to [minDb, 0]. */
    static Spectrogram image(double[][] db) {
        int frames = db.length, bins = db[0].length;
        float[] v = new float[bins * frames];
        double half = -CONFIG.minDb() / 2;
        for (int t = 0; t < frames; t++)
            for (int b = 0; b < bins; b++) {
                double d = Math.max(CONFIG.minDb(), Math.min(0, db[t][b]));
                v[b * frames + t] = (float) (d / half + 1);
            }
        return new Spectrogram(v, bins, frames, CONFIG);
    }
}
