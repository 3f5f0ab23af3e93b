package org.timbrelab.app.controls;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timbrelab.app.FxTestUtil.onFx;

@ExtendWith(ApplicationExtension.class)
class LossChartTest {
    private LossChart chart;

    @Start void start(Stage stage) {
        chart = new LossChart();
        stage.setScene(new Scene(new StackPane(chart), 500, 300));
        stage.show();
    }

    @Test void oneSeriesPerTermThinnedButKeepingTheLatestStep() {
        onFx(() -> {
            for (int step = 1; step <= 1000; step++)
                chart.add(step, Map.of("rec", 1.0 / step, "gan", 0.25, "kl", step == 500 ? Double.NaN : 0.01));
            return null;
        });
        assertEquals(3, chart.getSeries().size());
        var rec = chart.seriesFor("rec").getData();
        assertTrue(rec.size() <= 400 && rec.size() >= 200, "thinned to at most maxPoints, got " + rec.size());
        assertEquals(1000L, rec.get(rec.size() - 1).getXValue().longValue());
        assertEquals(1.0, rec.get(0).getYValue().doubleValue(), 1e-12);
        assertTrue(chart.seriesFor("kl").getData().stream().allMatch(d -> Double.isFinite(d.getYValue().doubleValue())));
    }
}
