package org.timbrelab.engine.eval;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.Loudness;
import org.timbrelab.dsp.PhaseMethod;
import org.timbrelab.dsp.Pitch;
import org.timbrelab.dsp.PitchTrack;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The controls on generated voices and a generated "bowed" instrument, judged by listeners whose faults are known. */
class ListenerControlsTest {

    private static final AudioTransform T = new AudioTransform(SpectrogramConfig.DEFAULT);
    private static final List<String> LABELS = List.of("voice", "bowed", DomainClassifier.OTHER);
    private static List<NamedClip> voices;

    /** Bowed-like phrases, 300–420 Hz, one per length. */
    private static final ListenerControls.PhraseSource BOWED = new ListenerControls.PhraseSource() {
        @Override public List<AudioClip> render(String instrument, double[] seconds, long seedBase) {
            List<AudioClip> out = new ArrayList<>();
            for (int i = 0; i < seconds.length; i++) {
                Random rnd = new Random(seedBase + i);
                out.add(TestSignals.bowedLike(300 * Math.pow(2, 0.5 * rnd.nextDouble()), seconds[i], rnd));
            }
            return out;
        }
        @Override public boolean canRender(String instrument) { return instrument.equals("bowed"); }
    };

    @BeforeAll static void setUp() {
        Random rnd = new Random(5);
        voices = new ArrayList<>();
        for (int i = 0; i < 6; i++) voices.add(new NamedClip("v" + i, TestSignals.speechLike(90 + 40 * rnd.nextDouble(), 1.5, rnd)));
    }

    /** Says the same label for everything. */
    private static Listener always(String label) {
        return listener("always-" + label, s -> label);
    }

    /**
     * A listener fooled by register: "bowed" when the lowest strong partial of the clip's mean
     * spectrum (loud frames) lies above mel bin 4 (about 150 Hz), else "voice".
     */
    private static Listener register() {
        return listener("register", s -> {
            double[][] db = SegmentFeatures.toDb(s);
            double peak = Arrays.stream(db).flatMapToDouble(Arrays::stream).max().orElseThrow();
            double[] mean = new double[db[0].length];
            int n = 0;
            for (double[] row : db)
                if (Arrays.stream(row).max().orElseThrow() >= peak - 20) {
                    n++;
                    for (int b = 0; b < row.length; b++) mean[b] += row[b];
                }
            for (int b = 0; b < mean.length; b++) mean[b] /= n;
            double max = Arrays.stream(mean).max().orElseThrow();
            for (int b = 1; b < mean.length - 1; b++)
                if (mean[b] > max - 25 && mean[b] >= mean[b - 1] && mean[b] >= mean[b + 1]) return b > 4 ? "bowed" : "voice";
            return "voice";
        });
    }

    /**
     * A listener fooled by a drone: "bowed" when mel bins 0–5 (under about 170 Hz) hold energy within 45 dB of the clip's
     * loudest value in at least 90 % of its frames — pauses included — else "voice". (A low voice whose syllables run
     * together fools it too.)
     */
    private static Listener hum() {
        return listener("hum", s -> {
            double[][] db = SegmentFeatures.toDb(s);
            double peak = Arrays.stream(db).flatMapToDouble(Arrays::stream).max().orElseThrow();
            long held = Arrays.stream(db).filter(row -> Arrays.stream(row, 0, 6).max().orElseThrow() >= peak - 45).count();
            return held >= 0.9 * db.length ? "bowed" : "voice";
        });
    }

    private static Listener listener(String name, java.util.function.Function<Spectrogram, String> rule) {
        return new Listener() {
            @Override public String name() { return name; }
            @Override public String description() { return name; }
            @Override public List<String> labels() { return LABELS; }
            @Override public SpectrogramConfig spectrogramConfig() { return SpectrogramConfig.DEFAULT; }
            @Override public Verdict hear(Spectrogram spec) {   // certain of its label
                String label = rule.apply(spec);
                return new Verdict(label, Map.of(label, 1.0));
            }
        };
    }

