package org.timbrelab.engine.eval;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The second listener on generated audio of known kinds: bowed-like lines, speech-like buzz, noise. */
class ClipStatsListenerTest {

    private static final AudioTransform T = new AudioTransform(SpectrogramConfig.DEFAULT);
    private static ClipStatsListener trained;

    /** Per class, clips at random pitches and gains (−30 … 0 dB). */
    static Map<String, List<Spectrogram>> clips(int perClass, long seed) {
        Random rnd = new Random(seed);
        Map<String, List<Spectrogram>> m = new LinkedHashMap<>();
        for (String l : List.of("bowed", "speech", DomainClassifier.OTHER)) m.put(l, new ArrayList<>());
        for (int i = 0; i < perClass; i++) {
            double gain = Math.pow(10, -30 * rnd.nextDouble() / 20);
            m.get("bowed").add(T.forward(TestSignals.scaled(TestSignals.bowedLike(200 * Math.pow(2, 1.5 * rnd.nextDouble()), 1.5, rnd), gain)));
            m.get("speech").add(T.forward(TestSignals.scaled(TestSignals.speechLike(90 * Math.pow(2, 1.3 * rnd.nextDouble()), 1.5, rnd), gain)));
            AudioClip noise = i % 2 == 0 ? OtherSounds.whiteNoise(1.5, TestSignals.RATE, rnd) : OtherSounds.pinkNoise(1.5, TestSignals.RATE, rnd);
            m.get(DomainClassifier.OTHER).add(T.forward(TestSignals.scaled(noise, gain)));
        }
        return m;
    }

    @BeforeAll static void train() {
        trained = ClipStatsTrainer.DEFAULT.train(clips(10, 1), ClipStatsFeatures.DEFAULT);
    }

    @Test void separatesBowedSpeechAndNoiseOnUnseenClips() {
        ClassifierAccuracy acc = ClassifierAccuracy.measure(trained, clips(8, 77));
        assertEquals(List.of("bowed", "speech", "other"), trained.labels());
        for (String label : trained.labels())
            assertTrue(acc.clipAccuracy().get(label) >= 0.9, label + " held-out accuracy too low:\n" + acc.toMarkdown());
    }

    @Test void aHeavierSpeechClassCallsAmbiguousClipsSpeechMoreOften() {
        // half bowed, half speech-like buzz: where the classes meet, the weight of speech in the loss decides
        Map<String, List<Spectrogram>> training = clips(10, 1);
        ClipStatsTrainer d = ClipStatsTrainer.DEFAULT;
        ClipStatsListener even = new ClipStatsTrainer(d.l2(), d.iterations(), d.learningRate(), d.crops(), d.minCropFrames(), d.seed(), 1)
                .train(training, ClipStatsFeatures.DEFAULT, "speech");
        ClipStatsListener heavy = new ClipStatsTrainer(d.l2(), d.iterations(), d.learningRate(), d.crops(), d.minCropFrames(), d.seed(), 4)
                .train(training, ClipStatsFeatures.DEFAULT, "speech");
        Random rnd = new Random(5);
        double evenSpeech = 0, heavySpeech = 0;
        for (int i = 0; i < 12; i++) {
            double f0 = 150 * Math.pow(2, rnd.nextDouble());
            float[] a = TestSignals.bowedLike(f0, 1.5, rnd).samples(), b = TestSignals.speechLike(f0 / 2, 1.5, rnd).samples();
            float[] mix = new float[Math.min(a.length, b.length)];
            for (int n = 0; n < mix.length; n++) mix[n] = 0.5f * (a[n] + b[n]);
            Spectrogram s = T.forward(new AudioClip(mix, TestSignals.RATE));
            evenSpeech += even.hear(s).probability("speech");
            heavySpeech += heavy.hear(s).probability("speech");
        }
        assertTrue(heavySpeech > evenSpeech + 0.05 * 12, "mean P(speech) on mixtures: weight 4 " + heavySpeech / 12 + ", weight 1 " + evenSpeech / 12);
        ClassifierAccuracy acc = ClassifierAccuracy.measure(heavy, clips(8, 77));
        assertTrue(acc.clipAccuracy().get("bowed") >= 0.9, "a heavier speech class still hears bowed clips as bowed:\n" + acc.toMarkdown());
    }

    @Test void shuffledLabelsTeachNothing() {
        // guards the test above: trained on the same clips with labels dealt at random, the same check must fail
        Map<String, List<Spectrogram>> real = clips(10, 1);
        List<Spectrogram> all = new ArrayList<>();
        real.values().forEach(all::addAll);
        java.util.Collections.shuffle(all, new Random(3));
        Map<String, List<Spectrogram>> shuffled = new LinkedHashMap<>();
        int i = 0;
        for (String label : real.keySet()) shuffled.put(label, new ArrayList<>(all.subList(i, i += real.get(label).size())));
        ClipStatsListener fooled = ClipStatsTrainer.DEFAULT.train(shuffled, ClipStatsFeatures.DEFAULT);
        ClassifierAccuracy acc = ClassifierAccuracy.measure(fooled, clips(8, 77));
        assertTrue(acc.meanClipAccuracy() < 0.7, acc.toMarkdown());
    }

