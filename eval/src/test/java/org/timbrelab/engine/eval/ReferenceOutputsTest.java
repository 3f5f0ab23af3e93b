package org.timbrelab.engine.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Outputs of another system, read from DIR/<target>/<input name>. */
class ReferenceOutputsTest {

    private static AudioClip level(float v, int n) {
        float[] x = new float[n];
        java.util.Arrays.fill(x, v);
        return new AudioClip(x, 16_000);
    }

    private static final List<NamedClip> INPUTS = List.of(new NamedClip("real/a.wav", level(0.1f, 100)),
            new NamedClip("tts/b.aiff", level(0.2f, 100)));

    @Test void parsesNameAndFolder() {
        assertEquals(new ReferenceOutputs.Spec("reference", Path.of("/tmp/out")), ReferenceOutputs.Spec.parse("/tmp/out"));
        assertEquals(new ReferenceOutputs.Spec("pytorch 1k", Path.of("runs/ref")), ReferenceOutputs.Spec.parse("pytorch 1k=runs/ref"));
        assertEquals(new ReferenceOutputs.Spec("reference", Path.of("/a=b/c")), ReferenceOutputs.Spec.parse("/a=b/c"), "a path with '=' is a path");
    }

    @Test void readsEachInputsOutputBySubFolderOrFileName(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("violin/real"));
        AudioFiles.saveWav(dir.resolve("violin/real/a.wav"), level(0.5f, 200));
        AudioFiles.saveWav(dir.resolve("violin/b.wav"), level(-0.5f, 300));    // the reference writes <name>.wav
        List<String> notes = new ArrayList<>();
        ReferenceOutputs r = ReferenceOutputs.load(new ReferenceOutputs.Spec("ref", dir), INPUTS, List.of("violin", "cello"), 16_000, notes);
        assertTrue(r.covers("violin"));
        assertFalse(r.covers("cello"));
        assertTrue(notes.get(0).contains(dir.resolve("cello").toString()), notes.toString());
        ConversionSystem.Output a = r.convert(INPUTS.get(0).clip(), "violin"), b = r.convert(INPUTS.get(1).clip(), "violin");
        assertEquals(200, a.audio().length());
        assertEquals(300, b.audio().length());
        assertFalse(a.octavesKnown());
        assertEquals("reference", r.kind());
        assertThrows(IllegalArgumentException.class, () -> r.convert(level(0.1f, 100), "violin"), "not an input it was loaded for");
    }

    @Test void aMissingOutputIsNamed(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("violin"));
        AudioFiles.saveWav(dir.resolve("violin/a.wav"), level(0.5f, 200));
        IOException e = assertThrows(IOException.class, () ->
                ReferenceOutputs.load(new ReferenceOutputs.Spec("ref", dir), INPUTS, List.of("violin"), 16_000, new ArrayList<>()));
        assertTrue(e.getMessage().contains("output of input tts/b.aiff into violin is missing: no file " + dir.resolve("violin/tts/b.aiff")), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("violin/b.wav").toString()), "names the file the reference would write: " + e.getMessage());

        IOException none = assertThrows(IOException.class, () ->
                ReferenceOutputs.load(new ReferenceOutputs.Spec("ref", dir), INPUTS, List.of("cello"), 16_000, new ArrayList<>()));
        assertTrue(none.getMessage().contains("no folder for any target [cello]"), none.getMessage());
        IOException gone = assertThrows(IOException.class, () ->
                ReferenceOutputs.load(new ReferenceOutputs.Spec("ref", dir.resolve("nope")), INPUTS, List.of("violin"), 16_000, new ArrayList<>()));
        assertTrue(gone.getMessage().contains(dir.resolve("nope") + " does not exist"), gone.getMessage());
    }

    @Test void twoInputsOnOneFileAreAnError(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("violin"));
        AudioFiles.saveWav(dir.resolve("violin/a.wav"), level(0.5f, 200));
        List<NamedClip> same = List.of(new NamedClip("real/a.wav", level(0.1f, 10)), new NamedClip("tts/a.wav", level(0.2f, 10)));
        IOException e = assertThrows(IOException.class, () ->
                ReferenceOutputs.load(new ReferenceOutputs.Spec("ref", dir), same, List.of("violin"), 16_000, new ArrayList<>()));
        assertTrue(e.getMessage().contains("both map to " + dir.resolve("violin/a.wav")), e.getMessage());
    }
}
