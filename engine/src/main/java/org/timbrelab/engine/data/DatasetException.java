package org.timbrelab.engine.data;

/**
 * A dataset could not be opened or read. The message names the file or folder, the reason and
 * what to do about it, so it can be shown to a user as is.
 */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) { super(message); }

    public DatasetException(String message, Throwable cause) { super(message, cause); }
}
