package org.timbrelab.engine.train;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loss curves as a PNG (java.awt only): one panel per named panel, each with one or more
 * series drawn raw (faint) and smoothed (exponential moving average, solid).
 */
public final class LossCurvePlot {

    /** One line: x values (steps) and y values. */
    public record Series(String name, double[] x, double[] y) { }

    /** One panel with a title and its lines. */
    public record Panel(String title, List<Series> series) { }

    private static final Color[] COLORS = {
            new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private LossCurvePlot() { }

    /** Panels from metrics records: one panel per loss name. */
    public static List<Panel> panelsFrom(List<MetricsJsonl.StepRecord> records) {
        Map<String, List<double[]>> byName = new java.util.LinkedHashMap<>();
        for (MetricsJsonl.StepRecord r : records) {
            r.losses().forEach((k, v) -> byName.computeIfAbsent(k, x -> new ArrayList<>()).add(new double[] {r.step(), v}));
        }
        List<Panel> panels = new ArrayList<>();
        byName.forEach((k, pts) -> {
            double[] x = new double[pts.size()], y = new double[pts.size()];
            for (int i = 0; i < pts.size(); i++) { x[i] = pts.get(i)[0]; y[i] = pts.get(i)[1]; }
            panels.add(new Panel(k, List.of(new Series(k, x, y))));
        });
        return panels;
    }

    public static BufferedImage render(List<Panel> panels, int columns, int panelW, int panelH) {
        int cols = Math.max(1, Math.min(columns, panels.size()));
        int rows = Math.max(1, (panels.size() + cols - 1) / cols);
        BufferedImage img = new BufferedImage(cols * panelW, rows * panelH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            drawPanel(g, panels.get(i), (i % cols) * panelW, (i / cols) * panelH, panelW, panelH);
        }
        g.dispose();
        return img;
    }

    /** Writes a PNG atomically (temp file + move). */
    public static void writePng(BufferedImage img, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = org.timbrelab.dsp.AtomicFiles.tempFor(file);
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException("no PNG writer available");
            org.timbrelab.dsp.AtomicFiles.commit(tmp, file);
        } finally {
            org.timbrelab.dsp.AtomicFiles.discard(tmp);
        }
    }

    private static void drawPanel(Graphics2D g, Panel p, int ox, int oy, int w, int h) {
        int left = ox + 58, right = ox + w - 12, top = oy + 26, bottom = oy + h - 30;
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY, ymax = Double.NEGATIVE_INFINITY;
        for (Series s : p.series()) {
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i])) continue;
                xmin = Math.min(xmin, s.x()[i]); xmax = Math.max(xmax, s.x()[i]);
                ymin = Math.min(ymin, s.y()[i]); ymax = Math.max(ymax, s.y()[i]);
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString(p.title(), left, oy + 17);
        g.setColor(Color.GRAY);
        g.drawRect(left, top, right - left, bottom - top);
        if (!(xmin <= xmax)) return;
        if (xmax == xmin) xmax = xmin + 1;
        if (ymax == ymin) { ymax += 0.5; ymin -= 0.5; }
        double pad = 0.05 * (ymax - ymin);
        ymin -= pad; ymax += pad;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int k = 0; k <= 4; k++) {
            double yv = ymin + k * (ymax - ymin) / 4;
            int yy = (int) Math.round(bottom - k * (bottom - top) / 4.0);
            g.setColor(new Color(0xeeeeee));
            g.drawLine(left + 1, yy, right - 1, yy);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.3g", yv), ox + 4, yy + 4);
            double xv = xmin + k * (xmax - xmin) / 4;
            int xx = (int) Math.round(left + k * (right - left) / 4.0);
            g.drawString(String.format(Locale.ROOT, "%.0f", xv), xx - 10, bottom + 14);
        }
        g.drawString("step", right - 24, bottom + 26);
        int ci = 0;
        int legendY = top + 14;
        for (Series s : p.series()) {
            Color c = COLORS[ci++ % COLORS.length];
            double[] smooth = ema(s.y(), Math.max(1, s.y().length / 50));
            g.setStroke(new BasicStroke(1f));
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 60));
            g.draw(path(s.x(), s.y(), xmin, xmax, ymin, ymax, left, right, top, bottom));
            g.setStroke(new BasicStroke(1.8f));
            g.setColor(c);
            g.draw(path(s.x(), smooth, xmin, xmax, ymin, ymax, left, right, top, bottom));
            if (p.series().size() > 1) {
                g.drawString(s.name(), right - 90, legendY);
                legendY += 13;
            }
        }
    }

    private static Path2D path(double[] x, double[] y, double xmin, double xmax, double ymin, double ymax,
                               int left, int right, int top, int bottom) {
        Path2D.Double path = new Path2D.Double();
        boolean started = false;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(y[i])) { started = false; continue; }
            double px = left + (x[i] - xmin) / (xmax - xmin) * (right - left);
            double py = bottom - (y[i] - ymin) / (ymax - ymin) * (bottom - top);
            if (started) path.lineTo(px, py); else path.moveTo(px, py);
            started = true;
        }
        return path;
    }

    /** Exponential moving average with a span of about {@code span} points (bias-corrected start). */
    static double[] ema(double[] y, int span) {
        double alpha = 2.0 / (span + 1);
        double[] out = new double[y.length];
        double acc = 0, weight = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i])) {
                acc = (1 - alpha) * acc + alpha * y[i];
                weight = (1 - alpha) * weight + alpha;
            }
            out[i] = weight == 0 ? Double.NaN : acc / weight;
        }
        return out;
    }
}
