package org.timbrelab.dsp;

import java.util.Random;

/**
 * Fast Griffin-Lim (Perraudin, Balazs & Søndergaard 2013): alternate projections between
 * "has the target magnitude" and "is the STFT of a signal" with an inertial (momentum) term,
 * in librosa's formulation: c ← STFT(ISTFT(|S|·∠)), ∠ ← normalise(c − α/(1+α) · c_prev), α = 0.99.
 * <p>
 * Layouts: magnitude frame-major (frames × bins); complex buffers interleaved frame-major as in
 * {@link ComplexSpectrogram}. All buffers are allocated once per call.
 */
public final class GriffinLim {

    public static final double DEFAULT_MOMENTUM = 0.99;

    private final Stft stft;
    private final Istft istft;
    private final double momentum;

    public GriffinLim(Stft stft, double momentum) {
        if (!(momentum >= 0 && momentum < 1.5)) throw new IllegalArgumentException("momentum must be in [0, 1.5), got " + momentum);
        this.stft = stft;
        this.istft = new Istft(stft);
        this.momentum = momentum;
    }

    public GriffinLim(Stft stft) { this(stft, DEFAULT_MOMENTUM); }

    /**
     * @param mag        target magnitudes, frame-major (frames × bins)
     * @param frames     frame count
     * @param initPhase  starting complex STFT (only its phase is used), or null for random phase (seeded)
     * @param iterations number of projection rounds (≥ 1)
     * @return the signal, hop · (frames − 1) samples
     */
    public float[] reconstruct(float[] mag, int frames, float[] initPhase, int iterations) {
        int bins = stft.bins(), n = frames * bins, length = stft.hop() * (frames - 1);
        float[] angles = new float[2 * n], rebuilt = new float[2 * n], prev = new float[2 * n], spec = new float[2 * n];
        float[] signal = new float[length], scratch = new float[istft.paddedLength(frames)];
        if (initPhase != null) {
            System.arraycopy(initPhase, 0, angles, 0, 2 * n);
            normalise(angles, 0);
        } else {
            Random r = new Random(12345);
            for (int i = 0; i < n; i++) {
                double p = 2 * Math.PI * r.nextDouble();
                angles[2 * i] = (float) Math.cos(p);
                angles[2 * i + 1] = (float) Math.sin(p);
            }
        }
        float beta = (float) (momentum / (1 + momentum));
        for (int it = 0; it < iterations; it++) {
            applyMagnitude(mag, angles, spec, n);
            istft.inverse(spec, frames, length, signal, scratch);
            float[] t = prev; prev = rebuilt; rebuilt = t;      // prev = last rebuilt
            stft.forward(signal, rebuilt);
            for (int i = 0; i < 2 * n; i++) angles[i] = rebuilt[i] - beta * prev[i];
            normalise(angles, 0);
        }
        applyMagnitude(mag, angles, spec, n);
        istft.inverse(spec, frames, length, signal, scratch);
        return signal;
    }

    private static void applyMagnitude(float[] mag, float[] angles, float[] spec, int n) {
        for (int i = 0; i < n; i++) {
            spec[2 * i] = mag[i] * angles[2 * i];
            spec[2 * i + 1] = mag[i] * angles[2 * i + 1];
        }
    }

    /** Each complex entry to unit modulus (zeros become 1 + 0i). */
    private static void normalise(float[] c, int from) {
        for (int i = from; i < c.length; i += 2) {
            float re = c[i], im = c[i + 1];
            float m = (float) Math.sqrt(re * re + im * im);
            if (m > 1e-30f) { c[i] = re / m; c[i + 1] = im / m; } else { c[i] = 1; c[i + 1] = 0; }
        }
    }
}
