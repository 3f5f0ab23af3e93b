package org.timbrelab.engine.preset;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.timbrelab.dsp.ShiftLoudness;
import org.timbrelab.engine.config.ConfigException;
import org.timbrelab.engine.config.ConfigLoader;
import org.timbrelab.engine.train.CheckpointData;
import org.timbrelab.engine.train.Checkpoints;
import org.timbrelab.engine.train.DamagedCheckpointException;
import org.timbrelab.engine.train.NamedParameters;
import org.timbrelab.engine.vaegan.VaeGan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads and writes presets. A preset is a directory:
 * <pre>
 *   preset.json        {@link PresetInfo}: version, name, model config, SpectrogramConfig, domains, pitch flag, training summary
 *   weights.tlck       encoder + shared block + generators (engine checkpoint format, names "g/…")
 *   latents.tlck       scatter tensors: points (N×D), mean (D), basis (K×D), coords (N×K)
 *   latents.json       the N points' sources (domain, file, start seconds)
 *   training/          optional: the run's config.yaml and metrics log
 * </pre>
 * Saving builds the directory under a temporary name beside the target and moves it into place,
 * so a reader never sees half a preset. Loading validates every file and field against the model
 * config; errors name the file and the field.
 */
public final class PresetStore {
    public static final int VERSION = 1;
    public static final String INFO = "preset.json", WEIGHTS = "weights.tlck", LATENTS = "latents.tlck", SOURCES = "latents.json";
    public static final String TRAINING_DIR = "training";
    private static final String PREFIX = "g";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PresetStore() { }

    /**
     * Writes a preset directory atomically (replacing an existing one).
     *
     * @param trainingFiles files copied into training/ (e.g. config.yaml, metrics.jsonl); may be empty
     */
    public static void save(Path dir, PresetInfo info, VaeGan model, LatentPoints points, List<Path> trainingFiles) {
        validate(info, Path.of(INFO));
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = org.timbrelab.dsp.AtomicFiles.tempDirectoryFor(target);
            Files.writeString(tmp.resolve(INFO), JSON.writeValueAsString(info));
            CheckpointData w = new CheckpointData();
            NamedParameters.of(PREFIX, model.generatorSide()).asMap().forEach((k, p) -> w.put(k, p.getArray()));
            Checkpoints.write(tmp.resolve(WEIGHTS), w);
            CheckpointData l = new CheckpointData();
            l.putTensor("points", matrix(points.points(), points.dimension()));
            l.putTensor("mean", new CheckpointData.Tensor(new long[] {points.dimension()}, points.mean()));
            l.putTensor("basis", matrix(points.basis(), points.dimension()));
            l.putTensor("coords", matrix(points.coords(), points.components()));
            Checkpoints.write(tmp.resolve(LATENTS), l);
            Files.writeString(tmp.resolve(SOURCES), JSON.writeValueAsString(points.sources()));
            if (!trainingFiles.isEmpty()) {
                Path t = Files.createDirectories(tmp.resolve(TRAINING_DIR));
                for (Path f : trainingFiles) Files.copy(f, t.resolve(f.getFileName().toString()));
            }
            Path old = null;
            if (Files.exists(target)) {
                old = parent.resolve("." + target.getFileName() + ".old" + System.nanoTime());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            if (old != null) deleteTree(old);
        } catch (IOException e) {
            throw new PresetException(target + ": cannot write the preset (" + e.getMessage() + "); check the folder is writable and has space", e);
        } finally {
            if (tmp != null) deleteTree(tmp);
        }
    }

