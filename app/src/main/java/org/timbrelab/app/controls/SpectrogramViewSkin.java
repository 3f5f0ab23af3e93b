package org.timbrelab.app.controls;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.SkinBase;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.timbrelab.dsp.ColorMap;
import org.timbrelab.dsp.Spectrogram;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link SpectrogramView} on one Canvas. The spectrogram is rendered once into a
 * WritableImage (one pixel per bin × frame, through the colour map); zoom, scroll and the playhead
 * only redraw the scaled image, and live appends repaint only the new columns.
 */
public class SpectrogramViewSkin extends SkinBase<SpectrogramView> {
    private static final double LEFT = 46, RIGHT = 62, BOTTOM = 20, TOP_PLAIN = 6, TOP_TITLE = 18, BAR_W = 12;
    private static final double DEFAULT_LIVE_WINDOW_S = 8;
    private static final double[] HZ_TICKS = {50, 100, 200, 300, 500, 1000, 2000, 3000, 4000, 5000, 8000, 12000, 16000};
    private static final Color TEXT = Color.web("#c8ccd4"), GRID = Color.web("#ffffff22"), PLAYHEAD = Color.web("#7fffd4");

    private final Canvas canvas = new Canvas();
    private WritableImage image;
    private int imageFrames;
    private SpectrogramGeometry geometry;
    private double dragX = Double.NaN, dragStart;
    /** What the last draw put on the time axis, and the placeholder it showed (null: none); for tests. */
    private List<String> timeLabels = List.of();
    private String shownPlaceholder;

