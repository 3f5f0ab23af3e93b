package org.timbrelab.engine.eval;

import org.timbrelab.dsp.Spectrogram;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed frame embedding for the MFCC Fréchet distance: per frame, the first {@code nMfcc}
 * coefficients of the orthonormal DCT-II of the log-mel spectrum (in dB), followed by their
 * deltas. No training, so it is reproducible anywhere.
 *
 * <p>Log-mel in dB comes from the normalised {@link Spectrogram}: dB = (y − 1)·(−minDb)/2.
 * DCT-II ortho: c_k = s_k · Σ_n x_n cos(π k (2n + 1) / 2N), s_0 = √(1/N), s_k = √(2/N) (scipy's
 * {@code dct(norm="ortho")}, as librosa's mfcc). Deltas: d_t = Σ_{j=1..W} j (c_{t+j} − c_{t−j}) /
 * (2 Σ j²) over a {@code deltaWidth} = 2W + 1 window, frame indices clamped at the edges.
 * Frames whose loudest band is below {@code silenceDb} are dropped after the deltas are taken,
 * so silence does not dominate a set.
 *
 * @param nMfcc      coefficients kept (40)
 * @param deltaWidth odd window length of the delta filter (9, librosa's default)
 * @param silenceDb  frames quieter than this everywhere are left out (dB re the spectrogram's 0 dB)
 */
public record MfccEmbedding(int nMfcc, int deltaWidth, double silenceDb) {

    public static final MfccEmbedding DEFAULT = new MfccEmbedding(40, 9, -80);

    public MfccEmbedding {
        if (nMfcc < 1) throw new IllegalArgumentException("nMfcc must be >= 1, got " + nMfcc);
        if (deltaWidth < 3 || deltaWidth % 2 == 0) throw new IllegalArgumentException("deltaWidth must be odd and >= 3, got " + deltaWidth);
    }

    /** Length of one frame's embedding: coefficients then deltas. */
    public int dimension() { return 2 * nMfcc; }

    /** Embeddings of the spectrogram's non-silent frames, in time order. */
    public List<double[]> frames(Spectrogram spec) {
        int bins = spec.bins(), frames = spec.frames();
        if (nMfcc > bins) throw new IllegalArgumentException("nMfcc " + nMfcc + " exceeds the spectrogram's " + bins + " bands");
        double dbPerUnit = -spec.config().minDb() / 2;
        double[][] basis = dctBasis(nMfcc, bins);
        double[][] c = new double[frames][nMfcc];
        double[] loudest = new double[frames];
        double[] x = new double[bins];
        for (int t = 0; t < frames; t++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < bins; b++) {
                x[b] = (spec.get(b, t) - 1) * dbPerUnit;
                max = Math.max(max, x[b]);
            }
            loudest[t] = max;
            for (int k = 0; k < nMfcc; k++) {
                double s = 0;
                double[] row = basis[k];
                for (int b = 0; b < bins; b++) s += row[b] * x[b];
                c[t][k] = s;
            }
        }
        int w = deltaWidth / 2;
        double norm = 0;
        for (int j = 1; j <= w; j++) norm += 2.0 * j * j;
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < frames; t++) {
            if (loudest[t] < silenceDb) continue;
            double[] e = new double[2 * nMfcc];
            System.arraycopy(c[t], 0, e, 0, nMfcc);
            for (int k = 0; k < nMfcc; k++) {
                double d = 0;
                for (int j = 1; j <= w; j++)
                    d += j * (c[Math.min(frames - 1, t + j)][k] - c[Math.max(0, t - j)][k]);
                e[nMfcc + k] = d / norm;
            }
            out.add(e);
        }
        return out;
    }

    /** Rows k = 0..n−1 of the orthonormal DCT-II matrix of size {@code size}. */
    static double[][] dctBasis(int n, int size) {
        double[][] m = new double[n][size];
        for (int k = 0; k < n; k++) {
            double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / size);
            for (int i = 0; i < size; i++) m[k][i] = scale * Math.cos(Math.PI * k * (2 * i + 1) / (2.0 * size));
        }
        return m;
    }
}
