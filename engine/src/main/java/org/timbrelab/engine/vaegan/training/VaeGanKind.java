package org.timbrelab.engine.vaegan.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.timbrelab.dsp.ShiftLoudness;
import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.engine.data.BalancedSampler;
import org.timbrelab.engine.data.ChunkSet;
import org.timbrelab.engine.data.DatasetListener;
import org.timbrelab.engine.data.DatasetOptions;
import org.timbrelab.engine.data.DatasetException;
import org.timbrelab.engine.data.DatasetSplit;
import org.timbrelab.engine.data.DomainDataset;
import org.timbrelab.engine.data.DomainSource;
import org.timbrelab.engine.data.DomainSources;
import org.timbrelab.engine.data.InstrumentDataset;
import org.timbrelab.engine.train.ModelKind;
import org.timbrelab.engine.train.RunContext;
import org.timbrelab.engine.train.TrainingListener;
import org.timbrelab.engine.train.TrainingRecipe;
import org.timbrelab.engine.vaegan.VaeGan;
import org.timbrelab.engine.vaegan.VaeGanConfig;
import org.timbrelab.engine.vaegan.study.EncoderAnchor;
import org.timbrelab.engine.vaegan.study.InitConfig;
import org.timbrelab.engine.vaegan.study.WarmStart;
import org.timbrelab.engine.config.ConfigException;
import org.timbrelab.engine.preset.PresetInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code model: vaegan}: renders any domain given as a soundfont or speech spec ({@link DomainSources}), opens
 * every domain folder as a {@link DomainDataset} (with f0), splits off
 * validation files, builds the model and its recipe; when the run completes, the model is exported
 * as a preset into RUN_DIR/preset.
 */
public final class VaeGanKind implements ModelKind<VaeGanTrainConfig> {
    public static final String NAME = "vaegan";
    public static final String PRESET_DIR = "preset";

    @Override public String name() { return NAME; }

    @Override public Class<VaeGanTrainConfig> configType() { return VaeGanTrainConfig.class; }

