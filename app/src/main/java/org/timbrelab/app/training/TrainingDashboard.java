package org.timbrelab.app.training;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.timbrelab.app.controls.LossChart;
import org.timbrelab.app.services.Background;
import org.timbrelab.engine.train.RunImages;
import org.timbrelab.engine.train.StepEvent;
import org.timbrelab.engine.train.StopReason;
import org.timbrelab.engine.train.TrainingListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Watches a {@link TrainingJob}: live loss curves per term, the newest image the run writes per
 * domain (PNG files the run writes), steps, steps/s, ETA, and pause / resume / stop. Events
 * arrive on the training thread and are drained once per frame, so the FX thread never waits.
 */
public final class TrainingDashboard {
    private final Stage stage = new Stage();
    private final LossChart chart = new LossChart();
    private final TilePane snapshots = new TilePane(8, 8);
    private final Label steps = new Label("starting…"), speed = new Label(), eta = new Label(), state = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final ToggleButton pause = new ToggleButton("Pause");
    private final Button stop = new Button("Stop");
    private final ConcurrentLinkedQueue<Object> events = new ConcurrentLinkedQueue<>();
    private final ReadOnlyLongWrapper lastStep = new ReadOnlyLongWrapper(this, "lastStep");
    private final ReadOnlyObjectWrapper<StopReason> stopped = new ReadOnlyObjectWrapper<>(this, "stopped");
    private final Map<String, ImageView> snapshotViews = new LinkedHashMap<>();
    private final TrainingJob job;
    private final Background background;
    private long lastSnapshotScan;

    private record Stopped(long steps, StopReason reason, Throwable error) { }

    public TrainingDashboard(Window owner, String title, TrainingJob job, Background background, Consumer<Path> onPreset) {
        this.job = job;
        this.background = background;
        stage.initOwner(owner);
        stage.setTitle("Training — " + title);
        progress.setPrefWidth(260);
        pause.setOnAction(e -> {
            if (pause.isSelected()) { job.control().pause(); pause.setText("Resume"); state.setText("paused"); }
            else { job.control().resume(); pause.setText("Pause"); state.setText("running"); }
        });
        stop.setOnAction(e -> { job.control().cancel(); state.setText("stopping after this step…"); });
        steps.setId("dashboardSteps");
        state.setId("dashboardState");
        pause.setId("dashboardPause");
        stop.setId("dashboardStop");
        HBox bar = new HBox(14, steps, progress, speed, eta, state, pause, stop);
        bar.setPadding(new Insets(8));
        Label snapTitle = new Label("Images the run writes (newest of each)");
        snapTitle.getStyleClass().add("section-title");
        VBox snapBox = new VBox(6, snapTitle, snapshots);
        snapBox.setPadding(new Insets(8));
        SplitPane split = new SplitPane(chart, snapBox);
        split.setDividerPositions(0.55);
        BorderPane root = new BorderPane(split, null, null, bar, null);
        stage.setScene(new Scene(root, 1100, 560));
        var css = TrainingDashboard.class.getResource("/org/timbrelab/app/ui/app.css");
        if (css != null) stage.getScene().getStylesheets().add(css.toExternalForm());
        drain.start();
        stopped.addListener((o, a, r) -> {
            drain.stop();
            pause.setDisable(true);
            stop.setDisable(true);
            if (r == StopReason.COMPLETED) {
                background.heavy("Save the trained model as a preset", p -> job.publishPreset(), dir -> {
                    state.setText("finished — saved as preset " + dir.getFileName());
                    onPreset.accept(dir);
                });
            }
        });
    }

    /** Shows the window and starts the job. */
    public void start() {
        stage.show();
        state.setText("running");
        job.start(new TrainingListener() {
            @Override public void onStep(StepEvent e) { events.add(e); }
            @Override public void onStop(long completed, StopReason reason, Throwable error) { events.add(new Stopped(completed, reason, error)); }
        });
    }

    private final AnimationTimer drain = new AnimationTimer() {
        @Override public void handle(long now) {
            StepEvent latest = null;
            for (Object o; (o = events.poll()) != null; ) {
                if (o instanceof StepEvent e) { chart.add(e.step(), lossTerms(e.losses())); latest = e; }
                else if (o instanceof Stopped s) { finish(s); return; }
            }
            if (latest != null) show(latest);
            if (now - lastSnapshotScan > 2_000_000_000L) { lastSnapshotScan = now; scanSnapshots(); }
        }
    };

    /**
     * The terms the chart plots: the losses, not the gradient norms the run also logs (gnorm_G, gnorm_D);
     * a norm's spike (10^9 at a bad step) would flatten every loss curve to a line at zero.
     */
    static Map<String, Float> lossTerms(Map<String, Float> logged) {
        Map<String, Float> out = new LinkedHashMap<>();
        logged.forEach((k, v) -> { if (!k.startsWith("gnorm")) out.put(k, v); });
        return out;
    }

    private void show(StepEvent e) {
        lastStep.set(e.step());
        steps.setText(String.format("step %,d / %,d", e.step(), e.totalSteps()));
        progress.setProgress(e.percent() / 100);
        speed.setText(e.msPerStep() > 0 ? String.format("%.2f steps/s (%.0f ms/step)", 1000 / e.msPerStep(), e.msPerStep()) : "");
        long s = Math.round(e.etaSeconds());
        eta.setText(String.format("ETA %d:%02d", s / 60, s % 60));
    }

    private void finish(Stopped s) {
        scanSnapshots();
        String text = switch (s.reason()) {
            case COMPLETED -> "finished " + s.steps() + " steps — saving preset…";
            case CANCELLED -> "stopped after " + s.steps() + " steps (checkpoint kept; resume from the CLI with --resume)";
            case DIVERGED -> "stopped: the losses became NaN/Inf at step " + s.steps() + " — lower the learning rate or restart";
            case FAILED -> "failed: " + (s.error() == null ? "unknown error" : s.error().getMessage());
        };
        state.setText(text);
        stopped.set(s.reason());
    }

    /** Newest PNG per name stem under the run directory, loaded in the background. */
    private void scanSnapshots() {
        Path dir = job.runDir();
        background.quiet("Read snapshots", p -> latestPngs(dir), files -> {
            for (Path f : files) {
                String key = f.getFileName().toString().replaceAll("[-_]?\\d+\\.png$", "").replace(".png", "");
                ImageView v = snapshotViews.computeIfAbsent(key, k -> {
                    ImageView iv = new ImageView();
                    iv.setFitWidth(220);
                    iv.setPreserveRatio(true);
                    snapshots.getChildren().add(new VBox(2, new Label(k), iv));
                    return iv;
                });
                v.setImage(new Image(f.toUri().toString(), true));
            }
        });
    }

    static List<Path> latestPngs(Path dir) throws IOException {
        Map<String, Path> newest = new LinkedHashMap<>();
        RunImages.pngs(dir, 3).stream().sorted(Comparator.comparing(TrainingDashboard::modified)).forEach(p -> {
            String key = p.getFileName().toString().replaceAll("[-_]?\\d+\\.png$", "");
            newest.put(key, p); // oldest first, so the newest per name wins
        });
        return List.copyOf(newest.values());
    }

    private static long modified(Path p) {
        try { return Files.getLastModifiedTime(p).toMillis(); } catch (IOException e) { return 0; }
    }

    public Stage stage() { return stage; }
    public LossChart chart() { return chart; }
    public ReadOnlyLongProperty lastStepProperty() { return lastStep.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<StopReason> stoppedProperty() { return stopped.getReadOnlyProperty(); }
}
