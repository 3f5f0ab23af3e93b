package org.timbrelab.dsp;

/** Table-based sine/cosine for phase → complex conversion (max error ≈ 3e-7, linear interpolation). */
final class FastTrig {
    private static final int SIZE = 1 << 12;
    private static final float[] SIN = new float[SIZE + 1];
    private static final double TO_INDEX = SIZE / (2 * Math.PI);

    static {
        for (int i = 0; i <= SIZE; i++) SIN[i] = (float) Math.sin(2 * Math.PI * i / SIZE);
    }

    private FastTrig() { }

    static float sin(double x) {
        double p = x * TO_INDEX;
        p -= SIZE * Math.floor(p / SIZE);
        int i = (int) p;
        if (i >= SIZE) i = SIZE - 1;
        float f = (float) (p - i);
        return SIN[i] + f * (SIN[i + 1] - SIN[i]);
    }

    static float cos(double x) { return sin(x + Math.PI / 2); }
}
