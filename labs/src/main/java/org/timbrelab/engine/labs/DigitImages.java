package org.timbrelab.engine.labs;

import java.awt.image.BufferedImage;
import java.util.List;

/** Grey-scale image grids (ink white on black, like MNIST) for samples, reconstructions and strips. */
public final class DigitImages {

    private DigitImages() { }

    /**
     * Lays images out row by row, {@code cols} per row, each scaled by {@code scale} (nearest), with
     * a 2-pixel gap.
     *
     * @param images values in [0, 1], each {@code size*size} row-major
     */
    public static BufferedImage grid(List<float[]> images, int size, int cols, int scale) {
        int rows = (images.size() + cols - 1) / cols;
        int cell = size * scale + 2;
        BufferedImage img = new BufferedImage(cols * cell + 2, rows * cell + 2, BufferedImage.TYPE_INT_RGB);
        int bg = 0x404040;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) img.setRGB(x, y, bg);
        for (int k = 0; k < images.size(); k++) {
            float[] im = images.get(k);
            int ox = 2 + (k % cols) * cell, oy = 2 + (k / cols) * cell;
            for (int y = 0; y < size * scale; y++) {
                for (int x = 0; x < size * scale; x++) {
                    float v = im[(y / scale) * size + x / scale];
                    int g = Math.round(Math.max(0, Math.min(1, v)) * 255);
                    img.setRGB(ox + x, oy + y, (g << 16) | (g << 8) | g);
                }
            }
        }
        return img;
    }
}
