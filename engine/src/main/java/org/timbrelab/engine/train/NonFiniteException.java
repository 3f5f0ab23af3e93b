package org.timbrelab.engine.train;

/**
 * A loss or gradient became NaN or infinite. Training stops at once (without checkpointing the
 * broken state) so the last good checkpoint stays usable.
 */
public final class NonFiniteException extends RuntimeException {
    public NonFiniteException(String message) {
        super(message);
    }
}
