package org.timbrelab.engine.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.engine.config.ConfigLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainSourceTest {
    @TempDir Path dir;

    /** How a training config might list its domains. */
    record Domain(String name, DomainSource source) { }

    record Config(List<Domain> domains) { }

    @Test void configListsDomainsWithEachKindOfSource() throws IOException {
        Path file = dir.resolve("domains.yaml");
        Files.writeString(file, """
                domains:
                  - name: voice
                    source: { speech: { engine: flite, voices: [kal16, awb, rms], sentences: 100 } }
                  - name: violin
                    source: { soundfont: { instrument: violin, soundfont: /usr/share/sounds/sf2/FluidR3_GM.sf2, phrases: 300 } }
                  - name: mine
                    source: { folder: data/my-recordings }
                """);
        Config c = ConfigLoader.load(file, Config.class);
        DomainSource voice = c.domains().get(0).source();
        assertEquals(List.of("kal16", "awb", "rms"), voice.speech().voices());
        assertEquals(100, voice.speech().sentences());
        assertEquals("config/sentences-en.txt", voice.speech().text());
        DomainSource violin = c.domains().get(1).source();
        assertEquals(300, violin.soundfont().phrases());
        assertEquals(4.0, violin.soundfont().phraseSeconds());
        assertEquals(false, violin.soundfont().notes(), "phrases given: notes default to off");
        assertNull(violin.soundfont().pitches());
        assertEquals(Path.of("data/my-recordings"), c.domains().get(2).source().folder());
        for (Domain d : c.domains()) assertEquals(d.source(), DomainSource.fromTree(d.source().toTree()), "round trip " + d.name());
    }

    @Test void badSourcesNameTheKey() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> DomainSource.fromTree(yaml.readTree("soundfont: { instrument: violin, phrase: 3 }")));
        assertTrue(unknown.getMessage().contains("soundfont.phrase"), unknown.getMessage());
        var two = assertThrows(IllegalArgumentException.class,
                () -> DomainSource.fromTree(yaml.readTree("{ folder: a, speech: { engine: flite } }")));
        assertTrue(two.getMessage().contains("exactly one"), two.getMessage());
        var engine = assertThrows(IllegalArgumentException.class,
                () -> DomainSource.fromTree(yaml.readTree("speech: { engine: say }")));
        assertTrue(engine.getMessage().contains("say"), engine.getMessage());
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "domains:\n  - name: v\n    source: { soundfont: { instrument: violin, colour: red } }\n");
        var inConfig = assertThrows(RuntimeException.class, () -> ConfigLoader.load(file, Config.class));
        assertTrue(inConfig.getMessage().contains("soundfont.colour"), inConfig.getMessage());
    }

    @Test void materializeRendersOnceAndAgainWhenTheSourceChanges() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        DomainSource two = DomainSource.fromTree(yaml.readTree("soundfont: { instrument: flute, phrases: 2, phrase_seconds: 1.5 }"));
        Path out = dir.resolve("flute");
        assertEquals(out, DomainSources.materialize(two, out, 1, null));
        assertEquals(2, wavs(out.resolve("phrases")));
        assertTrue(DomainSources.isCurrent(two, out));

        Path first = out.resolve("phrases/flute_gervill_073_phrase-00000.wav");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(first, old);
        DomainSources.materialize(two, out, 1, null);
        assertEquals(old, Files.getLastModifiedTime(first), "same source: nothing is rendered again");

        DomainSource three = DomainSource.fromTree(yaml.readTree("soundfont: { instrument: flute, phrases: 3, phrase_seconds: 1.5 }"));
        assertTrue(!DomainSources.isCurrent(three, out));
        DomainSources.materialize(three, out, 1, null);
        assertEquals(3, wavs(out.resolve("phrases")));
        assertTrue(!old.equals(Files.getLastModifiedTime(first)), "changed source: rendered again");
    }

    @Test void anInterruptedRenderIsReplacedNotRefused() throws IOException {
        DomainSource two = DomainSource.fromTree(new ObjectMapper(new YAMLFactory()).readTree("soundfont: { instrument: flute, phrases: 2, phrase_seconds: 1.5 }"));
        Path out = dir.resolve("interrupted");
        DomainSources.materialize(two, out, 1, null);
        assertTrue(Files.notExists(out.resolve(DomainSources.PENDING)), "a finished render leaves no pending marker");
        // what a render stopped half-way leaves: the pending marker, one phrase, no stamp
        Files.delete(out.resolve(DomainSources.STAMP));
        Files.delete(out.resolve("phrases/flute_gervill_073_phrase-00001.wav"));
        Files.writeString(out.resolve(DomainSources.PENDING), "{}");
        assertTrue(!DomainSources.isCurrent(two, out));
        DomainSources.materialize(two, out, 1, null);
        assertEquals(2, wavs(out.resolve("phrases")));
        assertTrue(DomainSources.isCurrent(two, out));
        assertTrue(Files.notExists(out.resolve(DomainSources.PENDING)));
    }

    @Test void materializeLeavesForeignFoldersAlone() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "my own file");
        DomainSource src = DomainSource.fromTree(new ObjectMapper(new YAMLFactory()).readTree("soundfont: { instrument: flute, phrases: 1 }"));
        var e = assertThrows(IllegalArgumentException.class, () -> DomainSources.materialize(src, mine, 1, null));
        assertTrue(e.getMessage().contains(mine.toAbsolutePath().toString()) && e.getMessage().contains("did not render"), e.getMessage());
        assertEquals(mine, DomainSources.materialize(DomainSource.folder(mine), dir.resolve("unused")));
        var missing = assertThrows(IllegalArgumentException.class,
                () -> DomainSources.materialize(DomainSource.folder(dir.resolve("nope")), dir.resolve("unused")));
        assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
    }

    private static long wavs(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.toString().endsWith(".wav")).count();
        }
    }

}
