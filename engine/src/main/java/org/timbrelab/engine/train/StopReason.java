package org.timbrelab.engine.train;

/** Why a training run ended. */
public enum StopReason {
    /** All requested steps ran. */
    COMPLETED,
    /** {@link RunControl#cancel()} was called; the state after the last full step is kept. */
    CANCELLED,
    /** A loss or gradient became NaN/Inf; nothing of the broken step is saved. */
    DIVERGED,
    /** Another exception ended the run. */
    FAILED
}
