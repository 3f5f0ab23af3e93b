package org.timbrelab.dsp;

/**
 * No usable sound device: none is present (headless machines, CI), it is busy, it refuses the
 * format, or it did not answer within the timeout. The message says which and what to do.
 */
public class AudioDeviceUnavailableException extends Exception {

    public AudioDeviceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
