package org.timbrelab.engine.infer;

/** A conversion ran but its result cannot be trusted (non-finite or silent output); the message says why and what to do. */
public final class ConversionException extends RuntimeException {
    public ConversionException(String message) { super(message); }
}
