package org.timbrelab.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.WavIO;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SpeechCorpusBuilderTest {
    @TempDir Path out;

    @Test void missingEngineNamesTheDebianPackageToInstall() {
        var spec = new SpeechCorpusBuilder.Spec(List.of(new TtsVoice(TtsEngine.FLITE, "slt")), List.of("Hello there."), 1, 1);
        Path bogus = out.resolve("no-such-dir/flite");
        var e = assertThrows(IllegalStateException.class,
                () -> SpeechCorpusBuilder.build(spec, out, 1, Map.of(TtsEngine.FLITE, bogus), null));
        assertTrue(e.getMessage().contains(bogus.toString()) && e.getMessage().contains("apt-get install flite"), e.getMessage());
        var espeak = new SpeechCorpusBuilder.Spec(List.of(new TtsVoice(TtsEngine.ESPEAK_NG, "en+f2")), List.of("Hi."), 1, 1);
        var e2 = assertThrows(IllegalStateException.class,
                () -> SpeechCorpusBuilder.build(espeak, out, 1, Map.of(TtsEngine.ESPEAK_NG, bogus), null));
        assertTrue(e2.getMessage().contains("apt-get install espeak-ng"), e2.getMessage());
    }

    @Test void voicesParseWithOrWithoutEngine() {
        assertEquals(new TtsVoice(TtsEngine.FLITE, "slt"), TtsVoice.parse("slt", TtsEngine.FLITE));
        assertEquals(new TtsVoice(TtsEngine.ESPEAK_NG, "en-us+f2"), TtsVoice.parse("espeak-ng:en-us+f2", TtsEngine.FLITE));
        assertEquals("espeak-ng-en-us_f2", TtsVoice.parse("espeak-ng:en-us+f2", TtsEngine.FLITE).id());
        assertThrows(IllegalArgumentException.class, () -> TtsVoice.parse("say:alex", TtsEngine.FLITE));
        assertThrows(IllegalArgumentException.class, () -> TtsVoice.parse("slt; rm -rf /", TtsEngine.FLITE));
    }

    @Test void shippedSentenceListIsLargeAndDistinct() {
        List<String> s = SpeechCorpusBuilder.readSentences(Path.of("config/sentences-en.txt"));
        assertTrue(s.size() >= 300, s.size() + " sentences");
        assertEquals(s.size(), new HashSet<>(s).size(), "no duplicates");
        assertTrue(s.stream().noneMatch(x -> x.startsWith("#")), "comments are skipped");
    }

    @Test void fliteRendersOneSentenceAt16kHz() throws Exception {
        assumeTrue(onPath("flite"), "flite is not installed (apt-get install flite)");
        var spec = new SpeechCorpusBuilder.Spec(List.of(new TtsVoice(TtsEngine.FLITE, "slt")),
                List.of("The violin sings the melody.", "A second sentence."), 1, 3);
        SpeechCorpusBuilder.Result r = SpeechCorpusBuilder.build(spec, out, 1, null, null);
        assertEquals(1, r.clips());
        Path voiceDir = out.resolve("flite-slt");
        List<Path> files;
        try (var l = Files.list(voiceDir)) { files = l.toList(); }
        assertEquals(1, files.size());
        assertEquals(16_000, WavIO.read(files.get(0)).format().sampleRate());
        AudioClip clip = AudioFiles.loadMono(files.get(0), 16_000);
        assertTrue(clip.durationSeconds() > 0.5 && clip.durationSeconds() < 10, clip.toString());
        assertTrue(Signals.rms(clip.samples(), 0, clip.length()) > 0.005, "speech is audible");
        String manifest = Files.readString(out.resolve("speech.json"));
        assertTrue(manifest.contains("flite:slt") && (manifest.contains("The violin sings the melody.") || manifest.contains("A second sentence.")), manifest);
        assertTrue(Files.notExists(out.resolve(".tts-tmp")), "scratch folder removed");
    }

    @Test void espeakRendersAndIsResampledTo16kHz() throws Exception {
        assumeTrue(onPath("espeak-ng"), "espeak-ng is not installed (apt-get install espeak-ng)");
        var spec = new SpeechCorpusBuilder.Spec(List.of(new TtsVoice(TtsEngine.ESPEAK_NG, "en+f2")), List.of("One short sentence."), 1, 3);
        SpeechCorpusBuilder.build(spec, out, 1, null, null);
        Path f = out.resolve("espeak-ng-en_f2/espeak-ng-en_f2_0000.wav");
        assertEquals(16_000, WavIO.read(f).format().sampleRate(), "espeak-ng writes 22.05 kHz; the corpus is 16 kHz");
    }

    @Test void unknownFliteVoiceIsAClearError() {
        assumeTrue(onPath("flite"), "flite is not installed");
        var spec = new SpeechCorpusBuilder.Spec(List.of(new TtsVoice(TtsEngine.FLITE, "nosuchvoice")), List.of("Hi."), 1, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> SpeechCorpusBuilder.build(spec, out, 1, null, null));
        assertTrue(e.getMessage().contains("nosuchvoice") && e.getMessage().contains("slt"), e.getMessage());
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }
}