    private static Map<String, ListenerControls.Outcome> byControl(ListenerControls.Result r, String listener) {
        Map<String, ListenerControls.Outcome> m = new LinkedHashMap<>();
        for (ListenerControls.Outcome o : r.outcomes()) if (o.listener().equals(listener)) m.put(o.control(), o);
        return m;
    }

    @Test void listenersWithKnownFaultsFailExactlyTheControlsThatCatchThem() {
        ListenerControls.Result r = new ListenerControls(T, List.of(always("bowed"), always("voice"), register(), hum()),
                List.of("bowed"), BOWED).run(voices, s -> { });
        assertEquals(4 * (6 + 2), r.outcomes().size());
        Map<String, Boolean> passed = r.passedByListener();
        assertEquals(Map.of("always-bowed", false, "always-voice", false, "register", false, "hum", false), passed);

        // calling everything an instrument fails every negative control and passes every positive one
        for (ListenerControls.Outcome o : byControl(r, "always-bowed").values()) {
            assertEquals(!o.negative(), o.pass(), o.toString());
            assertEquals(1.0, o.meanProbability(), 1e-12, "certain of an instrument every time: " + o);
        }
        // calling everything a voice: the other way round
        for (ListenerControls.Outcome o : byControl(r, "always-voice").values()) {
            assertEquals(o.negative(), o.pass(), o.toString());
            assertEquals(0.0, o.meanProbability(), 1e-12, "never gives an instrument any probability: " + o);
        }

        // a listener that hears register, not timbre, is caught by the octave controls only
        Map<String, ListenerControls.Outcome> b = byControl(r, "register");
        assertTrue(b.get("voice as is").pass(), b.toString());
        assertTrue(b.get("voice → mel → PGHI").pass(), b.toString());
        assertTrue(b.get("voice → PGHI → envelope step").pass(), b.toString());
        assertFalse(b.get("voice up 1 octave (resampled)").pass(), b.toString());
        assertFalse(b.get("voice up 2 octaves (resampled)").pass(), b.toString());
        assertTrue(b.get("voice + steady 110-Hz hum 30 dB down").pass(), b.toString());
        assertTrue(b.get("bowed phrase × voice envelope").pass(), b.toString());
        assertTrue(b.get("bowed phrase × voice envelope → PGHI").pass(), b.toString());
        // a listener that takes a steady low tone for an instrument calls every hummed voice one, far more than the voices as they are
        Map<String, ListenerControls.Outcome> h = byControl(r, "hum");
        ListenerControls.Outcome hummed = h.get("voice + steady 110-Hz hum 30 dB down");
        assertFalse(hummed.pass(), h.toString());
        assertEquals(1.0, hummed.rate(), h.toString());
        assertTrue(h.get("voice as is").rate() < 0.5, h.toString());
        assertTrue(r.failures("register").get(0).startsWith("voice up 1 octave (resampled): 100 % called an instrument"), r.failures("register").toString());

        String md = r.toMarkdown();
        assertTrue(md.contains("## Controls") && md.contains("- **register: FAIL** — voice up 1 octave"), md);
    }

    @Test void aVoiceCalledAnInstrumentTheTargetsLackStillFailsOnceTheSourceIsKnown() {
        // the listener knows cello; the preset under test has only "bowed": without the source, cello went uncounted
        ListenerControls.Result narrow = new ListenerControls(T, List.of(always("cello")), List.of("bowed"), null).run(voices, s -> { });
        ListenerControls.Result full = new ListenerControls(T, List.of(always("cello")), List.of("bowed"), "voice", null).run(voices, s -> { });
        assertTrue(byControl(narrow, "always-cello").get("voice as is").pass(), "the old count misses it");
        ListenerControls.Outcome asIs = byControl(full, "always-cello").get("voice as is");
        assertFalse(asIs.pass(), asIs.toString());
        assertEquals(asIs.clips(), asIs.hits());
        // "other" is not an instrument
        ListenerControls.Result other = new ListenerControls(T, List.of(always(DomainClassifier.OTHER)), List.of("bowed"), "voice", null).run(voices, s -> { });
        assertTrue(byControl(other, "always-" + DomainClassifier.OTHER).get("voice as is").pass());
    }

