package org.timbrelab.app.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFileException;
import org.timbrelab.dsp.AudioFiles;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The window refuses, from the header alone, a recording too long for it to convert, and says what to do instead. */
class AudioServiceTest {
    @TempDir Path tmp;

    @Test void aRecordingTooLongForTheWindowIsRefusedWithTheCommandLineWayOut() throws Exception {
        Path wav = tmp.resolve("lecture.wav");
        AudioFiles.saveWav(wav, new AudioClip(new float[16_000 * 120], 16_000));   // 2 minutes
        long heap = (long) (AudioService.WINDOW_BYTES_PER_SECOND * 60 / 0.8);      // room for 1 minute
        var e = assertThrows(AudioFileException.class, () -> AudioService.requireWindowSized(wav, heap));
        assertEquals(AudioFileException.Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("2.0 min of audio") && e.getMessage().contains("up to 1.0 min"), e.getMessage());
        assertTrue(e.getMessage().contains("convert --preset") && e.getMessage().contains("lecture.wav"), e.getMessage());
        assertDoesNotThrow(() -> AudioService.requireWindowSized(wav, heap * 3), "fits with more memory");
        Path aiff = tmp.resolve("lecture.aiff");   // an AIFF is judged from its header too, before it is decoded
        javax.sound.sampled.AudioSystem.write(new javax.sound.sampled.AudioInputStream(new java.io.ByteArrayInputStream(new byte[16_000 * 120 * 2]),
                new javax.sound.sampled.AudioFormat(16_000, 16, 1, true, true), 16_000 * 120), javax.sound.sampled.AudioFileFormat.Type.AIFF, aiff.toFile());
        var ea = assertThrows(AudioFileException.class, () -> AudioService.requireWindowSized(aiff, heap));
        assertTrue(ea.getMessage().contains("2.0 min of audio") && ea.getMessage().contains("lecture.aiff"), ea.getMessage());
        Path text = Files.writeString(tmp.resolve("notes.wav"), "not audio");
        assertDoesNotThrow(() -> AudioService.requireWindowSized(text, heap), "a damaged file is left to the reader's diagnosis");
    }
}
