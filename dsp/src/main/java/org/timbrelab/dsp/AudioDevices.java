package org.timbrelab.dsp;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The default microphone and speaker through javax.sound, as 16-bit little-endian mono PCM.
 * Opening a line runs on a daemon thread and is abandoned after a timeout, so a missing or
 * stuck sound system fails with {@link AudioDeviceUnavailableException} instead of hanging.
 *
 * <pre>
 * AudioDevices devices = AudioDevices.system();
 * try (Capture mic = devices.startCapture(16_000, 1024, block -&gt; meter.update(block))) { ... }
 * Playback p = devices.play(clip);  p.positionSeconds();  p.stop();
 * </pre>
 */
public final class AudioDevices {

    /** How long opening a device may take before it counts as unavailable. */
    public static final Duration DEFAULT_OPEN_TIMEOUT = Duration.ofSeconds(3);

    private static final String ADVICE = " Check that a sound device is connected, switched on and not held by another"
            + " program, and that Java can see it (on Linux `arecord -l` / `aplay -l` list ALSA devices)."
            + " Machines without sound hardware (servers, CI) have none: open and save files instead.";

    /** Where lines come from: javax.sound in the product, fakes in tests. */
    interface LineProvider {
        TargetDataLine targetLine(AudioFormat format) throws LineUnavailableException;
        SourceDataLine sourceLine(AudioFormat format) throws LineUnavailableException;
    }

    private static final LineProvider JAVA_SOUND = new LineProvider() {
        @Override public TargetDataLine targetLine(AudioFormat format) throws LineUnavailableException {
            return (TargetDataLine) AudioSystem.getLine(new DataLine.Info(TargetDataLine.class, format));
        }
        @Override public SourceDataLine sourceLine(AudioFormat format) throws LineUnavailableException {
            return (SourceDataLine) AudioSystem.getLine(new DataLine.Info(SourceDataLine.class, format));
        }
    };

    private final LineProvider provider;
    private final Duration openTimeout;

    AudioDevices(LineProvider provider, Duration openTimeout) {
        this.provider = provider;
        this.openTimeout = openTimeout;
    }

    /** The system's default devices with {@link #DEFAULT_OPEN_TIMEOUT}. */
    public static AudioDevices system() { return new AudioDevices(JAVA_SOUND, DEFAULT_OPEN_TIMEOUT); }

    /** 16-bit signed little-endian mono PCM at {@code sampleRate}. */
    public static AudioFormat pcm16Mono(int sampleRate) {
        return new AudioFormat(sampleRate, 16, 1, true, false);
    }

    /** Called on the capture thread with each new block of samples in [-1, 1]; the array is the listener's to keep. */
    @FunctionalInterface
    public interface BlockListener {
        void onBlock(float[] samples);
    }

    /**
     * Starts streaming the default microphone in blocks of {@code blockSize} samples.
     *
     * @throws AudioDeviceUnavailableException if no microphone opens within the timeout
     */
    public Capture startCapture(int sampleRate, int blockSize, BlockListener listener) throws AudioDeviceUnavailableException {
        if (blockSize <= 0) throw new IllegalArgumentException("blockSize must be > 0, got " + blockSize);
        AudioFormat format = pcm16Mono(sampleRate);
        TargetDataLine line = openWithTimeout("microphone", format, () -> {
            TargetDataLine l = provider.targetLine(format);
            l.open(format, Math.max(4 * blockSize * 2, 8192));
            l.start();
            return l;
        });
        return new Capture(line, blockSize, listener);
    }

    /** Output rates tried, in order, when a device refuses the clip's own rate. */
    static final int[] FALLBACK_PLAYBACK_RATES = {48_000, 44_100};

    /**
     * Starts playing {@code clip} on the default output and returns at once. The clip's own rate
     * is tried first; a device that refuses it (some take only 44.1/48 kHz) gets the clip
     * resampled to 48 or 44.1 kHz.
     *
     * @throws AudioDeviceUnavailableException if no output opens within the timeout
     */
    public Playback play(AudioClip clip) throws AudioDeviceUnavailableException {
        AudioDeviceUnavailableException refused;
        try {
            return new Playback(openSource(clip.sampleRate()), clip);
        } catch (AudioDeviceUnavailableException e) {
            if (!(e.getCause() instanceof IllegalArgumentException)) throw e;   // busy or stuck: another rate will not help
            refused = e;
        }
        for (int rate : FALLBACK_PLAYBACK_RATES) {
            if (rate == clip.sampleRate()) continue;
            try {
                SourceDataLine line = openSource(rate);
                return new Playback(line, Resampler.resample(clip, rate));
            } catch (AudioDeviceUnavailableException e) {
                if (!(e.getCause() instanceof IllegalArgumentException)) throw e;
            }
        }
        throw refused;
    }

    private SourceDataLine openSource(int sampleRate) throws AudioDeviceUnavailableException {
        AudioFormat format = pcm16Mono(sampleRate);
        return openWithTimeout("speaker", format, () -> {
            SourceDataLine l = provider.sourceLine(format);
            l.open(format);
            l.start();
            return l;
        });
    }

    private interface LineOpener<L> {
        L open() throws Exception;
    }

    private <L extends DataLine> L openWithTimeout(String what, AudioFormat format, LineOpener<L> opener) throws AudioDeviceUnavailableException {
        FutureTask<L> task = new FutureTask<>(opener::open);
        Thread t = new Thread(task, "timbrelab-open-" + what);
        t.setDaemon(true);
        t.start();
        try {
            return task.get(openTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            // if the opener finishes later, the line is closed by nobody: it was a stuck driver anyway
            throw new AudioDeviceUnavailableException("No " + what + " available: the sound system did not open one within "
                    + openTimeout.toMillis() + " ms." + ADVICE, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new AudioDeviceUnavailableException("No " + what + " available: " + describe(what, format, cause) + "." + ADVICE, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AudioDeviceUnavailableException("Interrupted while opening the " + what + ".", e);
        }
    }

    private static String describe(String what, AudioFormat format, Throwable t) {
        if (t instanceof IllegalArgumentException)   // javax.sound's way of saying "no matching line"; its text names Java classes only
            return "the sound system offers no " + what + " for 16-bit mono sound at " + Math.round(format.getSampleRate()) + " Hz";
        if (t instanceof LineUnavailableException) return "the device is busy or refused the format (" + t.getMessage() + ")";
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** Little-endian signed 16-bit PCM to floats in [-1, 1). */
    static float[] pcm16ToFloat(byte[] bytes, int length) {
        float[] out = new float[length / 2];
        for (int i = 0; i < out.length; i++) {
            int v = (bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8);
            out[i] = v / 32768f;
        }
        return out;
    }

    /** Floats to little-endian signed 16-bit PCM, clipped to the 16-bit range and rounded. */
    static byte[] floatToPcm16(float[] samples) {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            int v = (int) Math.round(Math.max(-1.0, Math.min(1.0, samples[i])) * 32767.0);
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }
}