    @Test void featuresIgnoreGainAndLoudnessEnvelope() {
        AudioClip tone = TestSignals.bowedLike(300, 1.5, new Random(4));
        double[] a = ClipStatsFeatures.DEFAULT.of(T.forward(tone));
        double[] quieter = ClipStatsFeatures.DEFAULT.of(T.forward(TestSignals.scaled(tone, 0.1)));
        // a slow 3-Hz swell of 12 dB: each frame's shape stays, only its level moves
        float[] x = tone.samples().clone();
        for (int i = 0; i < x.length; i++) x[i] *= (float) Math.pow(10, -6 * (1 + Math.sin(2 * Math.PI * 3 * i / 16_000.0)) / 20);
        double[] swelled = ClipStatsFeatures.DEFAULT.of(T.forward(new AudioClip(x, 16_000)));
        double gainDiff = 0, envDiff = 0, scale = 0;
        for (int i = 0; i < a.length; i++) {
            gainDiff = Math.max(gainDiff, Math.abs(a[i] - quieter[i]));
            envDiff = Math.max(envDiff, Math.abs(a[i] - swelled[i]));
            scale = Math.max(scale, Math.abs(a[i]));
        }
        assertTrue(gainDiff < 0.01 * scale, "gain moved a feature by " + gainDiff);
        assertTrue(envDiff < 0.05 * scale, "a loudness swell moved a feature by " + envDiff);
        assertEquals("bowed", trained.hear(T.forward(new AudioClip(x, 16_000))).label());
        assertNull(ClipStatsFeatures.DEFAULT.of(T.forward(new AudioClip(new float[16_000], 16_000))));
        assertEquals(DomainClassifier.SILENT, trained.hear(T.forward(new AudioClip(new float[16_000], 16_000))).label());
    }

    @Test void aHumAloneInThePausesIsNotHeard() {
        // a bowed line, a silent gap, then only a 110-Hz sine 40 dB under the line's peak: the hum's frames are not
        // active, so the clip sounds like its first part alone
        AudioClip line = TestSignals.bowedLike(300, 1.0, new Random(6));
        double peak = org.timbrelab.dsp.AudioOps.peak(line);
        int rate = line.sampleRate(), gap = rate / 5;
        float[] x = new float[2 * line.samples().length + gap];
        System.arraycopy(line.samples(), 0, x, 0, line.samples().length);
        double a = peak * Math.pow(10, -40 / 20.0);
        for (int i = line.samples().length + gap; i < x.length; i++) x[i] = (float) (a * Math.sin(2 * Math.PI * 110 * i / rate));
        Spectrogram whole = T.forward(new AudioClip(x, rate));
        int middleOfGap = (line.samples().length + gap / 2) / SpectrogramConfig.DEFAULT.hopLength();
        double[] all = ClipStatsFeatures.DEFAULT.of(whole), first = ClipStatsFeatures.DEFAULT.of(whole, 0, middleOfGap);
        assertArrayEquals(first, all, 1e-12);
        // at 50 dB the same hum is counted: the frames were not left out by accident
        ClipStatsFeatures wide = new ClipStatsFeatures(32, 20, 60, 50);
        assertFalse(java.util.Arrays.equals(wide.of(whole), wide.of(whole, 0, middleOfGap)));
    }

    @Test void savesAndLoadsBesideTheMlp(@TempDir Path dir) throws IOException {
        DomainClassifier mlp = new ClassifierTrainer(new int[] {16, 8}, 2, 20, 8, 3e-3, 1e-4, 8, 3).train(clips(3, 5), SegmentFeatures.DEFAULT, null);
        Path file = dir.resolve("classifier.json");
        new Listeners(mlp, trained).save(file);
        assertTrue(Files.isRegularFile(dir.resolve("classifier.clipstats.json")));
        Listeners back = Listeners.load(file);
        Spectrogram probe = clips(1, 9).get("speech").get(0);
        assertEquals(trained.hear(probe), back.clipStats().hear(probe));
        assertEquals(mlp.hear(probe), back.windows().hear(probe));

        Files.delete(dir.resolve("classifier.clipstats.json"));
        IOException e = assertThrows(IOException.class, () -> Listeners.load(file));
        assertTrue(e.getMessage().contains("classifier.clipstats.json") && e.getMessage().contains("train-classifier"), e.getMessage());
    }
}
