package org.timbrelab.app.controls;

import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Draws a {@link LatentScatterView} on a Canvas and turns mouse input into its events. */
public class LatentScatterSkin extends SkinBase<LatentScatterView> {
    private static final double MARGIN = 28, HIT_PX = 7;
    private static final Color TEXT = Color.web("#c8ccd4"), AXIS = Color.web("#ffffff30");

    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private double minX, maxX, minY, maxY;
    private LatentPoint hover;
    private boolean dragging;

    public LatentScatterSkin(LatentScatterView view) {
        super(view);
        getChildren().add(canvas);
        view.getPoints().addListener((ListChangeListener<LatentPoint>) c -> { hover = null; draw(); });
        view.getDomains().addListener((ListChangeListener<String>) c -> draw());
        view.getDomainColours().addListener((javafx.collections.MapChangeListener<String, Color>) c -> draw());
        registerChangeListener(view.inputPositionProperty(), o -> draw());
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMove);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> dragging = false);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
        tooltip.setShowDelay(javafx.util.Duration.millis(150));
    }

    @Override protected void layoutChildren(double x, double y, double w0, double h0) {
        double w = getSkinnable().getWidth(), h = getSkinnable().getHeight();
        canvas.relocate(0, 0);
        canvas.setWidth(w);
        canvas.setHeight(h);
        draw();
    }

    @Override protected double computePrefWidth(double h, double t, double r, double b, double l) { return 360; }
    @Override protected double computePrefHeight(double w, double t, double r, double b, double l) { return 300; }

    Point2D toScreen(double px, double py) {
        double w = canvas.getWidth() - 2 * MARGIN, h = canvas.getHeight() - 2 * MARGIN;
        return new Point2D(MARGIN + (px - minX) / (maxX - minX) * w, MARGIN + h - (py - minY) / (maxY - minY) * h);
    }

    Point2D toPlane(double sx, double sy) {
        double w = canvas.getWidth() - 2 * MARGIN, h = canvas.getHeight() - 2 * MARGIN;
        return new Point2D(minX + (sx - MARGIN) / w * (maxX - minX), minY + (MARGIN + h - sy) / h * (maxY - minY));
    }

    /** Data range with a margin; the cursor does not widen it (dragging must not rescale under the mouse). */
    private void updateRange() {
        minX = minY = Double.POSITIVE_INFINITY;
        maxX = maxY = Double.NEGATIVE_INFINITY;
        for (LatentPoint p : getSkinnable().getPoints()) {
            minX = Math.min(minX, p.x()); maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y()); maxY = Math.max(maxY, p.y());
        }
        if (minX > maxX) { minX = minY = -1; maxX = maxY = 1; }
        double padX = Math.max(1e-6, (maxX - minX) * 0.1), padY = Math.max(1e-6, (maxY - minY) * 0.1);
        minX -= padX; maxX += padX; minY -= padY; maxY += padY;
    }

    private void draw() {
        if (!dragging) updateRange();
        double w = canvas.getWidth(), h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 2 * MARGIN + 10 || h < 2 * MARGIN + 10) return;
        g.setFont(Font.font(10));
        g.setStroke(AXIS);
        g.strokeRect(MARGIN, MARGIN, w - 2 * MARGIN, h - 2 * MARGIN);
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText("PC 1", w / 2, h - MARGIN + 6);
        g.save();
        g.translate(10, h / 2);
        g.rotate(-90);
        g.fillText("PC 2", 0, -4);
        g.restore();
        LatentScatterView v = getSkinnable();
        for (LatentPoint p : v.getPoints()) {
            Point2D s = toScreen(p.x(), p.y());
            g.setFill(colourOf(p.domain()).deriveColor(0, 1, 1, 0.8));
            g.fillOval(s.getX() - 3, s.getY() - 3, 6, 6);
        }
        if (hover != null) {
            Point2D s = toScreen(hover.x(), hover.y());
            g.setStroke(Color.WHITE);
            g.strokeOval(s.getX() - 6, s.getY() - 6, 12, 12);
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(hover.domain() + ": " + hover.source(), MARGIN, 6);
        }
        Point2D c = v.getInputPosition();
        if (c != null) {
            Point2D s = toScreen(c.getX(), c.getY());
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            g.strokeLine(s.getX() - 8, s.getY(), s.getX() + 8, s.getY());
            g.strokeLine(s.getX(), s.getY() - 8, s.getX(), s.getY() + 8);
            g.setLineWidth(1);
        }
        drawLegend(g, w);
    }

    private void drawLegend(GraphicsContext g, double w) {
        var domains = getSkinnable().getDomains();
        double y = MARGIN + 6;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < domains.size(); i++, y += 14) {
            g.setFill(getSkinnable().colourOf(domains.get(i)));
            g.fillOval(w - MARGIN - 80, y - 4, 8, 8);
            g.setFill(TEXT);
            g.fillText(domains.get(i), w - MARGIN - 68, y);
        }
        if (getSkinnable().getInputPosition() != null) {
            g.setStroke(Color.WHITE);
            g.strokeLine(w - MARGIN - 80, y, w - MARGIN - 72, y);
            g.strokeLine(w - MARGIN - 76, y - 4, w - MARGIN - 76, y + 4);
            g.setFill(TEXT);
            g.fillText("input", w - MARGIN - 68, y);
        }
    }

    private Color colourOf(String domain) { return getSkinnable().colourOf(domain); }

    private LatentPoint nearest(double sx, double sy) {
        LatentPoint best = null;
        double bestD = HIT_PX * HIT_PX;
        for (LatentPoint p : getSkinnable().getPoints()) {
            Point2D s = toScreen(p.x(), p.y());
            double d = (s.getX() - sx) * (s.getX() - sx) + (s.getY() - sy) * (s.getY() - sy);
            if (d <= bestD) { bestD = d; best = p; }
        }
        return best;
    }

    private void onMove(MouseEvent e) {
        LatentPoint p = nearest(e.getX(), e.getY());
        if (p != hover) {
            hover = p;
            if (p == null) Tooltip.uninstall(canvas, tooltip);
            else { tooltip.setText(p.domain() + "\n" + p.source()); Tooltip.install(canvas, tooltip); }
            draw();
        }
    }

    private void onDrag(MouseEvent e) {
        dragging = true;
        Point2D p = toPlane(e.getX(), e.getY());
        getSkinnable().setInputPosition(p);
        getSkinnable().fireEvent(new LatentScatterEvent(LatentScatterEvent.CURSOR_DRAGGED, null, p.getX(), p.getY()));
    }

    private void onClick(MouseEvent e) {
        if (dragging) { dragging = false; draw(); return; }
        LatentPoint p = nearest(e.getX(), e.getY());
        if (p != null) getSkinnable().fireEvent(new LatentScatterEvent(LatentScatterEvent.POINT_CLICKED, p, p.x(), p.y()));
    }
}
