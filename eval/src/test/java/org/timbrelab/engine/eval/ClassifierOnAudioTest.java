package org.timbrelab.engine.eval;

import org.junit.jupiter.api.Test;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classifier on real audio through the model's transform: two timbres of tone plus noise. */
class ClassifierOnAudioTest {

    private static final AudioTransform TRANSFORM = new AudioTransform(SpectrogramConfig.DEFAULT);
    private static final int RATE = SpectrogramConfig.DEFAULT.sampleRate();

    private static AudioClip sine(double f0, double seconds, double amp) {
        float[] x = new float[(int) (seconds * RATE)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (amp * Math.sin(2 * Math.PI * f0 * i / RATE));
        return new AudioClip(x, RATE);
    }

    private static Map<String, List<Spectrogram>> clips(int perClass, long seed) {
        Random rnd = new Random(seed);
        Map<String, List<Spectrogram>> m = new LinkedHashMap<>();
        for (String l : List.of("sine", "sawtooth", DomainClassifier.OTHER)) m.put(l, new ArrayList<>());
        for (int i = 0; i < perClass; i++) {
            double f0 = 110 * Math.pow(2, 3 * rnd.nextDouble());        // 110–880 Hz
            m.get("sine").add(TRANSFORM.forward(sine(f0, 1.0, 0.1 + 0.4 * rnd.nextDouble())));
            m.get("sawtooth").add(TRANSFORM.forward(OtherSounds.sawtoothDrone(f0, 1.0, RATE, rnd)));
            AudioClip noise = i % 2 == 0 ? OtherSounds.whiteNoise(1.0, RATE, rnd) : OtherSounds.pinkNoise(1.0, RATE, rnd);
            m.get(DomainClassifier.OTHER).add(TRANSFORM.forward(noise));
        }
        return m;
    }

    @Test void tellsSineFromSawtoothFromNoiseAtUnseenPitches() {
        ClassifierTrainer fast = new ClassifierTrainer(new int[] {32, 16}, 15, 200, 32, 3e-3, 1e-4, 8, 11);
        DomainClassifier c = fast.train(clips(10, 1), SegmentFeatures.DEFAULT, null);
        ClassifierAccuracy acc = ClassifierAccuracy.measure(c, clips(8, 42));
        for (String label : c.labels())
            assertTrue(acc.clipAccuracy().get(label) >= 0.9, label + " accuracy too low:\n" + acc.toMarkdown());
    }
}
