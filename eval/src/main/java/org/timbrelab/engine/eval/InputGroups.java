package org.timbrelab.engine.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups of held-out inputs: the first sub-folder under the inputs folder ({@code inputs/real/a.wav}
 * is in group "real", {@code inputs/tts/espeak/b.wav} in "tts"). The report scores each group
 * apart as well as all together, so real recordings are not averaged away among TTS voices.
 * By convention a group called {@link #REAL} holds real human recordings.
 */
public final class InputGroups {
    private InputGroups() { }

    public static final String REAL = "real";
    /** The group of files directly in the inputs folder when others are in sub-folders. */
    public static final String TOP = "(top level)";

    /** The group of a clip named by its path relative to the inputs folder; "" when it is directly in it. */
    public static String of(String relativeName) {
        String n = relativeName.replace('\\', '/');
        int slash = n.indexOf('/');
        return slash <= 0 ? "" : n.substring(0, slash);
    }

    /**
     * The groups to report apart, sorted: empty when no input is in a sub-folder (then only the
     * overall rows exist); files directly in the folder form {@link #TOP}.
     */
    public static List<String> of(List<NamedClip> inputs) {
        Set<String> g = new java.util.TreeSet<>();
        for (NamedClip c : inputs) g.add(of(c.name()));
        if (g.equals(Set.of(""))) return List.of();
        List<String> out = new ArrayList<>();
        for (String s : new LinkedHashSet<>(g)) out.add(s.isEmpty() ? TOP : s);
        return out;
    }

    /** The reported group of one clip, matching {@link #of(List)} ({@link #TOP} for a clip with no sub-folder). */
    public static String reported(String relativeName) {
        String g = of(relativeName);
        return g.isEmpty() ? TOP : g;
    }
}