    /**
     * Keys that came later get their defaults: without {@code domains[i].octaves} a domain trains at its own register
     * only ([0]); without {@code domains[i].render} on its folder as it is ({@code { folder: <dir> }}); without
     * {@code data.gapDb} silent frames are kept (0); without {@code losses.tone} there is no spectral-profile term (0), without {@code losses.follow} no comb-following term (0), without {@code losses.followHarmonics} it looks at every harmonic (0), without {@code losses.legato} no spectral-motion term (0), without {@code losses.peak} no peakiness term (0), without {@code losses.combPeak} no peak-on-the-comb term (0), without {@code losses.level} no level-following term (0), without {@code losses.rests} no quiet-where-the-source-is term (0), without {@code losses.rolloff} no upper-harmonics term (0), without {@code losses.spread} no shape-steadiness term (0), without {@code losses.toneless} no tone-without-a-comb term (0), without {@code losses.peakRange} L_peak and L_toneless split frames by the comb (0), without {@code losses.loudness} no A-weighted level-following term (0), without {@code losses.noiseToneless} no tone-out-of-noise term (0), without {@code architecture.combBridge} the comb as tracked (0), without {@code architecture.shiftKeepsLoudness} register shifts that only stretch (false), without {@code architecture.shiftMaxBoostDb} such shifts raise a frame up to 30 dB, without {@code architecture.shiftBoostFromClipGain} counted from 0 dB; without {@code init} (or its {@code copy}, {@code freeze},
     * {@code anchor}) the run starts from random weights (DJL's He-normal) with nothing held; without {@code schedule} the learning rate
     * stays constant ({@code lrDecayFrom: 1}); without {@code transfers} each domain transfers to one random other
     * ({@code hub: ""}), without {@code domains[i].losses} every domain's transfers get the config's {@code losses}; without {@code conversion} the preset converts at timbre strength 0.25, without {@code conversion.perDomain} every target at that strength, without {@code conversion.noteSnap} no target's pitch snapped to notes; without {@code ema} presets get the last step's weights (0).
     * <p>
     * Study settings whose code was removed ({@link #REMOVED}) still load at their neutral value, so the configs of older
     * runs and presets resume and read as before; any other value fails and says where the code went.
     */
    @Override public void fillOptionalKeys(ObjectNode tree) {
        if (tree.get("losses") instanceof ObjectNode losses) {
            if (!losses.has("tone")) losses.put("tone", 0.0);
            if (!losses.has("follow")) losses.put("follow", 0.0);
            if (!losses.has("followHarmonics")) losses.put("followHarmonics", 0);
            if (!losses.has("legato")) losses.put("legato", 0.0);
            if (!losses.has("peak")) losses.put("peak", 0.0);
            if (!losses.has("combPeak")) losses.put("combPeak", 0.0);
            if (!losses.has("level")) losses.put("level", 0.0);
            if (!losses.has("rests")) losses.put("rests", 0.0);
            if (!losses.has("rolloff")) losses.put("rolloff", 0.0);
            if (!losses.has("spread")) losses.put("spread", 0.0);
            if (!losses.has("toneless")) losses.put("toneless", 0.0);
            if (!losses.has("peakRange")) losses.put("peakRange", 0.0);
            if (!losses.has("loudness")) losses.put("loudness", 0.0);
            if (!losses.has("noiseToneless")) losses.put("noiseToneless", 0.0);
            dropRemoved(losses, "toneBands", 0, "losses.");
            dropRemoved(losses, "otherReal", 0, "losses.");
            dropRemoved(losses, "domainClass", 0, "losses.");
        }
        if (!tree.has("ema")) tree.put("ema", 0.0);
        if (tree.get("data") instanceof ObjectNode data && !data.has("gapDb")) data.put("gapDb", 0.0);
        if (tree.get("architecture") instanceof ObjectNode arch) {
            for (String key : new String[] {"affineNorm", "fusedKernels"}) if (!arch.has(key)) arch.put(key, false);
            if (!arch.has("combBridge")) arch.put("combBridge", 0);
            if (!arch.has("shiftKeepsLoudness")) arch.put("shiftKeepsLoudness", false);
            if (!arch.has("shiftMaxBoostDb")) arch.put("shiftMaxBoostDb", ShiftLoudness.KEEP.maxBoostDb());
            if (!arch.has("shiftBoostFromClipGain")) arch.put("shiftBoostFromClipGain", false);
        }
        if (!tree.has("schedule")) tree.putObject("schedule").put("lrDecayFrom", 1.0);
        if (!tree.has("transfers")) tree.putObject("transfers").put("hub", "");
        if (!tree.has("conversion")) tree.putObject("conversion").put("timbreStrength", PresetInfo.DEFAULT_TIMBRE_STRENGTH);
        if (tree.get("conversion") instanceof ObjectNode conversion) {
            if (!conversion.has("perDomain")) conversion.putObject("perDomain");
            if (!conversion.has("noteSnap")) conversion.putObject("noteSnap");
        }
        if (!tree.has("init")) tree.putObject("init").put("from", InitConfig.SCRATCH);
        if (tree.get("init") instanceof ObjectNode init) {
            if (!init.has("copy")) init.putObject("copy");
            if (!init.has("freeze")) init.putArray("freeze");
            if (!init.has("anchor")) init.putObject("anchor").put("weight", 0.0);
            dropRemoved(init, "weights", "he-normal", "init.");
            if (init.get("anchor") instanceof ObjectNode anchor) {
                if (!anchor.has("domains")) anchor.putArray("domains");
                if (!anchor.has("octaves")) anchor.putArray("octaves");
                if (!anchor.has("through")) anchor.put("through", ""); // none: latents are compared
            }
        }
        if (tree.get("domains") instanceof ArrayNode domains)
            for (JsonNode d : domains)
                if (d instanceof ObjectNode o) {
                    if (!o.has("octaves")) o.putArray("octaves").add(0);
                    if (!o.has("losses")) o.putObject("losses");
                    if (!o.has("noise")) {
                        ObjectNode noise = o.putObject("noise");
                        noise.putArray("belowPeak").add(0.0).add(0.0);
                        noise.put("share", 0.0);
                    }
                    if (!o.has("render") && o.path("dir").isTextual()) o.putObject("render").put("folder", o.get("dir").asText());
                    dropRemoved(o, "ganWeight", 1, "domains[].");
                    dropRemoved(o, "tiltDb", 0, "domains[].");
                }
    }