    public SpectrogramViewSkin(SpectrogramView view) {
        super(view);
        getChildren().add(canvas);
        registerChangeListener(view.revisionProperty(), o -> { updateImage(); draw(); });
        registerChangeListener(view.playheadSecondsProperty(), o -> draw());
        registerChangeListener(view.visibleStartProperty(), o -> draw());
        registerChangeListener(view.visibleDurationProperty(), o -> draw());
        registerChangeListener(view.titleProperty(), o -> draw());
        registerChangeListener(view.placeholderProperty(), o -> draw());
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> { dragX = e.getX(); dragStart = geometryOrEmpty().startSeconds(); });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> { if (e.getClickCount() == 2) view.setVisibleWindow(0, 0); });
        updateImage();
    }

    SpectrogramGeometry geometry() { return geometry; }

    /** The canvas covers the whole control (padding ignored) so geometry is in control coordinates. */
    @Override protected void layoutChildren(double x, double y, double w0, double h0) {
        double w = getSkinnable().getWidth(), h = getSkinnable().getHeight();
        canvas.relocate(0, 0);
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        draw();
    }

    @Override protected double computePrefWidth(double height, double top, double right, double bottom, double left) { return 600; }
    @Override protected double computePrefHeight(double width, double top, double right, double bottom, double left) { return 220; }
    @Override protected double computeMinHeight(double width, double top, double right, double bottom, double left) { return 80; }
    @Override protected double computeMinWidth(double height, double top, double right, double bottom, double left) { return 160; }

    private void updateImage() {
        Spectrogram s = getSkinnable().getSpectrogram();
        if (s == null || s.frames() == 0) { imageFrames = 0; return; }
        int from = getSkinnable().lastAppendFrom();
        boolean incremental = from >= 0 && image != null && image.getHeight() == s.bins()
                && image.getWidth() >= s.frames() && from <= imageFrames;
        if (!incremental) {
            int cap = getSkinnable().isLive() ? Math.max(256, Integer.highestOneBit(s.frames()) * 2) : s.frames();
            image = new WritableImage(cap, s.bins());
            from = 0;
        }
        paintColumns(s, from, s.frames());
        imageFrames = s.frames();
    }

    private void paintColumns(Spectrogram s, int from, int to) {
        int w = to - from, bins = s.bins();
        if (w <= 0) return;
        int[] argb = new int[w * bins];
        for (int b = 0; b < bins; b++) {
            int row = bins - 1 - b; // high bins at the top
            for (int f = from; f < to; f++) argb[row * w + (f - from)] = ColorMap.INFERNO.argb((s.get(b, f) + 1) / 2.0);
        }
        image.getPixelWriter().setPixels(from, 0, w, bins, PixelFormat.getIntArgbInstance(), argb, 0, w);
    }

    /** Visible window in seconds: explicit, following live input, or the whole clip. */
    private double[] window(Spectrogram s) {
        SpectrogramView v = getSkinnable();
        double total = s == null ? 0 : s.durationSeconds();
        double dur = v.visibleDurationProperty().get();
        if (v.isLive() && v.followLiveProperty().get()) {
            double d = dur > 0 ? dur : DEFAULT_LIVE_WINDOW_S;
            return new double[]{Math.max(0, total - d), d};
        }
        if (dur <= 0) return new double[]{0, Math.max(total, 1e-3)};
        return new double[]{v.visibleStartProperty().get(), dur};
    }

    private SpectrogramGeometry geometryOrEmpty() {
        return geometry != null ? geometry : new SpectrogramGeometry(LEFT, TOP_PLAIN, 1, 1, 0, 1, 1, 1);
    }

    private void draw() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        Spectrogram s = getSkinnable().getSpectrogram();
        String title = getSkinnable().titleProperty().get();
        double top = title == null || title.isEmpty() ? TOP_PLAIN : TOP_TITLE;
        double pw = w - LEFT - RIGHT, ph = h - top - BOTTOM;
        if (pw < 10 || ph < 10) return;
        double[] win = window(s);
        int bins = s == null ? 128 : s.bins();
        double fps = s == null ? 62.5 : s.config().framesPerSecond();
        geometry = new SpectrogramGeometry(LEFT, top, pw, ph, win[0], win[1], bins, fps);

        g.setFont(Font.font(10));
        g.setFill(Color.web("#0b0b12"));
        g.fillRect(LEFT, top, pw, ph);
        if (title != null && !title.isEmpty()) {
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(title, LEFT, 2);
        }
        if (s == null) { // empty state: a sentence, not an axis of 0.0 0.0 0.0 …
            timeLabels = List.of();
            shownPlaceholder = getSkinnable().placeholderProperty().get();
            g.setFill(Color.web("#9aa0ad"));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFont(Font.font(Font.getDefault().getFamily(), javafx.scene.text.FontPosture.ITALIC, 12));
            if (shownPlaceholder != null) g.fillText(shownPlaceholder, LEFT + pw / 2, top + ph / 2, pw - 8);
            return;
        }
        shownPlaceholder = null;
        if (imageFrames > 0) drawImage(g, s);
        drawFrequencyAxis(g, s);
        drawTimeAxis(g);
        drawColourBar(g, s, w - RIGHT + 8, top, ph);
        double ph0 = getSkinnable().getPlayheadSeconds();
        if (!Double.isNaN(ph0)) {
            double x = geometry.xOfSeconds(ph0);
            if (x >= LEFT && x <= LEFT + pw) {
                g.setStroke(PLAYHEAD);
                g.setLineWidth(1.5);
                g.strokeLine(x, top, x, top + ph);
            }
        }
    }

    private void drawImage(GraphicsContext g, Spectrogram s) {
        // visible frames [f0, f1) clipped to the data
        double f0 = Math.max(0, geometry.startSeconds() * geometry.framesPerSecond());
        double f1 = Math.min(imageFrames, (geometry.startSeconds() + geometry.durationSeconds()) * geometry.framesPerSecond());
        if (f1 <= f0) return;
        double x0 = geometry.xOfSeconds(f0 / geometry.framesPerSecond());
        double x1 = geometry.xOfSeconds(f1 / geometry.framesPerSecond());
        g.setImageSmoothing(false);
        g.drawImage(image, f0, 0, f1 - f0, s.bins(), x0, geometry.top(), x1 - x0, geometry.height());
    }

    private void drawFrequencyAxis(GraphicsContext g, Spectrogram s) {
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        if (s == null) return;
        FrequencyScale scale = FrequencyScale.of(s.config(), s.bins());
        double lastY = Double.MAX_VALUE;
        for (double hz : HZ_TICKS) {
            if (hz < s.config().fMin() || hz > s.config().fMax()) continue;
            double y = geometry.yOfBin(scale.binOf(hz) + 0.5);
            if (lastY - y < 13) continue;
            lastY = y;
            g.setStroke(GRID);
            g.strokeLine(LEFT, y, LEFT + geometry.width(), y);
            g.setFill(TEXT);
            g.fillText(hz >= 1000 ? (int) (hz / 1000) + "k" : String.valueOf((int) hz), LEFT - 4, y);
        }
        g.save();
        g.translate(9, geometry.top() + geometry.height() / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("Hz", 0, 0);
        g.restore();
    }

    private void drawTimeAxis(GraphicsContext g) {
        double yb = geometry.top() + geometry.height();
        g.setFill(TEXT);
        g.setStroke(TEXT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        List<Tick> ticks = timeTicks(geometry.startSeconds(), geometry.durationSeconds(), geometry.width());
        List<String> labels = new ArrayList<>();
        for (Tick t : ticks) {
            double x = geometry.xOfSeconds(t.seconds());
            g.strokeLine(x, yb, x, yb + 3);
            g.fillText(t.label(), x, yb + 4);
            labels.add(t.label());
        }
        timeLabels = List.copyOf(labels);
    }

    /** A time-axis tick: where, and its label. */
    record Tick(double seconds, String label) { }

    /**
     * Ticks about every 70 px at a 1-2-5 step; the unit rides on the last label ("6 s"), so it can
     * never sit on top of a tick label at the plot's right edge.
     */
    static List<Tick> timeTicks(double start, double duration, double widthPx) {
        double step = niceStep(duration / Math.max(1, widthPx / 70));
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        List<Tick> out = new ArrayList<>();
        for (long i = (long) Math.ceil(start / step - 1e-9); i * step <= start + duration + 1e-9; i++) {
            double t = i * step;
            out.add(new Tick(t, String.format(java.util.Locale.ROOT, "%." + decimals + "f", t)));
        }
        if (!out.isEmpty()) {
            Tick last = out.remove(out.size() - 1);
            out.add(new Tick(last.seconds(), last.label() + " s"));
        }
        return out;
    }

    List<String> timeLabels() { return timeLabels; }
    String shownPlaceholder() { return shownPlaceholder; }

    private void drawColourBar(GraphicsContext g, Spectrogram s, double x, double top, double h) {
        for (int i = 0; i < (int) h; i++) {
            int rgb = ColorMap.INFERNO.rgb(1 - i / h);
            g.setFill(Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF));
            g.fillRect(x, top + i, BAR_W, 1);
        }
        double minDb = s == null ? -100 : s.config().minDb();
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double stepDb = minDb <= -60 ? 20 : 10;
        for (double db = 0; db >= minDb - 1e-9; db -= stepDb)
            g.fillText(String.format("%.0f", db), x + BAR_W + 3, top + h * (db / minDb));
        g.setTextBaseline(VPos.TOP);
        g.fillText("dB", x + BAR_W + 3, top + h + 4);
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 5, 10}) if (m * p >= raw) return m * p;
        return 10 * p;
    }

    private void onScroll(ScrollEvent e) {
        SpectrogramGeometry geo = geometry;
        Spectrogram s = getSkinnable().getSpectrogram();
        if (geo == null || s == null) return;
        double total = Math.max(s.durationSeconds(), 1e-3);
        double delta = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
        if (e.isControlDown()) {
            double anchor = geo.secondsAtX(e.getX());
            double dur = Math.min(total, Math.max(0.05, geo.durationSeconds() * (delta > 0 ? 0.8 : 1.25)));
            double start = anchor - (anchor - geo.startSeconds()) * dur / geo.durationSeconds();
            setWindow(start, dur, total);
        } else {
            setWindow(geo.startSeconds() - Math.signum(delta) * geo.durationSeconds() * 0.1, geo.durationSeconds(), total);
        }
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        SpectrogramGeometry geo = geometry;
        Spectrogram s = getSkinnable().getSpectrogram();
        if (geo == null || s == null || Double.isNaN(dragX)) return;
        double total = Math.max(s.durationSeconds(), 1e-3);
        if (geo.durationSeconds() >= total) return; // nothing to pan
        setWindow(dragStart - (e.getX() - dragX) / geo.width() * geo.durationSeconds(), geo.durationSeconds(), total);
    }

    private void setWindow(double start, double dur, double total) {
        start = Math.max(0, Math.min(start, total - dur));
        getSkinnable().setVisibleWindow(start, dur);
    }
}
