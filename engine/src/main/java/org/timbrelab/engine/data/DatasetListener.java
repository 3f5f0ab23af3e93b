package org.timbrelab.engine.data;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears about a dataset being opened: files skipped (warnings) and progress while the cache is
 * built. The default implementation logs warnings and ignores progress.
 */
public interface DatasetListener {

    /** A file was skipped or something looks wrong; the message names the file and the reason. */
    default void warning(String message) {
        LoggerFactory.getLogger(DatasetListener.class).warn(message);
    }

    /** {@code done} of {@code total} files are analysed; {@code file} is the one just finished. */
    default void progress(int done, int total, String file) { }

    /** Logs warnings through slf4j, ignores progress. */
    DatasetListener LOGGING = new DatasetListener() { };

    /** Sends warnings to the given logger. */
    static DatasetListener logTo(Logger log) {
        return new DatasetListener() {
            @Override public void warning(String message) { log.warn(message); }
        };
    }
}
