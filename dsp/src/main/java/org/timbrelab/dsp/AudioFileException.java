package org.timbrelab.dsp;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An audio file could not be read or written. The message names the file, the reason and what
 * to do; {@link #reason()} lets callers and tests tell the cases apart.
 */
public class AudioFileException extends IOException {

    /** Why a file was refused. */
    public enum Reason {
        EMPTY("the file is empty", "re-export or re-record it"),
        TRUNCATED("the file ends inside its header", "the file is cut short; re-export it"),
        NOT_RIFF("not a RIFF/WAVE (or AIFF) file", "convert it to WAV, e.g. `sox in.xxx out.wav`"),
        UNSUPPORTED_ENCODING("unsupported sample encoding",
                "convert it to 16-bit PCM, e.g. `sox in.wav -e signed-integer -b 16 out.wav`"),
        BAD_SAMPLE_RATE("implausible sample rate",
                "the header is probably damaged: re-export the file at a usual rate such as 16000, 44100 or 48000 Hz"),
        TOO_LARGE("the file is too large to convert in one piece",
                "split it into parts of a few minutes, e.g. `sox in.wav part.wav trim 0 300 : newfile : restart`, or give Java more memory (-Xmx)"),
        NOT_A_FILE("not a regular file", "give the path of an audio file (not a folder or a device)"),
        NO_SAMPLES("the file holds no audio samples", "use a file with sound in it"),
        NON_FINITE("the file contains NaN or infinite samples", "fix the program that wrote it, or re-export it"),
        IO("could not read or write the file", "check that the path exists and is accessible");

        final String text;
        final String advice;

        Reason(String text, String advice) { this.text = text; this.advice = advice; }
    }

    private final Path file;
    private final Reason reason;

    public AudioFileException(Path file, Reason reason, String detail) {
        this(file, reason, detail, null);
    }

    public AudioFileException(Path file, Reason reason, String detail, Throwable cause) {
        super(file + ": " + reason.text + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")")
                + ". What to do: " + reason.advice + ".", cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() { return file; }

    public Reason reason() { return reason; }
}
