package org.timbrelab.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.timbrelab.engine.config.ConfigException;
import org.timbrelab.engine.config.ConfigLoader;
import org.timbrelab.engine.config.ModelConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code train} invocation: read the config (with --steps/--seed overrides applied to the
 * YAML tree, so the saved config says what really ran), pick the model kind by {@code model:},
 * restore the checkpoint when resuming, wire the standard listeners and run the loop.
 * Used by the CLI and the app alike.
 */
public final class TrainingRun {

    /** Name of the effective config saved in every run directory. */
    public static final String CONFIG_FILE = "config.yaml";

    /**
     * @param config  YAML config; may be null when resuming (then RUN_DIR/config.yaml is used)
     * @param steps   overrides train.steps when not null (total steps, also when resuming)
     * @param seed    overrides train.seed when not null
     * @param snapshotEvery steps between snapshots ({@link RunContext#snapshotEvery}); 0 = none
     */
    public record Request(Path config, Path runDir, Long steps, Long seed, boolean resume, long snapshotEvery) {
        public Request(Path config, Path runDir, Long steps, Long seed, boolean resume) {
            this(config, runDir, steps, seed, resume, 0);
        }
    }

    /** How the run ended and its mean step time (over the last window). */
    public record Result(StopReason reason, long completedSteps, double msPerStep) { }

    private TrainingRun() { }

    public static Result execute(Request req, ModelRegistry registry, PrintStream out, RunControl control) {
        return execute(req, registry, out, control, List.of());
    }

    /**
     * As {@link #execute(Request, ModelRegistry, PrintStream, RunControl)}, also telling {@code listeners} of every step
     * in-process (the app's dashboard), on the training thread, after the run's own listeners.
     */
    public static Result execute(Request req, ModelRegistry registry, PrintStream out, RunControl control, List<TrainingListener> listeners) {
        Path configPath = req.config();
        Path ckpt = req.runDir().resolve(Checkpoints.FILE_NAME);
        if (req.resume() && !Files.exists(ckpt) && !Files.exists(Checkpoints.previous(ckpt)))
            throw new ConfigException(req.runDir() + ": no run to resume here (no " + Checkpoints.FILE_NAME
                    + "); check the --out folder, or train without --resume to start a new run");
        if (configPath == null) {
            if (!req.resume()) throw new ConfigException("--config is required (or --resume with a run directory)");
            configPath = req.runDir().resolve(CONFIG_FILE);
        }
        ObjectNode tree = ConfigLoader.readTree(configPath);
        ModelKind<?> kind = registry.get(ConfigLoader.requireText(tree, "model", configPath), configPath);
        kind.fillOptionalKeys(tree);
        if (tree.get("train") instanceof ObjectNode train) {
            if (req.steps() != null) train.put("steps", req.steps());
            if (req.seed() != null) train.put("seed", req.seed());
        }
        return run(kind, tree, configPath, req, out, control, listeners);
    }

