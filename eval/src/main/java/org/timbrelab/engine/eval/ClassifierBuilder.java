package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.PhaseMethod;
import org.timbrelab.dsp.Spectrogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The whole recipe for the evaluation's two listeners from real clips per domain: split by
 * file, add the "other" class (made from the training part's speech for training and from the
 * held-out speech for testing), train the window MLP and the clip-stats listener on the same
 * clips, measure each one's accuracy on the held-out part, and record it in its summary.
 *
 * @param heldOutFraction fraction of each domain's files held out for the accuracy figure
 * @param otherSeconds    length of generated "other" clips
 * @param seed            split, "other" and training seed
 * @param trainer         network and optimiser settings of the MLP
 * @param clipStatsTrainer settings of the second listener
 * @param clipStatsFeatures what the second listener hears of a clip
 */
public record ClassifierBuilder(double heldOutFraction, double otherSeconds, long seed, ClassifierTrainer trainer,
                                ClipStatsTrainer clipStatsTrainer, ClipStatsFeatures clipStatsFeatures) {

    /** Hummed copies of each training clip the clip-stats listener learns (study sections 23 and 27). */
    static final int HUM_COPIES = 3;

    public static final ClassifierBuilder DEFAULT = new ClassifierBuilder(0.25, 3.0, 17, ClassifierTrainer.DEFAULT);

    /** With the default second listener. */
    public ClassifierBuilder(double heldOutFraction, double otherSeconds, long seed, ClassifierTrainer trainer) {
        this(heldOutFraction, otherSeconds, seed, trainer, ClipStatsTrainer.DEFAULT, ClipStatsFeatures.DEFAULT);
    }

    /** The same recipe with the second listener hearing {@code features}. */
    public ClassifierBuilder withClipStatsFeatures(ClipStatsFeatures features) {
        return new ClassifierBuilder(heldOutFraction, otherSeconds, seed, trainer, clipStatsTrainer, features);
    }

    /** The trained listeners and each one's accuracy on clips neither trained on. */
    public record Built(DomainClassifier classifier, ClassifierAccuracy heldOut, ClipStatsListener clipStats,
                        ClassifierAccuracy clipStatsHeldOut) {
        public Listeners listeners() { return new Listeners(classifier, clipStats); }
    }

    /**
     * @param clips        real clips per domain (e.g. TimGM6mb phrases, espeak-ng voices)
     * @param speechLabel  the domain whose clips are speech (damaged copies become "other"), or null
     * @param garble       a poor vocoder round trip for garbled speech, or null
     */
    public Built build(Map<String, List<NamedClip>> clips, String speechLabel, AudioTransform transform,
                       UnaryOperator<AudioClip> garble, Consumer<String> log) {
        if (clips.containsKey(DomainClassifier.OTHER))
            throw new IllegalArgumentException("'" + DomainClassifier.OTHER + "' is generated; do not give it as a domain");
        if (speechLabel != null && !clips.containsKey(speechLabel))
            throw new IllegalArgumentException("speech domain '" + speechLabel + "' is not among " + clips.keySet());
        LabelledClips.Split split = LabelledClips.split(clips, heldOutFraction, seed);
        ClassifierData data = new ClassifierData(transform, garble);
        Map<String, List<Spectrogram>> train = data.spectrograms(split.train());
        Map<String, List<Spectrogram>> test = data.spectrograms(split.heldOut());
        int perTrain = (int) Math.ceil(train.values().stream().mapToInt(List::size).average().orElse(1));
        int perTest = (int) Math.ceil(test.values().stream().mapToInt(List::size).average().orElse(1));
        List<NamedClip> speechTrain = speechLabel == null ? List.of() : split.train().get(speechLabel);
        List<NamedClip> speechTest = speechLabel == null ? List.of() : split.heldOut().get(speechLabel);
        if (speechLabel != null) {   // speech is speech at any register: voices moved up 1 and 2 octaves stay its label
            train.get(speechLabel).addAll(data.raisedSpeech(speechTrain));
            test.get(speechLabel).addAll(data.raisedSpeech(speechTest));
            train.get(speechLabel).addAll(data.tiltedSpeech(speechTrain, seed + 7));   // and through any microphone
            // an instrument is itself when it moves like speech and comes through the model's vocoder: every training
            // phrase also once with a training voice's loudness envelope, through mel → PGHI (the positive controls
            // use other phrases and the held-out voices)
            for (String label : split.train().keySet()) {
                if (label.equals(speechLabel)) continue;
                List<NamedClip> phrases = split.train().get(label);
                for (int i = 0; i < phrases.size(); i++) {
                    AudioClip shaped = ListenerControls.withEnvelopeOf(speechTrain.get(i % speechTrain.size()).clip(), phrases.get(i).clip(),
                            transform.config().hopLength());
                    train.get(label).add(transform.forward(transform.invert(transform.forward(shaped), PhaseMethod.PGHI)));
                }
            }
        }
        // "other" mixes eight kinds of sound, so it gets twice a domain's share of clips
        train.put(DomainClassifier.OTHER, data.other(speechTrain, Math.max(8, 2 * perTrain), otherSeconds, seed));
        test.put(DomainClassifier.OTHER, data.other(speechTest, Math.max(8, 2 * perTest), otherSeconds, seed + 1000));
        log.accept("classifier: training on " + count(train) + " (clips per label), holding out " + count(test));
        DomainClassifier c = trainer.train(train, SegmentFeatures.DEFAULT,
                e -> { if (e % 10 == 0) log.accept(String.format("classifier: epoch %d/%d", e, trainer.epochs() * trainer.members())); });
        ClassifierAccuracy acc = ClassifierAccuracy.measure(c, test);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("trainingClips", count(train));
        summary.put("heldOutClips", count(test));
        summary.put("heldOutClipAccuracy", acc.clipAccuracy());
        summary.put("heldOutWindowAccuracy", acc.windowAccuracy());
        log.accept("classifier: training the clip-stats listener on the same clips");
        // the clip-stats listener also learns every training clip over a low hum, three times with three hums, under its
        // own label (study section 23: without them it called a voice over a hum 30 dB down "cello"; section 27: with one
        // it still did on 3 of 40 held-out voices); the MLP passes that control without them and stays as it was
        Map<String, List<Spectrogram>> clipTrain = new LinkedHashMap<>();
        for (var e : train.entrySet()) clipTrain.put(e.getKey(), new ArrayList<>(e.getValue()));
        for (int k = 0; k < HUM_COPIES; k++)
            for (var e : split.train().entrySet()) clipTrain.get(e.getKey()).addAll(data.hummed(e.getValue(), seed + 31 + k));
        ClipStatsListener second = clipStatsTrainer.train(clipTrain, clipStatsFeatures, speechLabel);
        ClassifierAccuracy acc2 = ClassifierAccuracy.measure(second, test);
        Map<String, Object> summary2 = new LinkedHashMap<>();
        summary2.put("trainingClips", count(clipTrain));   // with the hummed copies
        summary2.put("heldOutClips", count(test));
        summary2.put("heldOutClipAccuracy", acc2.clipAccuracy());
        return new Built(c.withSummary(summary), acc, second.withSummary(summary2), acc2);
    }

    private static Map<String, Integer> count(Map<String, List<Spectrogram>> m) {
        Map<String, Integer> c = new LinkedHashMap<>();
        m.forEach((k, v) -> c.put(k, v.size()));
        return c;
    }
}
