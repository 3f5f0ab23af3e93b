package org.timbrelab.app.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.app.training.DomainSpec;
import org.timbrelab.app.training.TrainingPlan;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.engine.preset.PresetStore;
import org.timbrelab.engine.train.StepEvent;
import org.timbrelab.engine.train.StopReason;
import org.timbrelab.engine.train.TrainingListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A wizard plan trains in-process: the dashboard's listener hears each step from the loop and the outcome once; the preset lands in the library. */
class EngineTrainingJobTest {
    @TempDir Path tmp;

    private static void tones(Path dir, double f0) throws Exception {
        Files.createDirectories(dir);
        for (int k = 0; k < 3; k++) {
            float[] x = new float[32_000];
            double f = f0 * (1 + 0.05 * k);
            for (int i = 0; i < x.length; i++) {
                double s = 0;
                for (int h = 1; h <= 5; h++) s += Math.sin(2 * Math.PI * f * h * i / 16000.0) / h;
                x[i] = (float) (0.2 * s);
            }
            AudioFiles.saveWav(dir.resolve("t" + k + ".wav"), new AudioClip(x, 16000));
        }
    }

    @Test void aPlanTrainsInProcessAndPublishesItsPreset() throws Exception {
        tones(tmp.resolve("low"), 140);
        tones(tmp.resolve("high"), 420);
        // a measured 30 s per step in a 1-minute budget: a 2-step run
        TrainingPlan plan = new TrainingPlan("tiny", List.of(DomainSpec.folder("low", tmp.resolve("low")), DomainSpec.folder("high", tmp.resolve("high"))),
                TrainingPlan.ModelSize.SMALL, 1, 30_000);
        assertEquals(2, plan.estimatedSteps());
        EngineTrainingJob job = new EngineTrainingJob(plan, tmp.resolve("runs"), tmp.resolve("library"));
        List<String> heard = new CopyOnWriteArrayList<>();
        List<StepEvent> steps = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Throwable[] error = new Throwable[1];
        job.start(new TrainingListener() {
            @Override public void onStart(long startStep, long totalSteps) { heard.add("start " + startStep + "/" + totalSteps); }
            @Override public void onStep(StepEvent e) { steps.add(e); }
            @Override public void onStop(long completed, StopReason reason, Throwable t) {
                heard.add("stop " + completed + " " + reason);
                error[0] = t;
                done.countDown();
            }
        });
        assertTrue(done.await(5, TimeUnit.MINUTES), "the run ends");
        assertNull(error[0], () -> "failed: " + error[0]);
        Thread.sleep(200);   // a second onStop would arrive now
        assertEquals(List.of("start 0/2", "stop 2 COMPLETED"), heard);
        assertEquals(List.of(1L, 2L), steps.stream().map(StepEvent::step).toList());
        assertTrue(steps.get(1).losses().containsKey("L_G") && steps.get(1).msPerStep() > 0, steps.get(1).toString());
        // the wizard's run uses the recipe of config/vaegan-voice-violin-fast.yaml (WizardRecipeTest)
        String config = Files.readString(job.runDir().resolve("config.yaml"));
        assertTrue(config.contains("shiftKeepsLoudness: true") && config.contains("level: 15"), config);
        assertTrue(config.contains("fusedKernels: true"), "a new model trains with the faster kernels: " + config);

        Path preset = job.publishPreset();
        assertEquals(List.of("low", "high"), PresetStore.readInfo(preset).domainNames());
    }
}
