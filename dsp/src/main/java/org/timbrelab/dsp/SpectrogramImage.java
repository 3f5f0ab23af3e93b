package org.timbrelab.dsp;

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
import java.util.Locale;

/**
 * Draws a {@link Spectrogram} as a picture: the image in a perceptual colour map, a colour bar
 * in dB, a frequency axis labelled in Hz (mel bands placed by their centre frequencies, or linear
 * STFT bins) and a time axis in seconds. java.awt only, so it runs headless.
 *
 * <p>Values are taken as the normalised dB of {@link SpectrogramConfig}: y = 2·dB/(−minDb) + 1,
 * so −1 is the floor (minDb) and 1 is 0 dB. When the plot is narrower than the frame count, each
 * pixel column shows the maximum of the frames it covers, so short events stay visible.
 */
public final class SpectrogramImage {

    /**
     * @param colorMap   colours from low (floor) to high (0 dB)
     * @param plotWidth  plot width in pixels, or 0 for two pixels a frame clamped to 480–1600
     * @param plotHeight plot height in pixels
     * @param title      drawn above the plot, or null
     */
    public record Options(ColorMap colorMap, int plotWidth, int plotHeight, String title) {
        public static final Options DEFAULT = new Options(ColorMap.MAGMA, 0, 384, null);

        public Options {
            if (plotWidth < 0 || plotHeight < 16) throw new IllegalArgumentException("plot size " + plotWidth + "x" + plotHeight + " too small");
        }

        public Options withTitle(String t) { return new Options(colorMap, plotWidth, plotHeight, t); }
    }

    static final int LEFT = 64, TOP = 28, BAR_GAP = 14, BAR_WIDTH = 16, RIGHT = BAR_GAP + BAR_WIDTH + 56, BOTTOM = 44;
    private static final Color INK = new Color(0x202020);

    private final Spectrogram spec;
    private final Options options;
    private final FrequencyAxis axis;
    private final int width, height;     // of the plot area

    private SpectrogramImage(Spectrogram spec, Options options) {
        this.spec = spec;
        this.options = options;
        this.axis = FrequencyAxis.of(spec);
        this.width = options.plotWidth() > 0 ? options.plotWidth() : Math.max(480, Math.min(1600, 2 * spec.frames()));
        this.height = options.plotHeight();
    }

    /** The layout (plot geometry) that {@link #render} would use, for placing overlays or tests. */
    public static SpectrogramImage layout(Spectrogram spec, Options options) { return new SpectrogramImage(spec, options); }

    public static BufferedImage render(Spectrogram spec) { return render(spec, Options.DEFAULT); }

    public static BufferedImage render(Spectrogram spec, Options options) { return new SpectrogramImage(spec, options).draw(null); }

    /** Renders with the voiced frames of {@code f0} drawn over the image as a line at their f0 (null: none). */
    public static BufferedImage render(Spectrogram spec, Options options, PitchTrack f0) {
        return new SpectrogramImage(spec, options).draw(f0);
    }

    /** Renders and writes a PNG atomically (temp file, then move); errors name the file. */
    public static void writePng(Spectrogram spec, Options options, Path png) throws IOException {
        writePng(spec, options, null, png);
    }