    /** Reads only preset.json (fast; for listings), validated. */
    public static PresetInfo readInfo(Path dir) {
        Path file = dir.resolve(INFO);
        if (!Files.isDirectory(dir)) throw new PresetException(dir + ": not a preset directory (missing); choose a folder holding " + INFO);
        if (!Files.isRegularFile(file)) throw new PresetException(file + ": missing; this folder is not a preset (or it is incomplete)");
        PresetInfo info;
        try {
            com.fasterxml.jackson.databind.JsonNode tree = ConfigLoader.readTree(file);
            // presets written before affine norms existed have none; before fused kernels existed, the split ones
            if (tree.path("model") instanceof com.fasterxml.jackson.databind.node.ObjectNode model) {
                for (String key : new String[] {"affineNorm", "fusedKernels"}) if (!model.has(key)) model.put(key, false);
                if (!model.has("combBridge")) model.put("combBridge", 0); // and before comb bridging, none
                if (!model.has("shiftKeepsLoudness")) model.put("shiftKeepsLoudness", false); // before it, shifts only stretched
                if (!model.has("shiftMaxBoostDb")) model.put("shiftMaxBoostDb", ShiftLoudness.KEEP.maxBoostDb()); // before the cap, ±30 dB
                if (!model.has("shiftBoostFromClipGain")) model.put("shiftBoostFromClipGain", false);       // counted from 0 dB
            }
            // presets written before each carried its own timbre strength used the one default
            // (and before per-target strengths existed, none)
            if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode root) {
                if (!root.has("timbreStrength")) root.put("timbreStrength", PresetInfo.DEFAULT_TIMBRE_STRENGTH);
                if (!root.has("targetStrengths")) root.putObject("targetStrengths");
                if (!root.has("targetNoteSnaps")) root.putObject("targetNoteSnaps"); // and before note snapping, none
            }
            info = ConfigLoader.bind(tree, PresetInfo.class, file);
        } catch (ConfigException e) {
            throw new PresetException(e.getMessage(), e);
        }
        validate(info, file);
        return info;
    }

    /** Reads and validates a whole preset; the model's weights live in the returned preset's manager. */
    public static Preset load(Path dir) {
        PresetInfo info = readInfo(dir);
        NDManager manager = NDManager.newBaseManager();
        try {
            VaeGan model = new VaeGan(info.model());
            model.initialize(manager);
            Path wFile = dir.resolve(WEIGHTS);
            CheckpointData w = readTensors(wFile);
            NamedParameters params = NamedParameters.of(PREFIX, model.generatorSide());
            Set<String> extra = new HashSet<>(w.tensors().keySet());
            extra.removeAll(params.asMap().keySet());
            if (!extra.isEmpty()) throw new PresetException(wFile + ": tensor '" + extra.iterator().next()
                    + "' does not belong to the model described in " + INFO + " (field 'model'); the files come from different presets");
            try {
                params.loadFrom(w);
            } catch (IllegalStateException e) {
                throw new PresetException(wFile + ": " + e.getMessage().replace("checkpoint", "weights file")
                        .replaceAll("; start a new run directory", "") + "; field 'model' of " + INFO + " does not match the weights", e);
            }
            LatentPoints points = readPoints(dir, info);
            return new Preset(dir, info, model, points, manager, InputTone.read(dir, info.domainNames()).orElse(null));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static LatentPoints readPoints(Path dir, PresetInfo info) {
        Path file = dir.resolve(LATENTS);
        Path sourcesFile = dir.resolve(SOURCES);
        CheckpointData l = readTensors(file);
        List<LatentPoints.Source> sources;
        try {
            if (!Files.isRegularFile(sourcesFile)) throw new PresetException(sourcesFile + ": missing; the preset is incomplete, save it again");
            sources = JSON.readValue(Files.readString(sourcesFile), new TypeReference<List<LatentPoints.Source>>() { });
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException ? "" : " (" + ConfigLoader.describe(e, "JSON") + ")";
            throw new PresetException(sourcesFile + ": not a list of {domain, file, startSeconds} entries" + why
                    + "; the preset is damaged, copy it again or export it again from its training run", e);
        }
        int d = info.model().latentChannels() * info.model().melBins() / 4;
        CheckpointData.Tensor mean = tensor(l, file, "mean", 1);
        if (mean.shape()[0] != d) throw new PresetException(file + ": field 'mean' has " + mean.shape()[0] + " values but the model's latent points have " + d);
        float[][] points = rows(tensor(l, file, "points", 2), file, "points", d);
        float[][] basis = rows(tensor(l, file, "basis", 2), file, "basis", d);
        float[][] coords = rows(tensor(l, file, "coords", 2), file, "coords", basis.length);
        if (points.length != sources.size() || coords.length != sources.size())
            throw new PresetException(file + ": field 'points' has " + points.length + " rows but " + SOURCES + " lists " + sources.size() + " sources");
        for (LatentPoints.Source s : sources) {
            if (!info.domainNames().contains(s.domain()))
                throw new PresetException(sourcesFile + ": field 'domain' is '" + s.domain() + "', not one of " + info.domainNames());
        }
        return new LatentPoints(sources, points, mean.values(), basis, coords);
    }

    private static void validate(PresetInfo info, Path file) {
        if (info.version() != VERSION)
            throw new PresetException(file + ": field 'version' is " + info.version() + " but this Timbre Lab reads version " + VERSION + "; re-export the preset");
        if (info.model() == null) throw new PresetException(file + ": field 'model' is missing");
        if (info.spectrogram() == null) throw new PresetException(file + ": field 'spectrogram' is missing");
        if (!info.domainNames().equals(info.model().domains()))
            throw new PresetException(file + ": field 'domains' lists " + info.domainNames() + " but 'model.domains' is " + info.model().domains());
        if (info.pitchConditioning() != info.model().pitchConditioning())
            throw new PresetException(file + ": field 'pitchConditioning' is " + info.pitchConditioning() + " but 'model.pitchConditioning' is " + info.model().pitchConditioning());
        if (info.spectrogram().nMels() != info.model().melBins())
            throw new PresetException(file + ": field 'spectrogram.nMels' is " + info.spectrogram().nMels() + " but 'model.melBins' is " + info.model().melBins());
        if (info.training() == null) throw new PresetException(file + ": field 'training' is missing");
    }

    private static CheckpointData readTensors(Path file) {
        if (!Files.isRegularFile(file)) throw new PresetException(file + ": missing; the preset is incomplete, save or copy it again");
        CheckpointData data;
        try {
            data = Checkpoints.read(file);
        } catch (DamagedCheckpointException e) {
            throw new PresetException(file + ": " + e.problem() + "; the preset is damaged, copy it again or export it again from its training run", e);
        } catch (IOException e) {
            throw new PresetException(file + ": cannot be read (" + e.getMessage() + "); check the file's permissions", e);
        }
        requireFinite(data, file);
        return data;
    }

    /** NaN or infinite weights make every conversion silent or noise: refuse them, naming the first such tensor. */
    private static void requireFinite(CheckpointData data, Path file) {
        for (Map.Entry<String, CheckpointData.Tensor> e : data.tensors().entrySet()) {
            float[] v = e.getValue().values();
            int bad = 0;
            for (float x : v) if (!Float.isFinite(x)) bad++;
            if (bad > 0) throw new PresetException(file + ": parameter '" + e.getKey() + "' holds " + bad + " NaN or infinite value"
                    + (bad == 1 ? "" : "s") + " (of " + v.length + "); the preset is broken (saved from a diverged run, or edited), "
                    + "export it again from a good checkpoint or copy it again");
        }
    }

    private static CheckpointData.Tensor tensor(CheckpointData data, Path file, String name, int rank) {
        CheckpointData.Tensor t = data.tensors().get(name);
        if (t == null) throw new PresetException(file + ": field '" + name + "' is missing; the preset is incomplete");
        if (t.shape().length != rank) throw new PresetException(file + ": field '" + name + "' has rank " + t.shape().length + ", expected " + rank);
        return t;
    }

    private static float[][] rows(CheckpointData.Tensor t, Path file, String name, int width) {
        if (t.shape()[1] != width && t.shape()[0] > 0)
            throw new PresetException(file + ": field '" + name + "' has rows of " + t.shape()[1] + " values, expected " + width);
        int n = (int) t.shape()[0];
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) out[i] = java.util.Arrays.copyOfRange(t.values(), i * width, (i + 1) * width);
        return out;
    }

    private static CheckpointData.Tensor matrix(float[][] rows, int width) {
        float[] v = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + width);
            System.arraycopy(rows[i], 0, v, i * width, width);
        }
        return new CheckpointData.Tensor(new long[] {rows.length, width}, v);
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        } catch (DirectoryNotEmptyException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            // best effort: a leftover temp folder starts with '.', and the next save does not depend on it
        }
    }

    /** Convenience for callers building summaries: final losses as doubles. */
    public static Map<String, Double> toDoubles(Map<String, Float> losses) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        losses.forEach((k, v) -> m.put(k, v.doubleValue()));
        return m;
    }
}
