package org.timbrelab.engine.eval;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A grouped horizontal bar chart drawn with java.awt (headless): one group per row label
 * (system), one bar per series (domain). NaN values leave a gap marked "n/a".
 */
public final class BarChart {
    private BarChart() { }

    private static final Color[] PALETTE = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    /**
     * @param values {@code values[group][series]}
     */
    public static BufferedImage render(String title, String unit, List<String> groups, List<String> series, double[][] values) {
        int bar = 14, gap = 10, labelWidth = 300, plotWidth = 480, top = 50, legend = 24 * ((series.size() + 3) / 4);
        int groupHeight = bar * series.size() + gap;
        int height = top + groups.size() * groupHeight + 40 + legend;
        int width = labelWidth + plotWidth + 80;
        double max = 0;
        for (double[] row : values) for (double v : row) if (Double.isFinite(v)) max = Math.max(max, Math.abs(v));
        if (max == 0) max = 1;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title + (unit.isEmpty() ? "" : " (" + unit + ")"), 10, 24);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            FontMetrics fm = g.getFontMetrics();
            int y = top;
            for (int gi = 0; gi < groups.size(); gi++) {
                String label = groups.get(gi);
                while (fm.stringWidth(label) > labelWidth - 16 && label.length() > 4) label = label.substring(0, label.length() - 2);
                g.setColor(Color.BLACK);
                g.drawString(label, 8, y + (bar * series.size()) / 2 + fm.getAscent() / 2);
                for (int si = 0; si < series.size(); si++) {
                    double v = values[gi][si];
                    int by = y + si * bar;
                    if (!Double.isFinite(v)) {
                        g.setColor(Color.GRAY);
                        g.drawString("n/a", labelWidth + 4, by + bar - 3);
                        continue;
                    }
                    int w = (int) Math.round(Math.abs(v) / max * plotWidth);
                    g.setColor(PALETTE[si % PALETTE.length]);
                    g.fillRect(labelWidth, by + 1, Math.max(w, 1), bar - 2);
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(format(v), labelWidth + w + 4, by + bar - 3);
                }
                y += groupHeight;
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1));
            g.drawLine(labelWidth, top - 4, labelWidth, y);
            int lx = 10, ly = y + 24;
            for (int si = 0; si < series.size(); si++) {
                if (si > 0 && si % 4 == 0) { lx = 10; ly += 24; }
                g.setColor(PALETTE[si % PALETTE.length]);
                g.fillRect(lx, ly - 10, 12, 12);
                g.setColor(Color.BLACK);
                g.drawString(series.get(si), lx + 16, ly);
                lx += 180;
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    static String format(double v) {
        double a = Math.abs(v);
        return a >= 100 ? String.format("%.0f", v) : a >= 10 ? String.format("%.1f", v) : String.format("%.3f", v);
    }

    /** Renders and writes a PNG (temp file, then atomic move). */
    public static void writePng(Path png, String title, String unit, List<String> groups, List<String> series, double[][] values)
            throws IOException {
        BufferedImage img = render(title, unit, groups, series, values);
        Path dir = png.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = org.timbrelab.dsp.AtomicFiles.tempFor(png);
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException("no PNG writer available for " + png);
            org.timbrelab.dsp.AtomicFiles.commit(tmp, png);
        } finally {
            org.timbrelab.dsp.AtomicFiles.discard(tmp);
        }
    }
}
