package org.timbrelab.app.services;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioDeviceUnavailableException;
import org.timbrelab.dsp.AudioDevices;
import org.timbrelab.dsp.Capture;
import org.timbrelab.dsp.Playback;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * Speaker and microphone for the app. Opening a device can take seconds or fail; callers do it
 * off the FX thread. One playback at a time: starting a new one stops the previous.
 */
public final class Sound {
    private final AudioDevices devices;
    private Playback current;

    public Sound(AudioDevices devices) { this.devices = devices; }

    /** True if the sound system lists an output and an input line for 16-bit mono PCM (cheap; opens nothing). */
    public static boolean[] probe(int sampleRate) {
        try {
            var f = AudioDevices.pcm16Mono(sampleRate);
            return new boolean[]{AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, f)),
                    AudioSystem.isLineSupported(new DataLine.Info(TargetDataLine.class, f))};
        } catch (RuntimeException | LinkageError e) {
            return new boolean[]{false, false};
        }
    }

    public synchronized Playback play(AudioClip clip) throws AudioDeviceUnavailableException {
        stop();
        current = devices.play(clip);
        return current;
    }

    public synchronized void stop() {
        if (current != null) { current.stop(); current = null; }
    }

    public Capture record(int sampleRate, int blockSize, AudioDevices.BlockListener listener) throws AudioDeviceUnavailableException {
        return devices.startCapture(sampleRate, blockSize, listener);
    }
}
