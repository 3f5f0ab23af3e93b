package org.timbrelab.app.training;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.timbrelab.app.services.Background;
import org.timbrelab.engine.train.StopReason;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timbrelab.app.FxTestUtil.onFx;
import static org.timbrelab.app.FxTestUtil.waitUntil;

@ExtendWith(ApplicationExtension.class)
class TrainingDashboardTest {
    @TempDir Path run;
    private Stage owner;

    @Start void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 100, 100));
        stage.show();
    }

    @Test void showsLiveLossesPausesAndPublishesTheFinishedRun(FxRobot robot) throws Exception {
        ScriptedTrainingJob job = new ScriptedTrainingJob(run, 150, 4);
        AtomicReference<Path> preset = new AtomicReference<>();
        TrainingDashboard d = onFx(() -> new TrainingDashboard(owner, "test", job, new Background(), preset::set));
        onFx(() -> { d.start(); return null; });
        waitUntil(10, "some steps shown", () -> d.lastStepProperty().get() >= 10);
        robot.clickOn("#dashboardPause");
        long paused = onFx(() -> d.lastStepProperty().get());
        Thread.sleep(300);
        long after = onFx(() -> d.lastStepProperty().get());
        assertTrue(after - paused <= 2, "pause holds the run (moved " + (after - paused) + " steps)");
        robot.clickOn("#dashboardPause");
        waitUntil(20, "finished", () -> d.stoppedProperty().get() == StopReason.COMPLETED);
        waitUntil(5, "preset published", () -> preset.get() != null);
        assertEquals(1, job.published);
        assertEquals(2, d.chart().getSeries().size(), "one curve per loss term, none for the gradient norm");
        var rec = d.chart().seriesFor("rec").getData();
        assertEquals(150L, rec.get(rec.size() - 1).getXValue().longValue());
    }

    @Test void stopCancelsWithoutPublishing(FxRobot robot) {
        ScriptedTrainingJob job = new ScriptedTrainingJob(run, 100_000, 2);
        TrainingDashboard d = onFx(() -> new TrainingDashboard(owner, "test", job, new Background(), p -> { }));
        onFx(() -> { d.start(); return null; });
        waitUntil(10, "running", () -> d.lastStepProperty().get() > 0);
        robot.clickOn("#dashboardStop");
        waitUntil(10, "cancelled", () -> d.stoppedProperty().get() == StopReason.CANCELLED);
        assertEquals(0, job.published);
    }
}
