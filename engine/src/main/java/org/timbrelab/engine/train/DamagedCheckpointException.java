package org.timbrelab.engine.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A tensor file (checkpoint, preset weights) exists but cannot be trusted: wrong magic, cut short,
 * impossible sizes or a checksum mismatch. {@link #problem()} says what is wrong without advice,
 * so presets and runs can each say what to do.
 */
public final class DamagedCheckpointException extends IOException {
    private final Path file;
    private final String problem;

    public DamagedCheckpointException(Path file, String problem) {
        this(file, problem, null);
    }

    public DamagedCheckpointException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem + "; restore a complete copy, or train without --resume into a new --out to start over", cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file() { return file; }

    /** What is wrong with the file, e.g. "it is cut short (truncated)". */
    public String problem() { return problem; }
}
