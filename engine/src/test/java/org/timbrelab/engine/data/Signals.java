package org.timbrelab.engine.data;

/** Small known-answer measurements for rendered audio in tests. */
final class Signals {
    private Signals() { }

    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += (double) x[i] * x[i];
        return Math.sqrt(s / Math.max(1, to - from));
    }

    static double db(double ratio) { return 20 * Math.log10(ratio); }

    /**
     * Fundamental frequency of a steady segment by the YIN difference function (cumulative-mean
     * normalised, first dip under 0.15, parabolic interpolation). Independent of the code under test.
     */
    static double f0(float[] x, int from, int length, int rate, double minHz, double maxHz) {
        int maxLag = (int) Math.ceil(rate / minHz);
        int minLag = (int) Math.floor(rate / maxHz);
        int window = length - maxLag;
        double[] d = new double[maxLag + 2];
        for (int lag = 1; lag <= maxLag + 1; lag++) {
            double s = 0;
            for (int i = 0; i < window; i++) {
                double diff = x[from + i] - x[from + i + lag];
                s += diff * diff;
            }
            d[lag] = s;
        }
        double[] cmnd = new double[maxLag + 2];
        double running = 0;
        cmnd[0] = 1;
        for (int lag = 1; lag <= maxLag + 1; lag++) {
            running += d[lag];
            cmnd[lag] = d[lag] * lag / running;
        }
        int best = -1;
        for (int lag = Math.max(2, minLag); lag <= maxLag; lag++) {
            if (cmnd[lag] < 0.15) {
                while (lag + 1 <= maxLag && cmnd[lag + 1] < cmnd[lag]) lag++;
                best = lag;
                break;
            }
        }
        if (best < 0) {
            best = Math.max(2, minLag);
            for (int lag = best; lag <= maxLag; lag++) if (cmnd[lag] < cmnd[best]) best = lag;
        }
        double a = cmnd[best - 1], b = cmnd[best], c = cmnd[best + 1];
        double shift = (a - 2 * b + c) == 0 ? 0 : 0.5 * (a - c) / (a - 2 * b + c);
        return rate / (best + shift);
    }
}
