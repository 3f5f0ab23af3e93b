package org.timbrelab.app.controls;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

import java.util.Map;

/**
 * Live training curves: one line per loss term against the step. Long runs stay cheap to draw:
 * when a series exceeds {@link #maxPointsProperty()} every other point is dropped.
 */
public class LossChart extends Control {
    private final ObservableList<XYChart.Series<Number, Number>> series = FXCollections.observableArrayList();
    private final IntegerProperty maxPoints = new SimpleIntegerProperty(this, "maxPoints", 400);

    public LossChart() { getStyleClass().add("loss-chart"); }

    @Override protected Skin<?> createDefaultSkin() { return new LossChartSkin(this); }

    @Override public String getUserAgentStylesheet() { return LossChart.class.getResource("controls.css").toExternalForm(); }

    /** Adds one step's losses (term → value); non-finite values are skipped. FX thread only. */
    public void add(long step, Map<String, ? extends Number> losses) {
        losses.forEach((term, value) -> addPoint(term, step, value.doubleValue()));
    }

    public void addPoint(String term, long step, double value) {
        if (!Double.isFinite(value)) return;
        XYChart.Series<Number, Number> s = seriesFor(term);
        s.getData().add(new XYChart.Data<>(step, value));
        if (s.getData().size() > maxPoints.get()) thin(s.getData());
    }

    private static void thin(ObservableList<XYChart.Data<Number, Number>> data) {
        var kept = new java.util.ArrayList<XYChart.Data<Number, Number>>(data.size() / 2 + 1);
        for (int i = 0; i < data.size(); i += 2) kept.add(data.get(i));
        if (!kept.get(kept.size() - 1).equals(data.get(data.size() - 1))) kept.add(data.get(data.size() - 1));
        data.setAll(kept);
    }

    public XYChart.Series<Number, Number> seriesFor(String term) {
        for (var s : series) if (s.getName().equals(term)) return s;
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(term);
        series.add(s);
        return s;
    }

    public void clear() { series.clear(); }

    public ObservableList<XYChart.Series<Number, Number>> getSeries() { return series; }
    public IntegerProperty maxPointsProperty() { return maxPoints; }
}
