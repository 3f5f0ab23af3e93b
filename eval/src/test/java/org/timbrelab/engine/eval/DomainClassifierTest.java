package org.timbrelab.engine.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.Spectrogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class DomainClassifierTest {

    /** sine-like, bright sawtooth-like and noise clips at random pitches and levels. */
    private static Map<String, List<Spectrogram>> clips(int perClass, long seed) {
        Random rnd = new Random(seed);
        Map<String, List<Spectrogram>> m = new LinkedHashMap<>();
        m.put("sine", new ArrayList<>());
        m.put("saw", new ArrayList<>());
        m.put(DomainClassifier.OTHER, new ArrayList<>());
        for (int i = 0; i < perClass; i++) {
            double f0 = 150 * Math.pow(2, 2 * rnd.nextDouble());     // 150–600 Hz
            m.get("sine").add(SyntheticSpectrograms.harmonic(f0, 1, 0, 20 * rnd.nextDouble(), -95, 80, rnd));
            m.get("saw").add(SyntheticSpectrograms.harmonic(f0, 60, 6, 20 * rnd.nextDouble(), -95, 80, rnd));
            m.get(DomainClassifier.OTHER).add(SyntheticSpectrograms.noise(-40 + 10 * rnd.nextDouble(), -20 * rnd.nextDouble(), 80, rnd));
        }
        return m;
    }

    private static final ClassifierTrainer FAST = new ClassifierTrainer(new int[] {32, 16}, 15, 200, 32, 3e-3, 1e-4, 8, 3);

    @Test void separatesSineSawtoothAndNoiseOnHeldOutPitches() {
        DomainClassifier c = FAST.train(clips(12, 1), SegmentFeatures.DEFAULT, null);
        ClassifierAccuracy acc = ClassifierAccuracy.measure(c, clips(10, 99));
        assertEquals(List.of("sine", "saw", "other"), c.labels());
        for (String label : c.labels())
            assertTrue(acc.clipAccuracy().get(label) >= 0.9, label + " held-out accuracy too low:\n" + acc.toMarkdown());
    }

    @Test void untrainedNetworkIsNotAccurate() {
        // guards the test above: with zero epochs-worth of learning the same check must fail
        ClassifierTrainer barely = new ClassifierTrainer(new int[] {32, 16}, 1, 1, 1, 1e-9, 0, 8, 3);
        DomainClassifier c = barely.train(clips(4, 1), SegmentFeatures.DEFAULT, null);
        ClassifierAccuracy acc = ClassifierAccuracy.measure(c, clips(10, 99));
        assertTrue(acc.meanClipAccuracy() < 0.9, acc.toMarkdown());
    }

    @Test void gainDoesNotChangeTheVerdict() {
        DomainClassifier c = FAST.train(clips(12, 1), SegmentFeatures.DEFAULT, null);
        Random rnd = new Random(5);
        Spectrogram loud = SyntheticSpectrograms.harmonic(220, 60, 6, 10, -95, 80, rnd);
        // 20 dB quieter: same shape
        float[] v = loud.values().clone();
        for (int i = 0; i < v.length; i++) v[i] = Math.max(-1f, v[i] - 20f / 50);
        Spectrogram quiet = new Spectrogram(v, loud.bins(), loud.frames(), loud.config());
        assertEquals("saw", c.classify(loud).label());
        assertEquals("saw", c.classify(quiet).label());
    }

    @Test void featuresAreTheSameAtAnyGainOnlyWhenLevelNormalised() {
        Spectrogram loud = SyntheticSpectrograms.harmonic(220, 60, 6, 10, -95, 80, new Random(5));
        float[] v = loud.values().clone();
        for (int i = 0; i < v.length; i++) v[i] = Math.max(-1f, v[i] - 15f / 50);   // 15 dB quieter; its noise floor meets the spectrogram's
        Spectrogram quiet = new Spectrogram(v, loud.bins(), loud.frames(), loud.config());
        List<SegmentFeatures.Window> a = SegmentFeatures.DEFAULT.windows(loud, 8), b = SegmentFeatures.DEFAULT.windows(quiet, 8);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i).features(), b.get(i).features(), 1e-6);

        SegmentFeatures absolute = new SegmentFeatures(32, 32, -50, 0.5);
        double[] fa = absolute.windows(loud, 8).get(0).features(), fb = absolute.windows(quiet, 8).get(0).features();
        double diff = 0;
        for (int i = 0; i < fa.length; i++) diff = Math.max(diff, Math.abs(fa[i] - fb[i]));
        assertTrue(diff > 0.05, "absolute levels see the floor move: " + diff);
    }

    @Test void classifiersSavedBeforeLevelNormalisationKeepAbsoluteLevels(@TempDir Path dir) throws IOException {
        DomainClassifier c = FAST.train(clips(4, 1), new SegmentFeatures(32, 32, -50, 0.5), null);
        Path f = dir.resolve("old.json");
        c.save(f);
        String json = Files.readString(f);
        assertTrue(json.contains("\"levelFloorDb\""), "new files say it");
        Files.writeString(f, json.replaceAll(",\\s*\"levelFloorDb\"\\s*:\\s*0(\\.0)?", ""));
        assertFalse(Files.readString(f).contains("levelFloorDb"));
        assertEquals(0.0, DomainClassifier.load(f).features().levelFloorDb());
    }

    @Test void silenceHasNoWindows() {
        DomainClassifier c = FAST.train(clips(6, 1), SegmentFeatures.DEFAULT, null);
        Spectrogram silent = SyntheticSpectrograms.noise(-100, 0, 80, new Random(1));
        DomainClassifier.Prediction p = c.classify(silent);
        assertEquals(DomainClassifier.SILENT, p.label());
        assertEquals(0, p.windows());
    }

    @Test void embeddingHasOneVectorPerFrameAtHopOne() {
        DomainClassifier c = FAST.train(clips(6, 1), SegmentFeatures.DEFAULT, null);
        Spectrogram s = SyntheticSpectrograms.harmonic(300, 20, 6, 10, -95, 100, new Random(2));
        List<double[]> e = c.embed(s, 1);
        assertEquals(100 - 32 + 1, e.size());
        assertEquals(16, e.get(0).length);
        assertEquals(c.embeddingSize(), e.get(0).length);
    }

    @Test void saveAndLoadGiveIdenticalPredictions(@TempDir Path dir) throws IOException {
        DomainClassifier c = FAST.train(clips(6, 1), SegmentFeatures.DEFAULT, null);
        Path f = dir.resolve("classifier.json");
        c.save(f);
        DomainClassifier back = DomainClassifier.load(f);
        Spectrogram s = SyntheticSpectrograms.harmonic(300, 20, 6, 10, -95, 64, new Random(2));
        assertEquals(c.classify(s), back.classify(s));
        assertArrayEquals(c.embed(s, 4).get(0), back.embed(s, 4).get(0));
        assertEquals(c.labels(), back.labels());
    }

    @Test void corruptFileNamesFileAndReason(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"version\": 1, \"labels\": [");
        IOException e = assertThrows(IOException.class, () -> DomainClassifier.load(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("train"), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> DomainClassifier.load(dir.resolve("none.json")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test void anEnsembleIsTheMeanOfItsNetworksWhoseFirstIsTheSingleNetwork(@TempDir Path dir) throws IOException {
        DomainClassifier one = FAST.train(clips(6, 1), SegmentFeatures.DEFAULT, null);
        DomainClassifier three = FAST.withMembers(3).train(clips(6, 1), SegmentFeatures.DEFAULT, null);
        assertEquals(3, three.memberCount());
        Spectrogram s = SyntheticSpectrograms.harmonic(300, 20, 6, 10, -95, 64, new Random(2));
        // the first member is the one-network classifier, bit for bit: its embedding (FAD's) is unchanged
        assertArrayEquals(one.embed(s, 4).get(0), three.embed(s, 4).get(0));
        // the others were trained from other seeds, so the mean differs from the first alone
        double pOne = one.classify(s).probability("saw"), pThree = three.classify(s).probability("saw");
        assertNotEquals(pOne, pThree, 1e-9);
        assertEquals(1.0, three.classify(s).probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        // every member survives a save and a load
        Path f = dir.resolve("ensemble.json");
        three.save(f);
        DomainClassifier back = DomainClassifier.load(f);
        assertEquals(3, back.memberCount());
        assertEquals(three.classify(s), back.classify(s));
        ClassifierAccuracy acc = ClassifierAccuracy.measure(three, clips(10, 99));
        for (String label : three.labels())
            assertTrue(acc.clipAccuracy().get(label) >= 0.9, label + " held-out accuracy too low:\n" + acc.toMarkdown());
    }
}