    /**
     * Where the study settings went: {@code losses.otherReal}, {@code losses.domainClass},
     * {@code domains[].ganWeight} and {@code domains[].tiltDb} were tried and not shipped (docs/study-n-domains.md);
     * their code was removed from the training step and is in git history.
     */
    static final String REMOVED = "a study setting that was tried and not shipped; its code was removed from the training step"
            + " (docs/study-n-domains.md and docs/study-reference.md say what it did and where it is in git history)";

    /** Removes {@code key} from {@code node} when it holds its neutral value; any other value is an error naming the key. */
    private static void dropRemoved(ObjectNode node, String key, double neutral, String path) {
        JsonNode v = node.get(key);
        if (v == null) return;
        if (v.isNumber() && v.asDouble() == neutral) {
            node.remove(key);
            return;
        }
        throw removed(path + key, neutral == 0 ? "0" : "1");
    }

    /** The same for a removed text option whose only value left is {@code neutral}. */
    private static void dropRemoved(ObjectNode node, String key, String neutral, String path) {
        JsonNode v = node.get(key);
        if (v == null) return;
        if (v.isTextual() && v.asText().equals(neutral)) {
            node.remove(key);
            return;
        }
        throw removed(path + key, neutral);
    }

    private static ConfigException removed(String key, String neutral) {
        return new ConfigException("key '" + key + "': " + REMOVED + "; delete the key (or set it to " + neutral + ") to train with the shipped recipe");
    }

    @Override
    public TrainingRecipe create(VaeGanTrainConfig cfg, RunContext ctx) {
        Opened data = open(cfg, ctx);
        VaeGanConfig modelConfig = cfg.modelConfig(data.spec.nMels());
        VaeGan model = new VaeGan(modelConfig);
        model.initialize(ctx.manager());
        WarmStart.apply(model, cfg.init(), ctx.out());
        ctx.out().printf("vaegan: %d domains, E+G %,d parameters, D %,d parameters, crops %d frames x %d per domain%n",
                modelConfig.domainCount(), model.generatorSide().parameterCount(), model.discriminatorSide().parameterCount(),
                cfg.data().cropFrames(), cfg.data().batchPerDomain());
        BalancedSampler sampler = new BalancedSampler(data.train, cfg.data().cropFrames(), cfg.data().batchPerDomain(), cfg.train().seed())
                .withNoise(cfg.domains().stream().map(VaeGanTrainConfig.Domain::noise).toList());
        EncoderAnchor anchor = EncoderAnchor.open(cfg.init(), model, ctx.out());
        try {
            VaeGanRecipe recipe = new VaeGanRecipe(model, cfg.losses(), cfg.optimiser(), sampler, data.spec, anchor)
                    .withDecay(new LearningRateDecay(cfg.schedule().lrDecayFrom(), Math.max(1, cfg.train().steps())))
                    .withTransfers(cfg.lossesPerDomain(), cfg.hubIndex())
                    .withWeightAverage(cfg.ema());
            return new Trained(model, cfg, data, recipe);
        } catch (RuntimeException e) {
            if (anchor != null) anchor.close(); // the recipe would have owned it
            throw e;
        }
    }

    @Override
    public List<TrainingListener> listeners(VaeGanTrainConfig cfg, TrainingRecipe recipe, RunContext ctx) {
        Trained t = (Trained) recipe;
        PresetExport export = new PresetExport(ctx.runDir().resolve(PRESET_DIR), ctx.runDir(), t.model, cfg, t.data.datasets, ctx.manager(), ctx.out(),
                t.recipe);
        if (ctx.snapshotEvery() == 0) return List.of(export);
        return List.of(export, new PresetSnapshots(export, ctx.runDir().resolve(PresetSnapshots.DIR), ctx.snapshotEvery()));
    }

    /** The datasets of a config, opened with f0 tracking. */
    record Opened(List<DomainDataset> datasets, List<ChunkSet> train, SpectrogramConfig spec) { }

