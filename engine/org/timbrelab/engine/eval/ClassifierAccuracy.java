package org.timbrelab.engine.eval;

import org.timbrelab.dsp.Spectrogram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classifier's accuracy on labelled clips it did not train on: per true label, the fraction of
 * clips (and of windows) given that label, and the clip-level confusion counts.
 *
 * @param clipAccuracy   true label → fraction of its clips classified correctly
 * @param windowAccuracy true label → fraction of its windows classified correctly
 * @param confusion      true label → (predicted label → clip count)
 */
public record ClassifierAccuracy(Map<String, Double> clipAccuracy, Map<String, Double> windowAccuracy,
                                 Map<String, Map<String, Integer>> confusion) {

    /** Scores {@code classifier} on {@code clips} (true label → spectrograms). */
    public static ClassifierAccuracy measure(DomainClassifier classifier, Map<String, List<Spectrogram>> clips) {
        Map<String, Double> clipAcc = new LinkedHashMap<>(), winAcc = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        for (Map.Entry<String, List<Spectrogram>> e : clips.entrySet()) {
            String truth = e.getKey();
            int target = classifier.labels().indexOf(truth);
            if (target < 0)
                throw new IllegalArgumentException("label '" + truth + "' is not one of the classifier's " + classifier.labels());
            Map<String, Integer> row = new LinkedHashMap<>();
            int right = 0, windows = 0, rightWindows = 0;
            for (Spectrogram s : e.getValue()) {
                String predicted = classifier.classify(s).label();
                row.merge(predicted, 1, Integer::sum);
                if (predicted.equals(truth)) right++;
                for (SegmentFeatures.Window w : classifier.features().windows(s, classifier.features().windowFrames() / 4 + 1)) {
                    windows++;
                    if (classifier.predictWindow(w.features()) == target) rightWindows++;
                }
            }
            clipAcc.put(truth, e.getValue().isEmpty() ? Double.NaN : right / (double) e.getValue().size());
            winAcc.put(truth, windows == 0 ? Double.NaN : rightWindows / (double) windows);
            confusion.put(truth, row);
        }
        return new ClassifierAccuracy(clipAcc, winAcc, confusion);
    }

    /** Mean clip accuracy over labels (each label weighted equally). */
    public double meanClipAccuracy() {
        return clipAccuracy.values().stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Markdown table: label, clip accuracy, window accuracy, confusion. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("| true label | clips correct | windows correct | predicted (clips) |\n|---|---|---|---|\n");
        for (String label : clipAccuracy.keySet())
            sb.append(String.format("| %s | %.1f %% | %.1f %% | %s |%n", label, 100 * clipAccuracy.get(label),
                    100 * windowAccuracy.get(label), confusion.get(label)));
        return sb.toString();
    }
}