    private static <C extends ModelConfig> Result run(ModelKind<C> kind, ObjectNode tree, Path configPath, Request req,
                                                      PrintStream out, RunControl control, List<TrainingListener> listeners) {
        C config = ConfigLoader.bind(tree, kind.configType(), configPath);
        String yaml = ConfigLoader.toYaml(tree);
        Path runDir = req.runDir();
        Path ckptFile = runDir.resolve(Checkpoints.FILE_NAME);
        CheckpointData resumeFrom = null;
        try {
            if (req.resume()) {
                Checkpoints.Loaded loaded = Checkpoints.readOrPrevious(ckptFile);
                if (loaded.fellBack()) out.println("warning: " + loaded.notice());
                resumeFrom = loaded.data();
                String savedKind = resumeFrom.requireText("model");
                if (!savedKind.equals(kind.name())) {
                    throw new ConfigException(configPath + ": says model '" + kind.name() + "' but " + ckptFile + " holds a '" + savedKind
                            + "' model; " + CONFIG_FILE + " was left unchanged" + howToContinue(req));
                }
            } else if (Files.exists(ckptFile)) {
                throw new ConfigException(runDir + ": already holds a run (" + Checkpoints.FILE_NAME
                        + "); add --resume to continue it or choose another --out");
            }
        } catch (DamagedCheckpointException e) {
            throw new ConfigException(ckptFile + ": " + e.problem() + "; nothing was changed: restore a complete copy of the run folder, "
                    + "or train without --resume into a new --out to start over", e);
        } catch (IOException e) {
            throw new UncheckedIOException(runDir + ": " + e.getMessage(), e);
        }

        out.println("config (" + configPath + "):");
        out.print(yaml.indent(2));

        long seed = config.train().seed();
        long total = config.train().steps();
        try (NDManager base = NDManager.newBaseManager()) {
            RunContext ctx = new RunContext(runDir, base, out, req.snapshotEvery());
            Engine.getInstance().setRandomSeed((int) seed); // initial weights depend on the seed only
            try (TrainingRecipe recipe = kind.create(config, ctx)) {
                long start = 0;
                if (resumeFrom != null) {
                    try {
                        recipe.loadState(resumeFrom);
                    } catch (IllegalStateException | IllegalArgumentException e) {
                        // checked before anything is written: the run's own config.yaml stays as it was
                        throw new ConfigException(configPath + ": does not fit the checkpoint in " + runDir + " (" + e.getMessage()
                                .replaceAll(": (it was written by another model or config|the config changed since the checkpoint); start a new run directory", "")
                                + "); " + CONFIG_FILE + " was left unchanged" + howToContinue(req), e);
                    }
                    start = resumeFrom.requireLong("step");
                }
                writeConfig(runDir, yaml);
                LastEvent last = new LastEvent();
                TrainingLoop loop = new TrainingLoop(recipe, seed, total, control)
                        .addListener(new ConsoleProgress(out, config.train().logEvery()))
                        .addListener(new MemoryListener(out, config.train().reportEvery()))
                        .addListener(new MetricsJsonl(runDir.resolve(MetricsJsonl.FILE_NAME)))
                        .addListener(new CheckpointListener(ckptFile, recipe, config.train().checkpointEvery(),
                                Map.of("model", kind.name(), "config", yaml), Map.of("seed", seed)))
                        .addListener(last);
                List<TrainingListener> extra = new ArrayList<>(kind.listeners(config, recipe, ctx));
                extra.addAll(listeners);
                extra.forEach(loop::addListener);
                // the report comes last so it sees the snapshots the other listeners just wrote
                loop.addListener(new ReportWriter(runDir, kind.name() + " — " + runDir.getFileName(), yaml, config.train().reportEvery()));
                StopReason reason = loop.run(base, start);
                return new Result(reason, last.step, last.ms);
            }
        }
    }

    /** Saves the effective config; only once the config is known to fit the checkpoint when resuming. */
    private static void writeConfig(Path runDir, String yaml) {
        try {
            Files.createDirectories(runDir);
            ReportWriter.writeAtomically(runDir.resolve(CONFIG_FILE), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(runDir + ": cannot write " + CONFIG_FILE + " (" + e.getMessage() + "); check the folder is writable and has space", e);
        }
    }

    private static String howToContinue(Request req) {
        return req.config() == null ? "; start a new run with another --out"
                : "; to continue the run use `train --resume --out " + req.runDir() + "` without --config (it uses the run's own "
                + CONFIG_FILE + "), or train with this config into a new --out";
    }

    /**
     * Rebuilds a run's recipe from {@code runDir/config.yaml} and its checkpoint, for commands that
     * use a trained lab model (sample, reconstruct…). The caller closes the recipe.
     */
    public static TrainingRecipe restore(Path runDir, ModelRegistry registry, RunContext ctx) {
        Path configPath = runDir.resolve(CONFIG_FILE);
        ObjectNode tree = ConfigLoader.readTree(configPath);
        ModelKind<?> kind = registry.get(ConfigLoader.requireText(tree, "model", configPath), configPath);
        kind.fillOptionalKeys(tree);
        try {
            Checkpoints.Loaded loaded = Checkpoints.readOrPrevious(runDir.resolve(Checkpoints.FILE_NAME));
            if (loaded.fellBack()) ctx.out().println("warning: " + loaded.notice());
            CheckpointData ckpt = loaded.data();
            TrainingRecipe recipe = create(kind, tree, configPath, ctx);
            try {
                recipe.loadState(ckpt);
            } catch (RuntimeException e) {
                recipe.close();
                throw e;
            }
            return recipe;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static <C extends ModelConfig> TrainingRecipe create(ModelKind<C> kind, ObjectNode tree, Path source, RunContext ctx) {
        C config = ConfigLoader.bind(tree, kind.configType(), source);
        Engine.getInstance().setRandomSeed((int) config.train().seed());
        return kind.create(config, ctx);
    }

    private static final class LastEvent implements TrainingListener {
        long step;
        double ms;

        @Override public void onStart(long startStep, long totalSteps) {
            step = startStep;
        }

        @Override public void onStep(StepEvent e) {
            step = e.step();
            ms = e.msPerStep();
        }
    }
}
