package org.timbrelab.engine.data;

import org.timbrelab.dsp.ColorMap;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramImage;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid of mel spectrograms titled with their file names, as a PNG: a quick look at what a
 * dataset holds. Each tile is a {@link SpectrogramImage} (colour map, Hz and time axes, dB bar).
 */
public final class SpectrogramMontage {
    private SpectrogramMontage() { }

    static final int COLUMNS = 4;
    static final int TILE_PLOT_WIDTH = 320, TILE_PLOT_HEIGHT = 128;

    /** Renders {@code spectrograms} (one title each) into one image, {@value #COLUMNS} per row. */
    public static BufferedImage render(List<Spectrogram> spectrograms, List<String> titles) {
        if (spectrograms.isEmpty()) throw new IllegalArgumentException("nothing to draw: no spectrograms");
        if (titles.size() != spectrograms.size()) throw new IllegalArgumentException("need one title per spectrogram");
        List<BufferedImage> tiles = new ArrayList<>();
        for (int k = 0; k < spectrograms.size(); k++)
            tiles.add(SpectrogramImage.render(spectrograms.get(k),
                    new SpectrogramImage.Options(ColorMap.MAGMA, TILE_PLOT_WIDTH, TILE_PLOT_HEIGHT, titles.get(k))));
        int tileW = tiles.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        int tileH = tiles.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow();
        int cols = Math.min(COLUMNS, tiles.size());
        int rows = (tiles.size() + cols - 1) / cols;
        BufferedImage img = new BufferedImage(cols * tileW, rows * tileH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            for (int k = 0; k < tiles.size(); k++) g.drawImage(tiles.get(k), (k % cols) * tileW, (k / cols) * tileH, null);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Renders and writes a PNG (temp file, then atomic move); errors name the file. */
    public static void write(Path png, List<Spectrogram> spectrograms, List<String> titles) throws IOException {
        BufferedImage img = render(spectrograms, titles);
        Path abs = png.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = org.timbrelab.dsp.AtomicFiles.tempFor(abs);
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException("no PNG writer in this Java runtime");
            org.timbrelab.dsp.AtomicFiles.commit(tmp, abs);
        } catch (IOException e) {
            throw new IOException("cannot write montage " + png + ": " + e.getMessage()
                    + "; check that the folder is writable and the disk not full", e);
        } finally {
            org.timbrelab.dsp.AtomicFiles.discard(tmp);
        }
    }
}
