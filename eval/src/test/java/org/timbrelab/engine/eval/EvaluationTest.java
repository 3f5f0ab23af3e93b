package org.timbrelab.engine.eval;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.PhaseMethod;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The evaluation on systems whose answers are known: a perfect converter, a noise maker, the vocoder baseline. */
class EvaluationTest {

    private static final int RATE = 16_000;
    private static final AudioTransform T = new AudioTransform(SpectrogramConfig.DEFAULT);

    /** Vibrato tone: sine (harmonics = 1) or sawtooth-like (harmonics = many, 1/h). */
    static AudioClip tone(double f0, int harmonics, double seconds, double amp, double vibratoHz) {
        float[] x = new float[(int) (seconds * RATE)];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            double f = f0 * Math.pow(2, 0.5 / 12 * Math.sin(2 * Math.PI * vibratoHz * i / RATE));
            phase += 2 * Math.PI * f / RATE;
            double s = 0;
            for (int h = 1; h <= harmonics && h * f < RATE / 2.0 - 200; h++) s += Math.sin(h * phase) / h;
            x[i] = (float) (amp * s);
        }
        return new AudioClip(x, RATE);
    }

    private static Listeners listeners;
    private static Map<String, List<NamedClip>> refs;
    private static final Map<AudioClip, double[]> INPUT_PARAMS = new IdentityHashMap<>();
    private static List<NamedClip> inputs;

    @BeforeAll static void setUp() {
        Random rnd = new Random(3);
        refs = new LinkedHashMap<>();
        refs.put("sine", new ArrayList<>());
        refs.put("saw", new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            double f0 = 200 * Math.pow(2, 1.5 * rnd.nextDouble());
            refs.get("sine").add(new NamedClip("sine" + i, tone(f0, 1, 1.5, 0.3, 4 + rnd.nextDouble())));
            refs.get("saw").add(new NamedClip("saw" + i, tone(f0, 40, 1.5, 0.2, 4 + rnd.nextDouble())));
        }
        ClassifierBuilder recipe = new ClassifierBuilder(0.25, 1.5, 5, new ClassifierTrainer(new int[] {32, 16}, 15, 200, 32, 3e-3, 1e-4, 8, 3));
        listeners = recipe.build(refs, null, T, null, s -> { }).listeners();
        inputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            double f0 = 120 + 40 * i, vib = 3 + i;
            AudioClip c = tone(f0, 1, 1.2, 0.3, vib);
            INPUT_PARAMS.put(c, new double[] {f0, vib});
            inputs.add(new NamedClip((i == 0 ? "real/" : "tts/") + "in" + i + ".wav", c));   // two groups: real (1 clip), tts (2)
        }
    }

    /** Makes a sawtooth one octave above the input, following its vibrato: a perfect "saw" converter. */
    private static final ConversionSystem PERFECT = new ConversionSystem() {
        @Override public String name() { return "perfect"; }
        @Override public String kind() { return "model"; }
        @Override public Output convert(AudioClip input, String domain) {
            double[] p = INPUT_PARAMS.get(input);
            return Output.plain(tone(2 * p[0], "saw".equals(domain) ? 40 : 1, input.durationSeconds(), 0.2, p[1]), 1);
        }
    };

    private static final ConversionSystem NOISE = new ConversionSystem() {
        @Override public String name() { return "noise"; }
        @Override public String kind() { return "ablation"; }
        @Override public Output convert(AudioClip input, String domain) {
            return Output.plain(OtherSounds.whiteNoise(input.durationSeconds(), RATE, new Random(1)), 0);
        }
    };

    /** Outputs made elsewhere, saw only, shift not given: a perfect converter that does not say its octave. */
    private static final ConversionSystem ELSEWHERE = new ConversionSystem() {
        @Override public String name() { return "elsewhere"; }
        @Override public String kind() { return "reference"; }
        @Override public boolean covers(String domain) { return domain.equals("saw"); }
        @Override public Output convert(AudioClip input, String domain) {
            return Output.plain(PERFECT.convert(input, domain).audio(), Output.UNKNOWN_OCTAVES);
        }
    };

    @Test void knownSystemsScoreAsExpected() throws java.io.IOException {
        List<String> log = new ArrayList<>();
        Evaluation.Result r;
        try (TorchScriptEmbedding bands = TorchScriptEmbedding.load(TorchScriptEmbeddingTest.MODULE, RATE)) {
            r = new Evaluation(listeners, "sine", bands).run(inputs, refs, List.of("saw", "sine"),
                    List.of(PERFECT, NOISE, Vocoders.noModelBaseline(T, PhaseMethod.PGHI), ELSEWHERE),
                    List.of(Vocoders.ceiling(T, PhaseMethod.PGHI)), log::add);
        }
        Map<String, EvalRow> rows = new LinkedHashMap<>();
        for (EvalRow row : r.rows()) rows.put(row.system() + "|" + row.domain() + (row.overall() ? "" : "|" + row.group()), row);
        // (3 systems × 2 targets + elsewhere × saw) × (all, real, tts) + floor and ceiling per target
        assertEquals((3 * 2 + 1) * 3 + 2 * 2, r.rows().size(), rows.keySet().toString());

        EvalRow perfect = rows.get("perfect|saw");
        assertEquals(1.0, perfect.domainAccuracy(), 1e-9);
        assertEquals(List.of(1.0, 1.0), perfect.heardAsTarget(), "both listeners hear it: " + perfect);
        assertEquals(List.of(0.0, 0.0), perfect.heardAsSource(), perfect.toString());
        assertEquals(1.0, perfect.listenersAgree(), 1e-9);
        EvalRow real = rows.get("perfect|saw|real"), tts = rows.get("perfect|saw|tts");
        assertEquals(1, real.clips());
        assertEquals(2, tts.clips());
        assertEquals(1.0, real.domainAccuracy(), 1e-9);
        assertTrue(Double.isNaN(tts.fadMfcc()) && tts.framesMfcc() == 0, "no FAD on a group: " + tts);
        assertTrue(tts.f0Correlation() > 0.9, tts.toString());
        assertTrue(perfect.f0Correlation() > 0.9, "f0 follows the input: " + perfect);
        assertTrue(perfect.centsError() < 30, "an octave up is what k = 1 expects: " + perfect);
        assertTrue(perfect.octaveFlips() < 0.05, "an octave up with k = 1 is no flip: " + perfect);

        EvalRow noise = rows.get("noise|saw");
        assertEquals(0.0, noise.domainAccuracy(), 1e-9);
        assertTrue(noise.fadMfcc() > perfect.fadMfcc(), "noise is further from real saw: " + noise + " vs " + perfect);
        assertTrue(noise.fadLearned() > perfect.fadLearned());
        assertTrue(noise.fadExternal() > perfect.fadExternal(), "and by the TorchScript embedding: " + noise + " vs " + perfect);
        assertTrue(perfect.framesExternal() > 100, perfect.toString());

        // the inputs are sines: the vocoder-only baseline must not count as saw
        EvalRow baseline = rows.get("no model: input → vocoder (PGHI)|saw");
        assertEquals(0.0, baseline.domainAccuracy(), 1e-9, baseline.toString());
        assertEquals(List.of(1.0, 1.0), baseline.heardAsSource(), "the vocoded sines are still heard as the source: " + baseline);

        // an output of unknown shift: octave-invariant f0 correlation, no cents, no flips; no row where it has no outputs
        EvalRow elsewhere = rows.get("elsewhere|saw");
        assertEquals("reference", elsewhere.kind());
        assertEquals(1.0, elsewhere.domainAccuracy(), 1e-9);
        assertTrue(elsewhere.f0Correlation() > 0.9, elsewhere.toString());
        assertTrue(Double.isNaN(elsewhere.centsError()) && Double.isNaN(elsewhere.octaveFlips()), elsewhere.toString());
        assertFalse(rows.containsKey("elsewhere|sine"));
        assertTrue(baseline.f0Correlation() > 0.9, baseline.toString());

        EvalRow floor = rows.get("real vs real (halves)|saw");
        assertEquals("floor", floor.kind());
        assertTrue(Double.isNaN(floor.f0Correlation()));
        assertTrue(floor.fadMfcc() < noise.fadMfcc());
        assertTrue(floor.fadExternal() < noise.fadExternal());
        EvalRow ceiling = rows.get("vocoder-resynthesised real (PGHI)|sine");
        assertEquals("ceiling", ceiling.kind());
        assertTrue(ceiling.f0Correlation() > 0.9, ceiling.toString());

        assertEquals(3 * 3 * 2 + 3 + 2 * 4, r.clips().size());
        assertEquals("real", r.clips().get(0).group());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("fewer than 2000")), "small sets are flagged");
        assertTrue(log.stream().anyMatch(l -> l.contains("100 %")), log.toString());
    }
}
