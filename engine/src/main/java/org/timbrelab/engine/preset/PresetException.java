package org.timbrelab.engine.preset;

/** A preset could not be read or written; the message names the file, the field and what to do. */
public final class PresetException extends RuntimeException {
    public PresetException(String message) { super(message); }

    public PresetException(String message, Throwable cause) { super(message, cause); }
}
