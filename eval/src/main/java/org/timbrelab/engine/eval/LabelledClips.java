package org.timbrelab.engine.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Real clips per label, read from one folder per label ({@code DIR/violin/*.wav},
 * {@code DIR/voice/*.wav}, …) — the layout of {@code eval --refs} and of the classifier's
 * training data — and split by file into two parts.
 */
public final class LabelledClips {
    private LabelledClips() { }

    /** Loads {@code dir/<label>/} for every label; fails naming the folder that is missing or empty. */
    public static Map<String, List<NamedClip>> load(Path dir, List<String> labels, int rate) throws IOException {
        for (String label : labels)       // all folders checked before any audio is read
            if (!Files.isDirectory(dir.resolve(label)))
                throw new IOException("folder " + dir.resolve(label) + " is missing; " + dir + " needs one folder of WAV/AIFF clips per domain "
                        + labels);
        Map<String, List<NamedClip>> out = new LinkedHashMap<>();
        for (String label : labels) out.put(label, NamedClip.loadFolder(dir.resolve(label), rate));
        return out;
    }

    /** Two disjoint parts by file, every label split the same way. */
    public record Split(Map<String, List<NamedClip>> train, Map<String, List<NamedClip>> heldOut) { }

    /**
     * Puts a seeded random {@code heldOutFraction} of each label's clips (at least one, and at
     * least one left for training) into the held-out part.
     */
    public static Split split(Map<String, List<NamedClip>> clips, double heldOutFraction, long seed) {
        Map<String, List<NamedClip>> train = new LinkedHashMap<>(), held = new LinkedHashMap<>();
        Random rnd = new Random(seed);
        for (Map.Entry<String, List<NamedClip>> e : clips.entrySet()) {
            List<NamedClip> all = new ArrayList<>(e.getValue());
            if (all.size() < 2)
                throw new IllegalArgumentException("label '" + e.getKey() + "' has " + all.size() + " clip(s); need at least 2 to hold one out");
            java.util.Collections.shuffle(all, rnd);
            int h = Math.max(1, Math.min(all.size() - 1, (int) Math.round(heldOutFraction * all.size())));
            held.put(e.getKey(), List.copyOf(all.subList(0, h)));
            train.put(e.getKey(), List.copyOf(all.subList(h, all.size())));
        }
        return new Split(train, held);
    }
}
