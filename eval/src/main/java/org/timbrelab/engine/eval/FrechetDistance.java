package org.timbrelab.engine.eval;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.List;

/**
 * Fréchet distance between two Gaussians, the quantity behind FID and FAD:
 * <pre>  d² = |μ₁ − μ₂|² + Tr(Σ₁ + Σ₂ − 2 (√Σ₁ Σ₂ √Σ₁)^½)</pre>
 * Like FID/FAD, {@link #squared} reports d² (not d).
 *
 * <p>Numerically stable route: both covariances are symmetric, so √Σ₁ comes from a symmetric
 * eigen-decomposition (negative round-off eigenvalues clipped to 0), and M = √Σ₁ Σ₂ √Σ₁ is
 * symmetric positive semi-definite too, so Tr(M^½) = Σ √max(λᵢ(M), 0) from a second symmetric
 * decomposition — no non-symmetric matrix square root (scipy's sqrtm route) whose complex
 * round-off FID code has to discard.
 *
 * <p>Regularisation: before the square roots each covariance gets ε·I added, with
 * ε = {@link #RELATIVE_EPSILON} × (mean variance of both sets, i.e. (Tr Σ₁ + Tr Σ₂) / 2d), floored
 * at 1e-12. That keeps rank-deficient covariances (fewer frames than dimensions, a constant
 * dimension) well defined. For full-rank covariances it moves d² by O(d·ε); along a direction
 * where one set has (almost) no variance and the other σ², the term becomes about
 * σ² − 2√(ε·σ²) instead of σ², i.e. a relative change of 2√ε̃ = 0.2 % for ε̃ = 1e-6.
 */
public final class FrechetDistance {

    /** ε relative to the mean variance; see the class comment. */
    public static final double RELATIVE_EPSILON = 1e-6;

    private FrechetDistance() { }

    /** d² between the Gaussian fits of two sets of vectors. */
    public static double squared(List<double[]> a, List<double[]> b) {
        return squared(GaussianFit.of(a), GaussianFit.of(b));
    }

    /** d² between two Gaussians. */
    public static double squared(GaussianFit p, GaussianFit q) {
        int d = p.dimension();
        if (q.dimension() != d) throw new IllegalArgumentException("Gaussians of different dimension: " + d + " and " + q.dimension());
        double meanTerm = 0;
        for (int i = 0; i < d; i++) {
            double diff = p.mean()[i] - q.mean()[i];
            meanTerm += diff * diff;
        }
        double trP = trace(p.covariance()), trQ = trace(q.covariance());
        double eps = Math.max(1e-12, RELATIVE_EPSILON * (trP + trQ) / (2.0 * d));
        RealMatrix sp = regularised(p.covariance(), eps);
        RealMatrix sq = regularised(q.covariance(), eps);
        RealMatrix rootP = symmetricSqrt(sp);
        RealMatrix m = symmetrise(rootP.multiply(sq).multiply(rootP));
        double traceRoot = 0;
        for (double lambda : new EigenDecomposition(m).getRealEigenvalues()) traceRoot += Math.sqrt(Math.max(lambda, 0));
        double d2 = meanTerm + sp.getTrace() + sq.getTrace() - 2 * traceRoot;
        return Math.max(0, d2);   // round-off can leave −1e-12 for identical sets
    }

    /** V·diag(√max(λ, 0))·Vᵀ of a symmetric matrix. */
    static RealMatrix symmetricSqrt(RealMatrix s) {
        EigenDecomposition e = new EigenDecomposition(symmetrise(s));
        double[] lambda = e.getRealEigenvalues();
        RealMatrix v = e.getV();
        int n = lambda.length;
        double[][] scaled = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++) scaled[i][k] = v.getEntry(i, k) * Math.sqrt(Math.max(lambda[k], 0));
        return new Array2DRowRealMatrix(scaled, false).multiply(v.transpose());
    }

    private static RealMatrix regularised(double[][] cov, double eps) {
        int d = cov.length;
        double[][] c = new double[d][];
        for (int i = 0; i < d; i++) {
            c[i] = cov[i].clone();
            c[i][i] += eps;
        }
        return new Array2DRowRealMatrix(c, false);
    }

    /** (A + Aᵀ)/2: removes the asymmetry round-off puts into products of symmetric matrices. */
    private static RealMatrix symmetrise(RealMatrix a) {
        return a.add(a.transpose()).scalarMultiply(0.5);
    }

    private static double trace(double[][] m) {
        double t = 0;
        for (int i = 0; i < m.length; i++) t += m[i][i];
        return t;
    }
}