    static Opened open(VaeGanTrainConfig cfg, RunContext ctx) {
        SpectrogramConfig spec = SpectrogramConfig.DEFAULT;
        DatasetOptions options = DatasetOptions.defaults().withCacheRoot(Path.of(cfg.data().cacheDir())).withTrackPitch(true)
                .withGapDb(cfg.data().gapDb());
        List<DomainDataset> sets = new ArrayList<>();
        List<ChunkSet> train = new ArrayList<>();
        ShiftLoudness shiftLoudness = cfg.modelConfig(spec.nMels()).shiftLoudness(); // conversion's register shift too
        for (VaeGanTrainConfig.Domain d : cfg.domains()) {
            Path folder = materialize(d, ctx);
            ctx.out().println("vaegan: opening domain '" + d.name() + "' from " + folder);
            DomainDataset ds = DomainDataset.open(folder, options, new DatasetListener() {
                @Override public void progress(int done, int total, String file) {
                    if (done % 100 == 0 || done == total) ctx.out().printf("vaegan:   analysed %d/%d files%n", done, total);
                }
            });
            DatasetSplit split = ds.split(cfg.data().validationFraction(), cfg.train().seed());
            ctx.out().printf("vaegan:   %d files, %.1f min, %d train / %d validation chunks, median f0 %s%n", ds.files().size(),
                    ds.totalSeconds() / 60, split.train().size(), split.validation().size(),
                    ds.medianF0Hz().isPresent() ? String.format("%.0f Hz", ds.medianF0Hz().getAsDouble()) : "none");
            sets.add(ds);
            List<ChunkSet> sides = new ArrayList<>(List.of(split.train()));
            for (int k : d.octaves()) {
                if (k == 0) continue;
                ctx.out().printf("vaegan:   register augmentation: '%s' also %+d octave(s)%n", d.name(), k);
                DomainDataset shifted = DomainDataset.openOctaveShifted(folder, options, k,
                        shiftLoudness, DatasetListener.LOGGING);
                sides.add(shifted.split(cfg.data().validationFraction(), cfg.train().seed()).train()); // same files as the unshifted split
            }
            train.add(sides.size() == 1 ? split.train() : ChunkSet.union(sides));
        }
        return new Opened(sets, train, spec);
    }

    /**
     * The folder holding a domain's audio: {@code dir} itself for a folder source, else its soundfont or speech spec
     * rendered into {@code dir} on first use (on all cores) and reused while {@code dir/source.json} matches the spec.
     */
    static Path materialize(VaeGanTrainConfig.Domain d, RunContext ctx) {
        DomainSource source = d.render();
        Path dir = Path.of(d.dir());
        boolean renders = source.folder() == null && !DomainSources.isCurrent(source, dir);
        if (renders) ctx.out().println("vaegan: rendering domain '" + d.name() + "' into " + dir + " (no current render of this spec there)");
        else if (source.folder() == null) ctx.out().println("vaegan: domain '" + d.name() + "': reusing the render in " + dir);
        InstrumentDataset.Progress progress = (done, total) -> {
            if (done % 50 == 0 || done == total) ctx.out().printf("vaegan:   rendered %d/%d%n", done, total);
        };
        try {
            return DomainSources.materialize(source, dir, Runtime.getRuntime().availableProcessors(), progress);
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            String reason = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            throw new DatasetException("domain '" + d.name() + "' (render: " + source.toTree() + "): " + reason
                    + ". In the config, fix this domain's dir: or render: ({ folder: … }, { soundfont: { instrument: …, soundfont: … } }"
                    + " or { speech: { engine: …, voices: […] } })", e);
        }
    }

    /** The recipe plus what the preset export needs. */
    static final class Trained implements TrainingRecipe {
        final VaeGan model;
        final VaeGanTrainConfig cfg;
        final Opened data;
        final VaeGanRecipe recipe;

        Trained(VaeGan model, VaeGanTrainConfig cfg, Opened data, VaeGanRecipe recipe) {
            this.model = model;
            this.cfg = cfg;
            this.data = data;
            this.recipe = recipe;
        }

        @Override public java.util.Map<String, Float> step(ai.djl.ndarray.NDManager m, long step) { return recipe.step(m, step); }

        @Override public void saveState(org.timbrelab.engine.train.CheckpointData out) { recipe.saveState(out); }

        @Override public void loadState(org.timbrelab.engine.train.CheckpointData in) { recipe.loadState(in); }

        @Override public void reseed(long stepSeed) { recipe.reseed(stepSeed); }

        @Override public void close() { recipe.close(); }
    }
}
