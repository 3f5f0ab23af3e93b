package org.timbrelab.app.controls;

import javafx.scene.paint.Color;

/** Fixed, distinguishable colours for domains by their index in a preset's domain list. */
public final class DomainPalette {
    private static final Color[] COLOURS = {
            Color.web("#4fc3f7"), Color.web("#ffb74d"), Color.web("#e57373"), Color.web("#81c784"),
            Color.web("#ba68c8"), Color.web("#fff176"), Color.web("#4db6ac"), Color.web("#f06292")};

    private DomainPalette() { }

    public static Color colour(int index) { return COLOURS[Math.floorMod(index, COLOURS.length)]; }

    public static String web(int index) {
        Color c = colour(index);
        return String.format("#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
    }
}
