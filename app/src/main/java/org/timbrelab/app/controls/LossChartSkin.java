package org.timbrelab.app.controls;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.SkinBase;

/** Shows a {@link LossChart}'s series in a LineChart without symbols or animation (cheap live updates). */
public class LossChartSkin extends SkinBase<LossChart> {
    public LossChartSkin(LossChart control) {
        super(control);
        NumberAxis x = new NumberAxis();
        x.setLabel("step");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("loss");
        y.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y, control.getSeries());
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.getStyleClass().add("loss-line-chart");
        getChildren().add(chart);
    }
}
