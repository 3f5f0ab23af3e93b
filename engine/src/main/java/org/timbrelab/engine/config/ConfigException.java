package org.timbrelab.engine.config;

/** A config file could not be used; the message names the file, the key and what to do. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConfigException(String message) {
        super(message);
    }
}
