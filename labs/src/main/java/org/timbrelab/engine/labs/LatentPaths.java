package org.timbrelab.engine.labs;

/** Paths between two latent codes: straight (lerp) or along the great circle (slerp). */
public final class LatentPaths {

    /** How to walk from a to b. */
    public enum Mode { LERP, SLERP }

    private LatentPaths() { }

    public static float[] at(Mode mode, float[] a, float[] b, double t) {
        return mode == Mode.LERP ? lerp(a, b, t) : slerp(a, b, t);
    }

    public static float[] lerp(float[] a, float[] b, double t) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = (float) ((1 - t) * a[i] + t * b[i]);
        return out;
    }

    /**
     * Spherical interpolation (Shoemake): keeps the norm near that of Gaussian samples instead of
     * shrinking through the origin. Falls back to lerp when a and b are (anti)parallel.
     */
    public static float[] slerp(float[] a, float[] b, double t) {
        double na = 0, nb = 0, dot = 0;
        for (int i = 0; i < a.length; i++) {
            na += a[i] * (double) a[i];
            nb += b[i] * (double) b[i];
            dot += a[i] * (double) b[i];
        }
        double cos = dot / Math.sqrt(na * nb);
        if (!(Math.abs(cos) < 0.9995)) return lerp(a, b, t);
        double omega = Math.acos(cos);
        double s = Math.sin(omega);
        double wa = Math.sin((1 - t) * omega) / s;
        double wb = Math.sin(t * omega) / s;
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = (float) (wa * a[i] + wb * b[i]);
        return out;
    }
}
