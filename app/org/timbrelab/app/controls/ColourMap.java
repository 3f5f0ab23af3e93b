package org.timbrelab.app.controls;

import javafx.scene.paint.Color;

/**
 * A perceptually ordered dark-to-bright colour map ("inferno"-like) as a 256-entry ARGB table,
 * so per-pixel colouring is one array lookup.
 */
public final class ColourMap {
    // control points (position, r, g, b) approximating matplotlib's inferno
    private static final double[][] STOPS = {
            {0.000, 0, 0, 4}, {0.125, 31, 12, 72}, {0.250, 85, 15, 109}, {0.375, 136, 34, 106},
            {0.500, 186, 54, 85}, {0.625, 227, 89, 51}, {0.750, 249, 140, 10}, {0.875, 249, 201, 50},
            {1.000, 252, 255, 164}};

    public static final ColourMap INFERNO = new ColourMap();

    private final int[] argb = new int[256];

    private ColourMap() {
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0;
            int s = 0;
            while (s < STOPS.length - 2 && t > STOPS[s + 1][0]) s++;
            double[] a = STOPS[s], b = STOPS[s + 1];
            double u = (t - a[0]) / (b[0] - a[0]);
            int r = (int) Math.round(a[1] + u * (b[1] - a[1]));
            int g = (int) Math.round(a[2] + u * (b[2] - a[2]));
            int bl = (int) Math.round(a[3] + u * (b[3] - a[3]));
            argb[i] = 0xFF000000 | r << 16 | g << 8 | bl;
        }
    }

    /** ARGB for a value in [0, 1] (clamped). */
    public int argb(double t) {
        if (!(t > 0)) return argb[0];
        if (t >= 1) return argb[255];
        return argb[(int) (t * 255 + 0.5)];
    }

    public Color colour(double t) {
        int c = argb(t);
        return Color.rgb(c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF);
    }
}
