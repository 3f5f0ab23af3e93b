package org.timbrelab.dsp;

import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class AudioDevicesTest {
    /** A hang guard, not a speed test: the system may have a device or not, but must answer. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private static AudioDevices with(TargetDataLine mic, SourceDataLine speaker, Duration timeout) {
        return new AudioDevices(new AudioDevices.LineProvider() {
            @Override public TargetDataLine targetLine(AudioFormat f) throws LineUnavailableException {
                if (mic == null) throw new LineUnavailableException("fake: mic in use");
                return mic;
            }
            @Override public SourceDataLine sourceLine(AudioFormat f) throws LineUnavailableException {
                if (speaker == null) throw new LineUnavailableException("fake: speaker in use");
                return speaker;
            }
        }, timeout);
    }

    @Test void systemMicrophoneEitherStreamsOrFailsWithAdvice() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (Capture c = AudioDevices.system().startCapture(16_000, 512, block -> { })) {
                assertTrue(c.isRunning() || c.failure() != null);   // a real device: the stream started
            } catch (AudioDeviceUnavailableException e) {
                assertTrue(e.getMessage().startsWith("No microphone available"), e.getMessage());
                assertTrue(e.getMessage().contains("Check that a sound device"), e.getMessage());
            }
        });
    }

    @Test void systemSpeakerEitherPlaysOrFailsWithAdvice() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (Playback p = AudioDevices.system().play(TestSignals.sine(440, 0.01, 0.2))) {
                assertTrue(p.positionSeconds() >= 0);
            } catch (AudioDeviceUnavailableException e) {
                assertTrue(e.getMessage().startsWith("No speaker available"), e.getMessage());
                assertTrue(e.getMessage().contains("Check that a sound device"), e.getMessage());
            }
        });
    }

    @Test void stuckDriverTimesOutInsteadOfHanging() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AudioDevices stuck = new AudioDevices(new AudioDevices.LineProvider() {
            @Override public TargetDataLine targetLine(AudioFormat f) {
                try { never.await(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                throw new IllegalStateException("unreachable");
            }
            @Override public SourceDataLine sourceLine(AudioFormat f) { throw new IllegalStateException("unused"); }
        }, Duration.ofMillis(200));
        AudioDeviceUnavailableException e = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(AudioDeviceUnavailableException.class, () -> stuck.startCapture(16_000, 256, b -> { })));
        assertTrue(e.getMessage().contains("within 200 ms"), e.getMessage());
        never.countDown();
    }

    @Test void busyDeviceIsReportedAsBusy() {
        AudioDevices busy = with(null, null, Duration.ofSeconds(2));
        AudioDeviceUnavailableException e = assertThrows(AudioDeviceUnavailableException.class,
                () -> busy.play(TestSignals.silence(0.1)));
        assertTrue(e.getMessage().contains("busy"), e.getMessage());
        assertTrue(e.getMessage().contains("fake: speaker in use"), e.getMessage());
    }

    @Test void captureDeliversFullBlocksOfDecodedSamples() throws Exception {
        FakeLines.RampMicrophone mic = new FakeLines.RampMicrophone();
        List<float[]> blocks = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        Capture c = with(mic, null, Duration.ofSeconds(2)).startCapture(16_000, 100, b -> { blocks.add(b); three.countDown(); });
        assertTrue(three.await(5, TimeUnit.SECONDS));
        c.stop();
        assertFalse(c.isRunning());
        assertFalse(mic.isOpen(), "stop releases the device");
        assertEquals(16_000, c.sampleRate());
        for (int b = 0; b < 3; b++) {
            assertEquals(100, blocks.get(b).length);
            for (int i = 0; i < 100; i++) assertEquals((b * 100 + i) / 32768f, blocks.get(b)[i], 0f);
        }
    }

    @Test void listenerFailureEndsTheStreamAndIsReported() throws Exception {
        Capture c = with(new FakeLines.RampMicrophone(), null, Duration.ofSeconds(2))
                .startCapture(16_000, 64, b -> { throw new IllegalStateException("meter broke"); });
        for (int i = 0; i < 500 && c.isRunning(); i++) Thread.sleep(10);
        assertFalse(c.isRunning());
        assertEquals("meter broke", c.failure().getMessage());
        c.stop();
    }

    @Test void playbackWritesTheWholeClipAndTheplayheadReachesTheEnd() throws Exception {
        FakeLines.Speaker speaker = new FakeLines.Speaker(0);
        AudioClip clip = TestSignals.sine(440, 0.5, 0.5);
        Playback p = with(null, speaker, Duration.ofSeconds(2)).play(clip);
        assertTrue(p.awaitEnd(Duration.ofSeconds(5)));
        assertFalse(p.isPlaying());
        assertEquals(0.5, p.positionSeconds(), 1e-9);
        byte[] pcm = speaker.written.toByteArray();
        assertEquals(clip.length() * 2, pcm.length);
        float[] back = AudioDevices.pcm16ToFloat(pcm, pcm.length);
        for (int i = 0; i < back.length; i++) assertEquals(clip.samples()[i], back[i], 1.0 / 32767);
        assertFalse(speaker.isOpen());
    }

    @Test void stopHaltsPlaybackMidwayAndFreezesThePlayhead() throws Exception {
        FakeLines.Speaker slow = new FakeLines.Speaker(20);   // 2048 frames per 20 ms write
        Playback p = with(null, slow, Duration.ofSeconds(2)).play(TestSignals.sine(440, 0.5, 4.0));
        while (p.positionSeconds() < 0.2) Thread.sleep(5);
        p.stop();
        assertFalse(p.isPlaying());
        double at = p.positionSeconds();
        assertTrue(at > 0.1 && at < 4.0, "stopped at " + at);
        Thread.sleep(50);
        assertEquals(at, p.positionSeconds());
        assertTrue(slow.written.size() < 4 * 16_000 * 2, "the rest of the clip was not written");
        assertFalse(slow.isOpen());
    }

    @Test void aDeviceThatRefuses16kHzGetsTheClipResampledTo48kHz() throws Exception {
        FakeLines.Speaker speaker = new FakeLines.Speaker(0);
        AudioDevices only48k = new AudioDevices(new AudioDevices.LineProvider() {
            @Override public TargetDataLine targetLine(AudioFormat f) { throw new IllegalStateException("unused"); }
            @Override public SourceDataLine sourceLine(AudioFormat f) {
                if (f.getSampleRate() != 48_000) throw new IllegalArgumentException("No line matching " + f);
                return speaker;
            }
        }, Duration.ofSeconds(2));
        Playback p = only48k.play(TestSignals.sine(1000, 0.5, 0.5));
        assertTrue(p.awaitEnd(Duration.ofSeconds(5)));
        assertEquals(48_000, speaker.getFormat().getSampleRate());
        assertEquals(24_000 * 2, speaker.written.size(), 2 * 64);           // 0.5 s at 48 kHz
        assertEquals(0.5, p.positionSeconds(), 1e-3);
        // the 1 kHz tone survives: 48 samples a period, so sample i and i + 48 agree
        float[] out = AudioDevices.pcm16ToFloat(speaker.written.toByteArray(), speaker.written.size());
        for (int i = 1000; i < 1100; i++) assertEquals(out[i], out[i + 48], 0.01, "sample " + i);
    }

    @Test void aDeviceThatRefusesEveryRateReportsTheClipsRate() {
        AudioDevices none = new AudioDevices(new AudioDevices.LineProvider() {
            @Override public TargetDataLine targetLine(AudioFormat f) { throw new IllegalStateException("unused"); }
            @Override public SourceDataLine sourceLine(AudioFormat f) { throw new IllegalArgumentException("No line matching " + f); }
        }, Duration.ofSeconds(2));
        AudioDeviceUnavailableException e = assertThrows(AudioDeviceUnavailableException.class, () -> none.play(TestSignals.silence(0.1)));
        assertTrue(e.getMessage().contains("16-bit mono sound at 16000 Hz") && !e.getMessage().contains("No line matching"), e.getMessage());
    }

    @Test void pcmConversionRoundTripsAndClips() {
        float[] x = {0f, 0.5f, -0.5f, 1.5f, -1.5f, 1e-5f};
        float[] back = AudioDevices.pcm16ToFloat(AudioDevices.floatToPcm16(x), x.length * 2);
        assertEquals(0f, back[0]);
        assertEquals(0.5f, back[1], 1f / 32767);
        assertEquals(-0.5f, back[2], 1f / 32767);
        assertEquals(32767 / 32768f, back[3]);
        assertEquals(-32767 / 32768f, back[4]);
        assertEquals(0f, back[5]);
    }
}
