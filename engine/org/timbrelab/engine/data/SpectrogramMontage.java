package org.timbrelab.engine.data;

import org.timbrelab.dsp.Spectrogram;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A grid of mel spectrograms with their file names, as a PNG: a quick look at what a dataset
 * holds. Grey scale, -1 black to +1 white, low frequencies at the bottom, one pixel per frame
 * and mel band (tiles are cut at {@link #MAX_TILE_FRAMES} frames).
 */
public final class SpectrogramMontage {
    private SpectrogramMontage() { }

    static final int COLUMNS = 4;
    static final int MAX_TILE_FRAMES = 320;
    private static final int LABEL = 14, GAP = 4;

    /** Renders {@code spectrograms} (with one label each) into an image. */
    public static BufferedImage render(List<Spectrogram> spectrograms, List<String> labels) {
        if (spectrograms.isEmpty()) throw new IllegalArgumentException("nothing to draw: no spectrograms");
        if (labels.size() != spectrograms.size()) throw new IllegalArgumentException("need one label per spectrogram");
        int tileW = Math.min(MAX_TILE_FRAMES, spectrograms.stream().mapToInt(Spectrogram::frames).max().orElse(1));
        int tileH = spectrograms.stream().mapToInt(Spectrogram::bins).max().orElse(1);
        int cols = Math.min(COLUMNS, spectrograms.size());
        int rows = (spectrograms.size() + cols - 1) / cols;
        int cellW = tileW + GAP, cellH = tileH + LABEL + GAP;
        BufferedImage img = new BufferedImage(cols * cellW + GAP, rows * cellH + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(40, 40, 48));
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int k = 0; k < spectrograms.size(); k++) {
                Spectrogram s = spectrograms.get(k);
                int x0 = GAP + (k % cols) * cellW, y0 = GAP + (k / cols) * cellH;
                g.setColor(Color.LIGHT_GRAY);
                g.setClip(x0, y0, tileW, LABEL);
                g.drawString(labels.get(k), x0, y0 + LABEL - 3);
                g.setClip(null);
                int top = y0 + LABEL;
                for (int f = 0; f < Math.min(tileW, s.frames()); f++)
                    for (int b = 0; b < s.bins(); b++)
                        img.setRGB(x0 + f, top + tileH - 1 - b, grey(s.get(b, f)));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Renders and writes a PNG (temp file + atomic move). */
    public static void write(Path png, List<Spectrogram> spectrograms, List<String> labels) throws IOException {
        BufferedImage img = render(spectrograms, labels);
        Path abs = png.toAbsolutePath();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException("no PNG writer in this Java runtime");
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static int grey(float v) {
        int c = Math.round((Math.max(-1f, Math.min(1f, v)) + 1f) * 127.5f);
        return (c << 16) | (c << 8) | c;
    }
}
