package org.timbrelab.dsp;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The shipped demo clips stay small, in the model's format, documented, and speech-like. */
class SamplesTest {
    private static final Path DIR = Path.of("samples");

    private static List<Path> clips() throws Exception {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
    }

    @Test void twoToFourSmallDocumentedClipsAt16kHzMono() throws Exception {
        List<Path> clips = clips();
        assertTrue(clips.size() >= 2 && clips.size() <= 4, "clips: " + clips);
        String readme = Files.readString(DIR.resolve("README.md"));
        for (Path p : clips) {
            assertTrue(Files.size(p) < 500_000, p + " is " + Files.size(p) + " bytes");
            assertTrue(readme.contains(p.getFileName().toString()), p + " has no provenance in samples/README.md");
            WavData w = AudioFiles.read(p);
            assertEquals(1, w.format().channels(), p.toString());
            assertEquals(16_000, w.format().sampleRate(), p.toString());
        }
    }

    @Test void violinClipsAreMostlyVoicedInTheViolinsRange() throws Exception {
        for (Path p : clips()) {
            if (!p.getFileName().toString().startsWith("violin")) continue;
            PitchTrack t = new Pitch().track(AudioFiles.loadMono(p, 16_000), SpectrogramConfig.DEFAULT);
            assertTrue(t.voicedFraction() > 0.6, p + " voiced " + t.voicedFraction());
            double f0 = t.medianVoicedF0();
            assertTrue(f0 > 190 && f0 < 1400, p + " median f0 " + f0);   // G3 = 196 Hz up to the phrase register's top
        }
    }

    @Test void speechClipsHaveAVoicedPitchInTheSpeakingRange() throws Exception {
        for (Path p : clips()) {
            if (!p.getFileName().toString().startsWith("speech")) continue;
            AudioClip clip = AudioFiles.loadMono(p, 16_000);
            PitchTrack t = new Pitch().track(clip, SpectrogramConfig.DEFAULT);
            assertTrue(t.voicedFraction() > 0.2, p + " voiced " + t.voicedFraction());
            double f0 = t.medianVoicedF0();
            assertTrue(f0 > 70 && f0 < 300, p + " median f0 " + f0);
        }
    }
}
