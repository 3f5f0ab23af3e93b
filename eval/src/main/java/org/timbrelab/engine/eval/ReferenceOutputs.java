package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Outputs of another system converted beforehand, scored as a row beside the project's
 * ({@code eval --reference-outputs [NAME=]DIR}), e.g. {@code shared/reference/vaegan_reference.py}:
 * a measuring stick, nothing of it is used by the project. Layout: {@code DIR/<target>/} holds one
 * WAV per input, named as the input under the inputs folder ({@code real/a.wav}) or by its file
 * name alone ({@code a.wav}, what the reference's {@code convert} writes), with {@code .wav} for
 * any input extension. A target without a folder is left out of the row; a folder that lacks an
 * input's file is an error naming that file, found before anything is converted. The register shift
 * of these outputs is unknown: f0 correlation is octave-invariant, cents error and octave flips are n/a.
 */
public final class ReferenceOutputs implements ConversionSystem {

    /** Row name used when the argument has none. */
    public static final String DEFAULT_NAME = "reference";
    private static final Pattern NAMED = Pattern.compile("([A-Za-z0-9][A-Za-z0-9 _.+-]*)=(.+)");

    /** A parsed {@code [NAME=]DIR} argument. */
    public record Spec(String name, Path dir) {
        public static Spec parse(String arg) {
            var m = NAMED.matcher(arg);
            return m.matches() ? new Spec(m.group(1), Path.of(m.group(2))) : new Spec(DEFAULT_NAME, Path.of(arg));
        }
    }

    private final Spec spec;
    private final Map<String, Map<AudioClip, AudioClip>> byTarget;   // target → input clip (identity) → output

    private ReferenceOutputs(Spec spec, Map<String, Map<AudioClip, AudioClip>> byTarget) {
        this.spec = spec;
        this.byTarget = byTarget;
    }

    /**
     * Loads the outputs of every input for every target that has a folder in {@code spec.dir()},
     * at {@code rate} mono. {@code notes} gets a line per target left out.
     */
    public static ReferenceOutputs load(Spec spec, List<NamedClip> inputs, List<String> targets, int rate, List<String> notes)
            throws IOException {
        if (!Files.isDirectory(spec.dir()))
            throw new IOException("reference outputs '" + spec.name() + "': folder " + spec.dir() + " does not exist");
        Map<String, Map<AudioClip, AudioClip>> byTarget = new LinkedHashMap<>();
        for (String t : targets) {
            Path folder = spec.dir().resolve(t);
            if (!Files.isDirectory(folder)) {
                notes.add("- Reference outputs '" + spec.name() + "' have no folder " + folder + ": no row for " + t + ".");
                continue;
            }
            Map<AudioClip, AudioClip> outs = new IdentityHashMap<>();
            Map<Path, String> used = new HashMap<>();
            for (NamedClip in : inputs) {
                Path f = find(folder, in.name(), spec.name(), t);
                String other = used.put(f, in.name());
                if (other != null)
                    throw new IOException("reference outputs '" + spec.name() + "': inputs " + other + " and " + in.name()
                            + " both map to " + f + "; keep the inputs' sub-folders under " + folder);
                outs.put(in.clip(), AudioFiles.loadMono(f, rate));
            }
            byTarget.put(t, outs);
        }
        if (byTarget.isEmpty())
            throw new IOException("reference outputs '" + spec.name() + "': " + spec.dir() + " has no folder for any target " + targets
                    + "; put each target's outputs in " + spec.dir() + "/<target>/ named as the inputs");
        return new ReferenceOutputs(spec, byTarget);
    }

    /** The output file of one input: its relative path, then its file name alone, each as is or with .wav. */
    static Path find(Path folder, String inputName, String system, String target) throws IOException {
        String base = inputName.contains("/") ? inputName.substring(inputName.lastIndexOf('/') + 1) : inputName;
        List<Path> tried = new ArrayList<>();
        for (String n : new java.util.LinkedHashSet<>(List.of(inputName, asWav(inputName), base, asWav(base)))) {
            Path p = folder.resolve(n);
            if (Files.isRegularFile(p)) return p;
            tried.add(p);
        }
        throw new IOException("reference outputs '" + system + "': the output of input " + inputName + " into " + target
                + " is missing: no file " + tried.get(0) + (tried.size() > 1 ? " (nor " + tried.subList(1, tried.size()) + ")" : "")
                + "; convert every input into " + target + " first");
    }

    private static String asWav(String name) {
        int dot = name.lastIndexOf('.');
        return (dot > name.lastIndexOf('/') && dot >= 0 ? name.substring(0, dot) : name) + ".wav";
    }

    public Spec spec() { return spec; }

    @Override public String name() { return spec.name(); }

    @Override public String kind() { return "reference"; }

    @Override public boolean covers(String domain) { return byTarget.containsKey(domain); }

    @Override public Output convert(AudioClip input, String domain) {
        Map<AudioClip, AudioClip> outs = byTarget.get(domain);
        AudioClip out = outs == null ? null : outs.get(input);
        if (out == null)
            throw new IllegalArgumentException("reference outputs '" + spec.name() + "' have no output of this input into " + domain);
        return Output.plain(out, Output.UNKNOWN_OCTAVES);
    }
}
