package org.timbrelab.cli;

import org.timbrelab.engine.train.ModelRegistry;
import org.timbrelab.engine.train.RunControl;
import org.timbrelab.engine.train.StopReason;
import org.timbrelab.engine.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code train --config C --out RUN_DIR [--steps N] [--seed S] [--resume]}: trains the model kind
 * named by the config's {@code model:} key. Ctrl-C finishes the current step and checkpoints it.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model from a YAML config (model kind from its 'model:' key); resumable.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "C", description = "YAML config (default with --resume: RUN_DIR/config.yaml)")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "run directory (checkpoint, metrics.jsonl, report.html)")
    Path out;

    @Option(names = "--steps", paramLabel = "N", description = "override train.steps (total, also when resuming)")
    Long steps;

    @Option(names = "--seed", paramLabel = "S", description = "override train.seed")
    Long seed;

    @Option(names = "--resume", description = "continue the run in RUN_DIR from its checkpoint")
    boolean resume;

    @Option(names = "--snapshots", defaultValue = "0", paramLabel = "N",
            description = "every N steps also write the model as a preset to RUN_DIR/snapshots/step-NNNNN, to choose a checkpoint "
                    + "by listening on a selection set (vaegan; default 0 = none)")
    long snapshots;

    @Override public Integer call() {
        OutputPaths.requireCreatableIn(out.resolve(TrainingRun.CONFIG_FILE)); // before reading data for minutes
        org.timbrelab.dsp.AtomicFiles.cleanupOnExit(false); // the hook below lets the last checkpoint finish
        RunControl control = new RunControl();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.cancel();
            try {
                finished.await(60, TimeUnit.SECONDS); // let the loop checkpoint the last full step
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "train-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            TrainingRun.Result r = TrainingRun.execute(new TrainingRun.Request(config, out, steps, seed, resume, snapshots),
                    ModelRegistry.standard(), System.out, control);
            System.out.println("run directory: " + out.toAbsolutePath() + " (report.html, metrics.jsonl, checkpoint)");
            return r.reason() == StopReason.COMPLETED || r.reason() == StopReason.CANCELLED ? 0 : 1;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting through the hook: nothing to remove
            }
        }
    }
}
