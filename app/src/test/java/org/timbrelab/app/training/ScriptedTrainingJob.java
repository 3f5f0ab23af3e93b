package org.timbrelab.app.training;

import org.timbrelab.engine.train.RunControl;
import org.timbrelab.engine.train.StepEvent;
import org.timbrelab.engine.train.StopReason;
import org.timbrelab.engine.train.TrainingListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A job that emits decreasing losses on its own thread, honouring pause and cancel like the real loop. */
final class ScriptedTrainingJob implements TrainingJob {
    private final RunControl control = new RunControl();
    private final Path runDir;
    private final long total;
    private final long sleepMs;
    volatile int published;

    ScriptedTrainingJob(Path runDir, long total, long sleepMs) { this.runDir = runDir; this.total = total; this.sleepMs = sleepMs; }

    @Override public void start(TrainingListener l) {
        Thread t = new Thread(() -> {
            long step = 0;
            try {
                for (; step < total; step++) {
                    while (control.isPaused() && !control.isCancelled()) Thread.sleep(5);
                    if (control.isCancelled()) { l.onStop(step, StopReason.CANCELLED, null); return; }
                    Thread.sleep(sleepMs);
                    l.onStep(new StepEvent(step + 1, total, Map.of("rec", 1f / (step + 1), "gan", 0.25f, "gnorm_G", 3.5e9f), sleepMs, (total - step - 1) * sleepMs / 1000.0));
                }
                l.onStop(step, StopReason.COMPLETED, null);
            } catch (InterruptedException e) {
                l.onStop(step, StopReason.FAILED, e);
            }
        }, "scripted-training");
        t.setDaemon(true);
        t.start();
    }

    @Override public RunControl control() { return control; }
    @Override public Path runDir() { return runDir; }

    @Override public Path publishPreset() throws Exception {
        published++;
        return Files.createDirectories(runDir.resolve("preset"));
    }
}
