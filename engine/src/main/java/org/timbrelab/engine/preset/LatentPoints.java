package org.timbrelab.engine.preset;

import java.util.List;

/**
 * The app's latent scatter (docs/ARCHITECTURE.md, "The preset format"): time-averaged latent maps (C·F vectors) of ~1-s windows of
 * the training examples, their sources, and a PCA basis so a point p in the plane maps back to a
 * latent offset: offset = Σ_k (p_k − point_k) · basis_k.
 *
 * @param sources  where each point came from, in order
 * @param points   N × D time-averaged latents (D = C·F)
 * @param mean     D, the mean of the points
 * @param basis    K × D orthonormal principal directions (K = 2 … 8), largest variance first
 * @param coords   N × K projections (points − mean) · basisᵀ
 */
public record LatentPoints(List<Source> sources, float[][] points, float[] mean, float[][] basis, float[][] coords) {

    /** A window of a training example. */
    public record Source(String domain, String file, double startSeconds) { }

    public LatentPoints {
        sources = List.copyOf(sources);
        if (points.length != sources.size() || coords.length != sources.size())
            throw new IllegalArgumentException(sources.size() + " sources but " + points.length + " points and " + coords.length + " coords");
    }

    public int dimension() { return mean.length; }

    public int components() { return basis.length; }

    /** Mean of {@code domain}'s points (a C·F vector), or null if the preset stores none for it. */
    public float[] centroid(String domain) {
        float[] sum = new float[dimension()];
        int n = 0;
        for (int i = 0; i < sources.size(); i++) {
            if (!sources.get(i).domain().equals(domain)) continue;
            for (int j = 0; j < sum.length; j++) sum[j] += points[i][j];
            n++;
        }
        if (n == 0) return null;
        for (int j = 0; j < sum.length; j++) sum[j] /= n;
        return sum;
    }
}
