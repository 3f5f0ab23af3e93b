package org.timbrelab.engine.data.digits;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Synthetic 28×28 digits for tests and smoke runs: the glyphs 0–9 drawn in a sans-serif font with
 * random size, slant, rotation, shift and stroke weight. Not a substitute for real digits, but
 * learnable (a VAE's loss drops, a classifier separates them).
 */
public final class DigitFixtures {

    private static final int SIZE = 28;

    private DigitFixtures() { }

    /** {@code n} digits, labels cycling 0–9, deterministic for a seed. */
    public static DigitSet generate(int n, long seed) {
        Random r = new Random(seed);
        float[] px = new float[n * SIZE * SIZE];
        int[] labels = new int[n];
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < n; i++) {
            int digit = i % 10;
            labels[i] = digit;
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(Color.WHITE);
            float fontSize = 18 + r.nextFloat() * 5;
            g.setFont(new Font(Font.SANS_SERIF, r.nextBoolean() ? Font.BOLD : Font.PLAIN, Math.round(fontSize)));
            AffineTransform t = new AffineTransform();
            t.translate(SIZE / 2.0 + r.nextGaussian() * 1.2, SIZE / 2.0 + r.nextGaussian() * 1.2);
            t.rotate(r.nextGaussian() * 0.15);
            t.shear(r.nextGaussian() * 0.15, 0);
            g.transform(t);
            String s = Integer.toString(digit);
            var fm = g.getFontMetrics();
            float x = -fm.stringWidth(s) / 2f;
            float y = (fm.getAscent() - fm.getDescent()) / 2f;
            g.setStroke(new BasicStroke(1));
            g.drawString(s, x, y);
            g.dispose();
            byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
            for (int p = 0; p < SIZE * SIZE; p++) px[i * SIZE * SIZE + p] = (data[p] & 0xff) / 255f;
        }
        return new DigitSet(SIZE, px, labels);
    }
}
