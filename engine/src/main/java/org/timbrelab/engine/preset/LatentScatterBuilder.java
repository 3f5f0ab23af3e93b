package org.timbrelab.engine.preset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.engine.vaegan.Encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds a preset's {@link LatentPoints}: encode ~1-s windows of each domain's examples, average
 * each latent map over time (a C·F vector per window) and fit a PCA basis by power iteration with
 * deflation (K ≤ 8 components; D is a few thousand, N a few hundred).
 */
public final class LatentScatterBuilder {
    public static final int COMPONENTS = 8;
    private final List<LatentPoints.Source> sources = new ArrayList<>();
    private final List<float[]> points = new ArrayList<>();

    /** Encodes windows of {@code frames} frames (a multiple of 4) of a spectrogram and adds their points. */
    public void add(Encoder encoder, NDManager manager, String domain, String file, Spectrogram s, int frames, double startSeconds) {
        if (s.frames() < frames) return;
        try (NDManager sm = manager.newSubManager()) {
            NDArray x = sm.create(s.sliceFrames(0, frames).values(), new Shape(1, 1, s.bins(), frames));
            NDArray mu = encoder.forward(x);
            long c = mu.getShape().get(1), f = mu.getShape().get(2);
            points.add(mu.mean(new int[] {3}).reshape(c * f).toFloatArray());
            sources.add(new LatentPoints.Source(domain, file, startSeconds));
        }
    }

    public int size() { return points.size(); }

    public LatentPoints build(long seed) {
        int n = points.size();
        if (n == 0) throw new IllegalStateException("no latent points: the datasets gave no window long enough");
        int d = points.get(0).length;
        float[] mean = new float[d];
        for (float[] p : points) for (int j = 0; j < d; j++) mean[j] += p[j] / n;
        double[][] xc = new double[n][d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) xc[i][j] = points.get(i)[j] - mean[j];
        int k = Math.max(1, Math.min(COMPONENTS, n - 1));
        float[][] basis = new float[k][];
        Random r = new Random(seed);
        for (int c = 0; c < k; c++) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) v[j] = r.nextGaussian();
            for (int it = 0; it < 100; it++) {
                double[] proj = new double[n];
                for (int i = 0; i < n; i++) proj[i] = dot(xc[i], v);
                double[] nv = new double[d];
                for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) nv[j] += proj[i] * xc[i][j];
                for (int prev = 0; prev < c; prev++) { // keep orthogonal to earlier components
                    double a = 0;
                    for (int j = 0; j < d; j++) a += nv[j] * basis[prev][j];
                    for (int j = 0; j < d; j++) nv[j] -= a * basis[prev][j];
                }
                double norm = Math.sqrt(dot(nv, nv));
                if (norm == 0) break;
                for (int j = 0; j < d; j++) v[j] = nv[j] / norm;
            }
            basis[c] = new float[d];
            for (int j = 0; j < d; j++) basis[c][j] = (float) v[j];
        }
        float[][] coords = new float[n][k];
        for (int i = 0; i < n; i++) for (int c = 0; c < k; c++) {
            double s = 0;
            for (int j = 0; j < d; j++) s += xc[i][j] * basis[c][j];
            coords[i][c] = (float) s;
        }
        return new LatentPoints(sources, points.toArray(new float[0][]), mean, basis, coords);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