    /** As {@link #writePng(Spectrogram, Options, Path)} with an f0 overlay (null: none). */
    public static void writePng(Spectrogram spec, Options options, PitchTrack f0, Path png) throws IOException {
        BufferedImage image = render(spec, options, f0);
        Path dir = png.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = AtomicFiles.tempFor(png);
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) throw new IOException("no PNG writer in this Java runtime");
            AtomicFiles.commit(tmp, png);
        } catch (IOException e) {
            AtomicFiles.discard(tmp);
            throw new IOException("Cannot write spectrogram picture " + png + ": " + e.getMessage()
                    + ". Check that the folder is writable and the disk not full.", e);
        }
    }

    // ---- geometry (image pixel coordinates) ----

    public int imageWidth() { return LEFT + width + RIGHT; }
    public int imageHeight() { return TOP + height + BOTTOM; }
    public int plotLeft() { return LEFT; }
    public int plotTop() { return TOP; }
    public int plotWidth() { return width; }
    public int plotHeight() { return height; }

    /** x of the centre of the frame at {@code seconds}. */
    public double xOfSeconds(double seconds) {
        return LEFT + (seconds * spec.config().framesPerSecond() + 0.5) * width / spec.frames();
    }

    /** y of the row showing {@code hz} (band or bin centre). */
    public double yOfHz(double hz) { return TOP + height - (axis.binOf(hz) + 0.5) * height / spec.bins(); }

    // ---- drawing ----

    /** Colour of the f0 overlay: light cyan, apart from every colour of the three maps' upper half. */
    static final Color F0_COLOUR = new Color(0x00E5FF);

    private BufferedImage draw(PitchTrack f0) {
        BufferedImage img = new BufferedImage(imageWidth(), imageHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            paintPlot(img);
            paintColourBar(img);
            if (f0 != null) drawF0(g, f0);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(INK);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(LEFT - 1, TOP - 1, width + 1, height + 1);
            drawFrequencyAxis(g);
            drawTimeAxis(g);
            drawColourBarAxis(g);
            if (options.title() != null) {
                g.setFont(g.getFont().deriveFont(Font.BOLD, 12f));
                g.drawString(options.title(), LEFT, TOP - 10);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private void paintPlot(BufferedImage img) {
        int frames = spec.frames(), bins = spec.bins();
        float[] v = spec.values();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            int bin = Math.min(bins - 1, (height - 1 - y) * bins / height);
            int base = bin * frames;
            for (int x = 0; x < width; x++) {
                int f0 = (int) ((long) x * frames / width);
                int f1 = Math.max(f0 + 1, (int) ((long) (x + 1) * frames / width));
                float max = v[base + Math.min(f0, frames - 1)];
                for (int f = f0 + 1; f < Math.min(f1, frames); f++) max = Math.max(max, v[base + f]);
                row[x] = options.colorMap().rgb((max + 1) / 2);
            }
            img.setRGB(LEFT, TOP + y, width, 1, row, 0, width);
        }
    }

    /** Voiced runs of the track as a 2-px polyline at f0, clipped to the plot. */
    private void drawF0(Graphics2D g, PitchTrack f0) {
        if (f0.hopLength() != spec.config().hopLength() || f0.sampleRate() != spec.config().sampleRate())
            throw new IllegalArgumentException("pitch track (hop " + f0.hopLength() + " @ " + f0.sampleRate()
                    + " Hz) is not on the spectrogram's frame grid (hop " + spec.config().hopLength() + " @ " + spec.config().sampleRate() + " Hz)");
        Graphics2D c = (Graphics2D) g.create();
        try {
            c.clipRect(LEFT, TOP, width, height);
            c.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            c.setColor(F0_COLOUR);
            c.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            int n = Math.min(f0.frames(), spec.frames());
            double prevX = Double.NaN, prevY = Double.NaN;
            for (int i = 0; i < n; i++) {
                if (!f0.voiced()[i]) { prevX = Double.NaN; continue; }
                double x = xOfSeconds(f0.timeSeconds(i)), y = yOfHz(f0.f0Hz()[i]);
                if (Double.isNaN(prevX)) c.fill(new java.awt.geom.Ellipse2D.Double(x - 1, y - 1, 2, 2));
                else c.draw(new java.awt.geom.Line2D.Double(prevX, prevY, x, y));
                prevX = x;
                prevY = y;
            }
        } finally {
            c.dispose();
        }
    }

    private void paintColourBar(BufferedImage img) {
        int x0 = LEFT + width + BAR_GAP;
        for (int y = 0; y < height; y++) {
            int rgb = options.colorMap().rgb(1 - (y + 0.5) / height);
            for (int x = 0; x < BAR_WIDTH; x++) img.setRGB(x0 + x, TOP + y, rgb);
        }
    }

    private void drawFrequencyAxis(Graphics2D g) {
        FontMetrics fm = g.getFontMetrics();
        double lastY = Double.POSITIVE_INFINITY;
        for (double hz : axis.candidateTicks()) {
            double y = yOfHz(hz);
            if (y < TOP || y > TOP + height || lastY - y < fm.getHeight() + 2) continue;
            lastY = y;
            int yi = (int) Math.round(y);
            g.drawLine(LEFT - 5, yi, LEFT - 1, yi);
            String label = hz >= 1000 ? trim(hz / 1000) + "k" : trim(hz);
            g.drawString(label, LEFT - 8 - fm.stringWidth(label), yi + fm.getAscent() / 2 - 1);
        }
        drawRotated(g, axis.label(), 14, TOP + height / 2);
    }

    private void drawTimeAxis(Graphics2D g) {
        FontMetrics fm = g.getFontMetrics();
        double seconds = spec.durationSeconds();
        double step = niceStep(seconds, width / 70.0);
        for (int k = 0; k * step <= seconds + 1e-9; k++) {
            double t = k * step;
            int x = (int) Math.round(xOfSeconds(t));
            if (x > LEFT + width) break;
            g.drawLine(x, TOP + height + 1, x, TOP + height + 5);
            String label = trim(t);
            g.drawString(label, x - fm.stringWidth(label) / 2, TOP + height + 6 + fm.getAscent());
        }
        String name = "time (s)";
        g.drawString(name, LEFT + (width - fm.stringWidth(name)) / 2, TOP + height + BOTTOM - 6);
    }

    private void drawColourBarAxis(Graphics2D g) {
        FontMetrics fm = g.getFontMetrics();
        double minDb = spec.config().minDb();
        double step = niceStep(-minDb, height / 40.0);
        int x = LEFT + width + BAR_GAP + BAR_WIDTH;
        for (int k = 0; k * step <= -minDb + 1e-9; k++) {
            double db = -k * step;
            int y = (int) Math.round(TOP + height * (db / minDb));
            g.drawLine(x, y, x + 3, y);
            g.drawString(trim(db), x + 5, y + fm.getAscent() / 2 - 1);
        }
        g.drawString("dB", x - BAR_WIDTH, TOP - 4);
    }

    private static void drawRotated(Graphics2D g, String text, int x, int yCentre) {
        Graphics2D r = (Graphics2D) g.create();
        r.translate(x, yCentre + r.getFontMetrics().stringWidth(text) / 2);
        r.rotate(-Math.PI / 2);
        r.drawString(text, 0, 0);
        r.dispose();
    }

    /** Smallest of 1, 2, 5 × 10^k that makes at most {@code maxTicks} ticks over {@code range}. */
    static double niceStep(double range, double maxTicks) {
        double raw = range / Math.max(1, maxTicks);
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * p >= raw) return m * p;
        return 10 * p;
    }

    private static String trim(double v) {
        double r = Math.round(v * 1000) / 1000.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.format(Locale.ROOT, "%s", r);
    }
}