    @Test void aTrainedListenerPassesAndAMissingPhraseSourceIsSaid() {
        Random rnd = new Random(8);
        Map<String, List<Spectrogram>> train = new LinkedHashMap<>();
        for (String l : LABELS) train.put(l, new ArrayList<>());
        for (int i = 0; i < 12; i++) {
            AudioClip voice = TestSignals.speechLike(90 * Math.pow(2, 2.2 * rnd.nextDouble()), 1.5, rnd);
            AudioClip bowed = TestSignals.bowedLike(200 * Math.pow(2, 1.5 * rnd.nextDouble()), 1.5, rnd);
            train.get("voice").add(T.forward(voice));
            train.get("bowed").add(T.forward(bowed));
            // as ClassifierBuilder does: each phrase also moving like speech, through the vocoder
            train.get("bowed").add(T.forward(T.invert(T.forward(ListenerControls.withEnvelopeOf(voice, bowed, T.config().hopLength())), PhaseMethod.PGHI)));
            train.get(DomainClassifier.OTHER).add(T.forward(OtherSounds.pinkNoise(1.5, 16_000, rnd)));
        }
        ClipStatsListener trained = ClipStatsTrainer.DEFAULT.train(train, ClipStatsFeatures.DEFAULT);
        ListenerControls.Result r = new ListenerControls(T, List.of(trained), List.of("bowed"), BOWED).run(voices, s -> { });
        Map<String, ListenerControls.Outcome> o = byControl(r, "clipstats");
        for (String c : List.of("voice as is", "voice → mel → PGHI", "voice → PGHI → envelope step",
                "bowed phrase × voice envelope", "bowed phrase × voice envelope → PGHI"))
            assertTrue(o.get(c).pass(), c + ": " + o.get(c));

        ListenerControls.Result noPhrases = new ListenerControls(T, List.of(trained), List.of("bowed"), null).run(voices, s -> { });
        assertEquals(6, noPhrases.outcomes().size());
        assertTrue(noPhrases.notes().get(0).contains("positive controls were left out"), noPhrases.notes().toString());
    }

    @Test void octavesUpRaisesPitchByWholeOctavesAndKeepsTheLength() {
        float[] x = new float[24_000];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 150 * i / 16_000.0));
        AudioClip tone = new AudioClip(x, 16_000);
        Pitch pitch = new Pitch();
        assertEquals(150, median(pitch.track(tone, SpectrogramConfig.DEFAULT)), 3);
        for (int k = 1; k <= 2; k++) {
            AudioClip up = ListenerControls.octavesUp(tone, k);
            assertEquals(tone.length(), up.length());
            assertEquals(150 << k, median(pitch.track(up, SpectrogramConfig.DEFAULT)), 3 << k);
        }
    }

    @Test void thePhraseFollowsTheVoicesLoudness() {
        AudioClip voice = voices.get(0).clip();
        AudioClip phrase = TestSignals.bowedLike(330, 3.0, new Random(1));
        AudioClip shaped = ListenerControls.withEnvelopeOf(voice, phrase, 256);
        assertEquals(voice.length(), shaped.length());
        Loudness loud = new Loudness(SpectrogramConfig.DEFAULT);
        double before = ContentMetrics.loudnessCorrelation(loud.aWeightedDb(voice), loud.aWeightedDb(phrase.slice(0, voice.length())));
        double after = ContentMetrics.loudnessCorrelation(loud.aWeightedDb(voice), loud.aWeightedDb(shaped));
        assertTrue(after > 0.8 && after > before + 0.3, "loudness correlation " + before + " → " + after);
    }

    private static double median(PitchTrack t) {
        double[] v = new double[t.frames()];
        int n = 0;
        for (int i = 0; i < t.frames(); i++) if (t.voiced()[i]) v[n++] = t.f0Hz()[i];
        double[] s = Arrays.copyOf(v, n);
        Arrays.sort(s);
        return s[n / 2];
    }
}
