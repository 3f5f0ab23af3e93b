package org.timbrelab.engine.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.SpectrogramConfig;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ExamplesExporterTest {

    private static final int RATE = 16_000;

    private static AudioClip tone(double f0, double seconds, double amp) {
        float[] x = new float[(int) (seconds * RATE)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (amp * Math.sin(2 * Math.PI * f0 * i / RATE));
        return new AudioClip(x, RATE);
    }

    /** A stand-in model: "quiet" halves the level, "buzz" replaces the clip by a sawtooth of the same length. */
    private static final ExampleModel FAKE = new ExampleModel() {
        @Override public String name() { return "fake <preset> & co"; }
        @Override public List<String> domains() { return List.of("quiet", "Buzz Domain"); }
        @Override public Map<String, AudioClip> convertAll(AudioClip in) {
            float[] q = in.samples().clone();
            for (int i = 0; i < q.length; i++) q[i] *= 0.5f;
            Map<String, AudioClip> m = new LinkedHashMap<>();
            m.put("quiet", new AudioClip(q, RATE));
            m.put("Buzz Domain", OtherSounds.sawtoothDrone(220, in.durationSeconds(), RATE, new Random(1)));
            return m;
        }
        @Override public List<AudioClip> interpolate(AudioClip a, AudioClip b, String domain, int steps) {
            List<AudioClip> out = new ArrayList<>();
            for (int s = 0; s < steps; s++) out.add(tone(220 + 220.0 * s / (steps - 1), 0.5, 0.3));
            return out;
        }
        @Override public AudioClip sample(String domain, double seconds, long seed) { return tone(300 + seed * 50, seconds, 0.2); }
    };

    @Test void pageReferencesOnlyFilesItWrote(@TempDir Path dir) throws IOException {
        List<NamedClip> inputs = List.of(new NamedClip("My Voice.wav", tone(150, 1.0, 0.3)),
                new NamedClip("my voice.aiff", tone(200, 0.8, 0.3)), new NamedClip("<b>x</b>.wav", tone(250, 0.6, 0.3)));
        Path site = dir.resolve("site");
        Set<String> written = new ExamplesExporter(3, 1, 2, 0.5).export(FAKE, new AudioTransform(SpectrogramConfig.DEFAULT),
                inputs, site, s -> { });

        String html = Files.readString(site.resolve("index.html"));
        Set<String> refs = SiteWriter.references(html);
        // 3 inputs × (original + 2 domains) + 2 domains × 3 interpolation steps + 2 domains × 2 samples, each wav + png
        assertEquals(2 * (3 * 3 + 2 * 3 + 2 * 2), refs.size(), refs.toString());
        for (String ref : refs) {
            assertFalse(ref.contains(":") || ref.startsWith("/") || ref.contains(".."), "not a local relative path: " + ref);
            assertTrue(written.contains(ref), "referenced but not written by the exporter: " + ref);
            assertTrue(Files.size(site.resolve(ref)) > 0, "empty file " + ref);
        }
        // and nothing on disk that the exporter did not report
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> s = Files.walk(site)) {
            s.filter(Files::isRegularFile).forEach(p -> onDisk.add(site.relativize(p).toString().replace('\\', '/')));
        }
        assertEquals(new TreeSet<>(written), onDisk);
        assertFalse(html.contains("http"), "no network references");
        assertFalse(html.contains("<b>x</b>"), "input names are escaped");
        assertTrue(html.contains("fake &lt;preset&gt; &amp; co"));

        // the two 'my voice' inputs got distinct folders and the media are real
        assertTrue(refs.contains("conversions/my-voice/original.wav") && refs.contains("conversions/my-voice-2/original.wav"), refs.toString());
        assertEquals(16_000, AudioFiles.loadMono(site.resolve("conversions/my-voice/quiet.wav"), 16_000).length());
        assertNotNull(ImageIO.read(site.resolve("conversions/my-voice/buzz-domain.png").toFile()));
    }

    @Test void siteWriterRefusesPagesPointingElsewhere(@TempDir Path dir) throws IOException {
        SiteWriter w = new SiteWriter(dir);
        w.audio("a.wav", tone(440, 0.2, 0.2));
        w.page("ok.html", "<audio src=\"a.wav\"></audio>");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> w.page("bad.html", "<audio src=\"a.wav\"></audio><img src=\"https://example.org/x.png\">"));
        assertTrue(e.getMessage().contains("https://example.org/x.png"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("bad.html")));
    }
}
