package org.timbrelab.engine.train;

import ai.djl.ndarray.NDManager;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a model kind gets to build its recipe: the run directory (for snapshots), the NDManager
 * its long-lived arrays (parameters) belong to, and where to print.
 */
public record RunContext(Path runDir, NDManager manager, PrintStream out) { }
