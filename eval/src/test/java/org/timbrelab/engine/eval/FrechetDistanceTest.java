package org.timbrelab.engine.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class FrechetDistanceTest {

    private static GaussianFit diag(double[] mean, double[] sd) {
        int d = mean.length;
        double[][] cov = new double[d][d];
        for (int i = 0; i < d; i++) cov[i][i] = sd[i] * sd[i];
        return new GaussianFit(mean, cov, 1000);
    }

    /** n samples of N(mean, diag(sd²)). */
    private static List<double[]> sample(double[] mean, double[] sd, int n, long seed) {
        Random r = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double[] v = new double[mean.length];
            for (int i = 0; i < v.length; i++) v[i] = mean[i] + sd[i] * r.nextGaussian();
            out.add(v);
        }
        return out;
    }

    @Test void identicalSetsAreAtDistanceZero() {
        List<double[]> set = sample(new double[] {1, -2, 3, 0.5, 0, 7}, new double[] {1, 2, 0.5, 3, 1, 0.1}, 2000, 1);
        assertEquals(0.0, FrechetDistance.squared(set, set), 1e-9);
    }

    @Test void oneDimensionalGaussiansMatchTheClosedForm() {
        // d² = (μ1 − μ2)² + (σ1 − σ2)²
        double d2 = FrechetDistance.squared(diag(new double[] {1.5}, new double[] {2}), diag(new double[] {-0.5}, new double[] {0.5}));
        assertEquals(4 + 2.25, d2, 1e-5);
    }

    @Test void diagonalGaussiansMatchTheClosedForm() {
        double[] m1 = {0, 1, 2, 3}, s1 = {1, 2, 3, 4}, m2 = {1, 1, 0, 3}, s2 = {2, 2, 1, 0.5};
        double expected = 0;
        for (int i = 0; i < 4; i++) expected += Math.pow(m1[i] - m2[i], 2) + Math.pow(s1[i] - s2[i], 2);
        assertEquals(expected, FrechetDistance.squared(diag(m1, s1), diag(m2, s2)), 1e-5 * expected);
    }

    @Test void nonCommutingCovariancesMatchTheTwoByTwoClosedForm() {
        // for 2×2 SPD A, B: Tr √(AB) = √(Tr(AB) + 2√det(AB)) (eigenvalues of AB are real, positive)
        Random r = new Random(4);
        for (int trial = 0; trial < 20; trial++) {
            double[][] a = randomSpd2(r), b = randomSpd2(r);
            double[] ma = {r.nextGaussian(), r.nextGaussian()}, mb = {r.nextGaussian(), r.nextGaussian()};
            double[][] ab = {{a[0][0] * b[0][0] + a[0][1] * b[1][0], a[0][0] * b[0][1] + a[0][1] * b[1][1]},
                             {a[1][0] * b[0][0] + a[1][1] * b[1][0], a[1][0] * b[0][1] + a[1][1] * b[1][1]}};
            double trAb = ab[0][0] + ab[1][1], detAb = ab[0][0] * ab[1][1] - ab[0][1] * ab[1][0];
            double expected = Math.pow(ma[0] - mb[0], 2) + Math.pow(ma[1] - mb[1], 2)
                    + a[0][0] + a[1][1] + b[0][0] + b[1][1] - 2 * Math.sqrt(trAb + 2 * Math.sqrt(detAb));
            double got = FrechetDistance.squared(new GaussianFit(ma, a, 100), new GaussianFit(mb, b, 100));
            assertEquals(expected, got, 1e-5 * Math.max(1, expected), "trial " + trial);
        }
    }

    private static double[][] randomSpd2(Random r) {
        double p = r.nextGaussian(), q = r.nextGaussian(), s = r.nextGaussian(), t = r.nextGaussian();
        // L·Lᵀ + 0.1·I
        return new double[][] {{p * p + q * q + 0.1, p * s + q * t}, {p * s + q * t, s * s + t * t + 0.1}};
    }

    @Test void shiftedSampledGaussiansApproachTheClosedForm() {
        double[] m1 = {0, 0, 0, 0, 0}, s1 = {1, 1, 1, 1, 1}, m2 = {1, 0, -1, 0.5, 0}, s2 = {1, 2, 0.5, 1, 1.5};
        double expected = 0;
        for (int i = 0; i < 5; i++) expected += Math.pow(m1[i] - m2[i], 2) + Math.pow(s1[i] - s2[i], 2);
        double got = FrechetDistance.squared(sample(m1, s1, 20_000, 2), sample(m2, s2, 20_000, 3));
        assertEquals(expected, got, 0.05 * expected);   // sampling error at 20k vectors
        assertEquals(2.25 + 1.5, expected, 1e-12);   // by hand: means 1 + 1 + 0.25, deviations 1 + 0.25 + 0.25
    }

    @Test void rankDeficientCovarianceStaysFiniteAndNonNegative() {
        // 10 vectors in 40 dimensions, and one dimension constant: the sample covariance is singular
        List<double[]> a = sample(new double[40], filled(40, 1), 10, 5), b = sample(new double[40], filled(40, 1), 10, 6);
        for (double[] v : a) v[7] = 3;
        double d2 = FrechetDistance.squared(a, b);
        assertTrue(Double.isFinite(d2) && d2 >= 0, "d² = " + d2);
        assertEquals(0.0, FrechetDistance.squared(a, a), 1e-6);
    }

    @Test void symmetricSquareRootSquaresBack() {
        double[][] m = {{4, 1, 0}, {1, 3, 0.5}, {0, 0.5, 2}};
        var root = FrechetDistance.symmetricSqrt(new org.apache.commons.math3.linear.Array2DRowRealMatrix(m));
        var back = root.multiply(root);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) assertEquals(m[i][j], back.getEntry(i, j), 1e-12);
    }

    @Test void gaussianFitUsesTheUnbiasedCovariance() {
        GaussianFit f = GaussianFit.of(List.of(new double[] {0, 0}, new double[] {2, 4}));
        assertArrayEquals(new double[] {1, 2}, f.mean(), 1e-12);
        assertEquals(2.0, f.covariance()[0][0], 1e-12);    // ((−1)² + 1²) / (2 − 1)
        assertEquals(4.0, f.covariance()[0][1], 1e-12);
        assertEquals(8.0, f.covariance()[1][1], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> GaussianFit.of(List.of(new double[] {1})));
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
