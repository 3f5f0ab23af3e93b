package org.timbrelab.engine.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.engine.config.ConfigException;
import org.timbrelab.engine.config.TrainSettings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingRunTest {

    @TempDir Path dir;
    private final ModelRegistry registry = new ModelRegistry(List.of(new ToyKind()));
    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

    private Path config(String extra) throws IOException {
        Path c = dir.resolve("toy.yaml");
        Files.writeString(c, """
                model: toy
                train: {steps: 20, seed: 7, checkpointEvery: 5, logEvery: 5, reportEvery: 10}
                lr: 0.01
                hidden: 8
                """ + extra);
        return c;
    }

    private TrainingRun.Result train(Path config, Path run, Long steps, boolean resume, RunControl control) {
        return TrainingRun.execute(new TrainingRun.Request(config, run, steps, null, resume), registry, quiet, control);
    }

    private static List<Float> losses(Path run) throws IOException {
        return MetricsJsonl.read(run.resolve(MetricsJsonl.FILE_NAME)).stream().map(r -> r.losses().get("mse")).toList();
    }

    @Test void resumeGivesTheSameLossesAsAnUninterruptedRun() throws IOException {
        Path c = config("poison: false\n");
        Path straight = dir.resolve("straight");
        Path split = dir.resolve("split");
        train(c, straight, null, false, new RunControl());
        train(c, split, 10L, false, new RunControl());
        assertEquals(10, Checkpoints.read(split.resolve(Checkpoints.FILE_NAME)).requireLong("step"));
        TrainingRun.Result r = train(null, split, 20L, true, new RunControl()); // config from the run dir
        assertEquals(StopReason.COMPLETED, r.reason());
        List<Float> a = losses(straight);
        List<Float> b = losses(split);
        assertEquals(20, a.size());
        assertEquals(20, b.size());
        for (int i = 0; i < 20; i++) assertEquals(a.get(i), b.get(i), 1e-6f, "step " + (i + 1));
        assertTrue(a.get(19) < a.get(0), "loss drops: " + a);
        assertTrue(Files.exists(split.resolve(ReportWriter.HTML)));
        assertTrue(Files.exists(split.resolve(ReportWriter.CURVES)));
        assertTrue(Files.readString(split.resolve(TrainingRun.CONFIG_FILE)).contains("steps: 20"));
    }

    @Test void checkpointRoundTripIsBitExact() throws IOException {
        ToyKind.Config cfg = new ToyKind.Config("toy", new TrainSettings(3, 1, 1, 1, 1), 0.05, 6, false);
        Path file = dir.resolve(Checkpoints.FILE_NAME);
        CheckpointData saved = new CheckpointData();
        try (NDManager m = NDManager.newBaseManager();
             ToyKind.Recipe a = new ToyKind.Recipe(cfg, m)) {
            for (int s = 0; s < 3; s++) {
                a.reseed(s);
                try (NDManager sm = m.newSubManager()) {
                    a.step(sm, s);
                }
            }
            a.saveState(saved);
            Checkpoints.write(file, saved);
        }
        CheckpointData read = Checkpoints.read(file);
        try (NDManager m = NDManager.newBaseManager();
             ToyKind.Recipe b = new ToyKind.Recipe(cfg, m)) {
            b.loadState(read);
            CheckpointData again = new CheckpointData();
            b.saveState(again);
            assertEquals(saved.tensors().keySet(), again.tensors().keySet());
            assertTrue(saved.tensors().keySet().stream().anyMatch(k -> k.startsWith("adam/m/")), "moments saved");
            for (String k : saved.tensors().keySet()) {
                float[] x = saved.tensors().get(k).values();
                float[] y = again.tensors().get(k).values();
                for (int i = 0; i < x.length; i++) {
                    assertEquals(Float.floatToRawIntBits(x[i]), Float.floatToRawIntBits(y[i]), k + "[" + i + "]");
                }
            }
            assertEquals(3, b.adam.steps());
            for (Map.Entry<String, Parameter> e : b.params.asMap().entrySet()) {
                assertTrue(e.getValue().getArray().hasGradient(), "loaded parameters still train: " + e.getKey());
            }
        }
    }

    @Test void cancelStopsAfterTheCurrentStepAndCheckpointsIt() throws IOException {
        Path run = dir.resolve("cancelled");
        RunControl control = new RunControl();
        TrainingRun.Result r = TrainingRun.execute(new TrainingRun.Request(config("poison: false\n"), run, null, null, false),
                new ModelRegistry(List.of(new CancellingKind(control, 7))), quiet, control);
        assertEquals(StopReason.CANCELLED, r.reason());
        assertEquals(7, Checkpoints.read(run.resolve(Checkpoints.FILE_NAME)).requireLong("step"));
        assertEquals(7, losses(run).size());
    }

    @Test void pauseHoldsTheLoopUntilResumed() throws Exception {
        RunControl control = new RunControl();
        long[] stepsWhilePaused = {0};
        TrainingRecipe recipe = new TrainingRecipe() {
            @Override public Map<String, Float> step(NDManager m, long step) {
                if (control.isPaused()) stepsWhilePaused[0]++;
                if (step == 2) {
                    control.pause();
                    Thread t = new Thread(() -> {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException ignored) {
                            Thread.currentThread().interrupt();
                        }
                        control.resume();
                    });
                    t.start();
                }
                return Map.of("x", (float) step);
            }
            @Override public void saveState(CheckpointData out) { }
            @Override public void loadState(CheckpointData in) { }
        };
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(StopReason.COMPLETED, new TrainingLoop(recipe, 0, 6, control).run(m, 0));
        }
        assertEquals(0, stepsWhilePaused[0], "no step ran while paused");
        assertFalse(control.isPaused());
    }

    @Test void nanLossStopsWithoutCheckpointingTheBrokenState() throws IOException {
        Path run = dir.resolve("nan");
        Path c = config("poison: true\n");
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> train(c, run, null, false, new RunControl()));
        assertTrue(e.getMessage().contains("step 7") && e.getMessage().contains("mse"), e.getMessage());
        assertEquals(5, Checkpoints.read(run.resolve(Checkpoints.FILE_NAME)).requireLong("step"), "last good checkpoint kept");
        assertEquals(6, losses(run).size());
    }

    @Test void existingRunIsNotOverwrittenWithoutResume() throws IOException {
        Path c = config("poison: false\n");
        Path run = dir.resolve("twice");
        train(c, run, 5L, false, new RunControl());
        ConfigException e = assertThrows(ConfigException.class, () -> train(c, run, 5L, false, new RunControl()));
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());
    }

    @Test void seedOverrideChangesTheRun() throws IOException {
        Path c = config("poison: false\n");
        train(c, dir.resolve("s7"), 3L, false, new RunControl());
        TrainingRun.execute(new TrainingRun.Request(c, dir.resolve("s8"), 3L, 8L, false), registry, quiet, new RunControl());
        assertNotEquals(losses(dir.resolve("s7")), losses(dir.resolve("s8")));
        assertTrue(Files.readString(dir.resolve("s8").resolve(TrainingRun.CONFIG_FILE)).contains("seed: 8"));
    }

    /** The toy model, cancelled from a listener after {@code at} steps. */
    private record CancellingKind(RunControl control, long at) implements ModelKind<ToyKind.Config> {
        @Override public String name() {
            return "toy";
        }
        @Override public Class<ToyKind.Config> configType() {
            return ToyKind.Config.class;
        }
        @Override public TrainingRecipe create(ToyKind.Config config, RunContext context) {
            return new ToyKind().create(config, context);
        }
        @Override public List<TrainingListener> listeners(ToyKind.Config c, TrainingRecipe r, RunContext ctx) {
            return List.of(new TrainingListener() {
                @Override public void onStep(StepEvent e) {
                    if (e.step() == at) control.cancel();
                }
            });
        }
    }
}
