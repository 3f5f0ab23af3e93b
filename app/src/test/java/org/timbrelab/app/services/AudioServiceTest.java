package org.timbrelab.app.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFileException;
import org.timbrelab.dsp.AudioFiles;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The window refuses, from the header alone, a recording too long for it to convert, and says what to do instead; a long
 * one it opens is read in blocks and gives the samples a whole read gives.
 */
class AudioServiceTest {
    @TempDir Path tmp;

    @Test void aRecordingTooLongForTheWindowIsRefusedWithTheCommandLineWayOut() throws Exception {
        Path wav = tmp.resolve("lecture.wav");
        AudioFiles.saveWav(wav, new AudioClip(new float[16_000 * 120], 16_000));   // 2 minutes
        long heap = (long) (AudioService.windowBytes(30) / 0.8);      // room for half a minute
        var e = assertThrows(AudioFileException.class, () -> AudioService.requireWindowSized(wav, heap));
        assertEquals(AudioFileException.Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("2.0 min of audio") && e.getMessage().contains("up to 0.5 min"), e.getMessage());
        assertTrue(e.getMessage().contains("convert --preset") && e.getMessage().contains("lecture.wav"), e.getMessage());
        long justEnough = (long) (AudioService.windowBytes(120) / 0.8) + 1;
        assertDoesNotThrow(() -> AudioService.requireWindowSized(wav, justEnough));
        assertTrue(AudioService.windowBytes(120) < 2 * AudioService.windowBytes(60), "past a minute, the conversion runs in blocks");
        var e2 = assertThrows(AudioFileException.class, () -> AudioService.requireWindowSized(wav, (long) (AudioService.windowBytes(90) / 0.8)));
        assertTrue(e2.getMessage().contains("up to 1.5 min"), e2.getMessage());
        Path aiff = tmp.resolve("lecture.aiff");   // an AIFF is judged from its header too, before it is decoded
        javax.sound.sampled.AudioSystem.write(new javax.sound.sampled.AudioInputStream(new java.io.ByteArrayInputStream(new byte[16_000 * 120 * 2]),
                new javax.sound.sampled.AudioFormat(16_000, 16, 1, true, true), 16_000 * 120), javax.sound.sampled.AudioFileFormat.Type.AIFF, aiff.toFile());
        var ea = assertThrows(AudioFileException.class, () -> AudioService.requireWindowSized(aiff, heap));
        assertTrue(ea.getMessage().contains("2.0 min of audio") && ea.getMessage().contains("lecture.aiff"), ea.getMessage());
        Path text = Files.writeString(tmp.resolve("notes.wav"), "not audio");
        assertDoesNotThrow(() -> AudioService.requireWindowSized(text, heap), "a damaged file is left to the reader's diagnosis");
    }

    @Test void aLongRecordingIsReadInBlocksAsAWholeReadWouldGiveIt() throws Exception {
        Path wav = tmp.resolve("long.wav");
        float[] x = new float[22_050 * 70];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / 22_050.0));
        AudioFiles.saveWav(wav, new AudioClip(x, 22_050));
        AudioClip read = new AudioService(org.timbrelab.dsp.SpectrogramConfig.DEFAULT).load(wav);
        assertEquals(16_000, read.sampleRate());
        assertArrayEquals(AudioFiles.loadMono(wav, 16_000).samples(), read.samples());
    }
}
