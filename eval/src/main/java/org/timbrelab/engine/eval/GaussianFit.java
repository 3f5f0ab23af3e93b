package org.timbrelab.engine.eval;

import java.util.List;

/**
 * Mean and covariance of a set of embedding vectors, the summary the Fréchet distance compares.
 * The covariance is the unbiased sample covariance (divides by n − 1), as numpy's {@code cov}
 * used by the FID/FAD reference code.
 *
 * @param mean       d-vector
 * @param covariance d × d, symmetric
 * @param count      vectors fitted
 */
public record GaussianFit(double[] mean, double[][] covariance, int count) {

    public GaussianFit {
        int d = mean.length;
        if (covariance.length != d) throw new IllegalArgumentException("covariance is " + covariance.length + " rows for a " + d + "-vector mean");
        for (double[] row : covariance)
            if (row.length != d) throw new IllegalArgumentException("covariance rows must have " + d + " entries");
    }

    public int dimension() { return mean.length; }

    /** Fits a set of equally long vectors (at least two). */
    public static GaussianFit of(List<double[]> vectors) {
        int n = vectors.size();
        if (n < 2) throw new IllegalArgumentException("need at least 2 vectors to fit a covariance, got " + n);
        int d = vectors.get(0).length;
        double[] mean = new double[d];
        for (double[] v : vectors) {
            if (v.length != d) throw new IllegalArgumentException("vectors differ in length: " + d + " and " + v.length);
            for (int i = 0; i < d; i++) mean[i] += v[i];
        }
        for (int i = 0; i < d; i++) mean[i] /= n;
        double[][] cov = new double[d][d];
        double[] c = new double[d];
        for (double[] v : vectors) {
            for (int i = 0; i < d; i++) c[i] = v[i] - mean[i];
            for (int i = 0; i < d; i++) {
                double ci = c[i];
                double[] row = cov[i];
                for (int j = i; j < d; j++) row[j] += ci * c[j];
            }
        }
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++) {
                cov[i][j] /= n - 1;
                cov[j][i] = cov[i][j];
            }
        return new GaussianFit(mean, cov, n);
    }
}
