package org.timbrelab.dsp;

/**
 * Spectral convergence ‖|S_ref| − |S_est|‖_F / ‖|S_ref|‖_F in dB (lower is better; −∞ for a
 * perfect match): the usual score of phase reconstruction, compared on STFT magnitudes.
 */
public final class SpectralConvergence {

    private SpectralConvergence() { }

    /** Over the frames both have (a reconstruction can be a frame shorter or longer). */
    public static double db(MagnitudeSpectrogram reference, MagnitudeSpectrogram estimate) {
        if (reference.bins() != estimate.bins()) throw new IllegalArgumentException("bin counts differ: " + reference.bins() + " vs " + estimate.bins());
        int n = Math.min(reference.frames(), estimate.frames()) * reference.bins();
        float[] r = reference.values(), e = estimate.values();
        double num = 0, den = 0;
        for (int i = 0; i < n; i++) {
            double d = r[i] - e[i];
            num += d * d;
            den += (double) r[i] * r[i];
        }
        return 10 * Math.log10(num / den);
    }

    /** Of clip {@code estimate} against clip {@code reference}, both analysed with {@code stft}. */
    public static double db(Stft stft, AudioClip reference, AudioClip estimate) {
        return db(stft.magnitude(reference), stft.magnitude(estimate));
    }
}
