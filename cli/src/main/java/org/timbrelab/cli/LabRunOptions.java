package org.timbrelab.cli;

import ai.djl.ndarray.NDManager;
import org.timbrelab.engine.train.ModelRegistry;
import org.timbrelab.engine.train.RunContext;
import org.timbrelab.engine.train.TrainingRecipe;
import org.timbrelab.engine.train.TrainingRun;

import java.io.PrintStream;
import java.nio.file.Path;

/** Opens a trained lab run (config.yaml + checkpoint) as the recipe type a command needs. */
final class LabRunOptions {

    private LabRunOptions() { }

    static <T extends TrainingRecipe> T open(Path runDir, Class<T> type, String kindName, NDManager manager, PrintStream out) {
        TrainingRecipe r = TrainingRun.restore(runDir, ModelRegistry.standard(), new RunContext(runDir, manager, out));
        if (!type.isInstance(r)) {
            r.close();
            throw new IllegalArgumentException(runDir + ": is not a " + kindName + " run; pass a run directory trained with a "
                    + kindName + " config");
        }
        return type.cast(r);
    }
}
