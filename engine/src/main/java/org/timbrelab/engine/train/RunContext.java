package org.timbrelab.engine.train;

import ai.djl.ndarray.NDManager;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a model kind gets to build its recipe: the run directory (for snapshots), the NDManager
 * its long-lived arrays (parameters) belong to, and where to print.
 *
 * @param snapshotEvery steps between model snapshots a kind may write beside its checkpoint (e.g. a preset to choose
 *                      a checkpoint by listening); 0 = none
 */
public record RunContext(Path runDir, NDManager manager, PrintStream out, long snapshotEvery) {
    public RunContext {
        if (snapshotEvery < 0) throw new IllegalArgumentException("snapshot interval must be >= 0 (0 = none), got " + snapshotEvery);
    }

    /** A context without snapshots. */
    public RunContext(Path runDir, NDManager manager, PrintStream out) {
        this(runDir, manager, out, 0);
    }
}
