package org.timbrelab.cli;

import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.PhaseMethod;
import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.engine.data.InstrumentTable;
import org.timbrelab.engine.data.Soundfont;
import org.timbrelab.engine.eval.ClassifierAccuracy;
import org.timbrelab.engine.eval.ClassifierBuilder;
import org.timbrelab.engine.eval.ConversionSystem;
import org.timbrelab.engine.eval.MelodyOracle;
import org.timbrelab.engine.eval.Evaluation;
import org.timbrelab.engine.eval.InputGroups;
import org.timbrelab.engine.eval.InputLooks;
import org.timbrelab.engine.eval.Listener;
import org.timbrelab.engine.eval.ListenerControls;
import org.timbrelab.engine.eval.Listeners;
import org.timbrelab.engine.eval.LabelledClips;
import org.timbrelab.engine.eval.ModelSystem;
import org.timbrelab.engine.eval.NamedClip;
import org.timbrelab.engine.eval.ReferenceOutputs;
import org.timbrelab.engine.eval.ReferenceRenderer;
import org.timbrelab.engine.eval.ReportWriter;
import org.timbrelab.engine.eval.RoundTrip;
import org.timbrelab.engine.eval.TorchScriptEmbedding;
import org.timbrelab.engine.eval.Vocoders;
import org.timbrelab.engine.infer.ConversionSettings;
import org.timbrelab.engine.infer.Converter;
import org.timbrelab.engine.infer.Register;
import org.timbrelab.engine.preset.PresetInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code eval --preset P --inputs DIR --out report/ [--refs DIR]}: the measured table (docs/ARCHITECTURE.md,
 * "Evaluation") — the preset, its ablations, the no-model baseline, real-vs-real floors and vocoder ceilings —
 * judged by two listeners that first pass their controls (issue 19), per input group, with rows
 * for outputs of other systems converted beforehand ({@code --reference-outputs}).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Checks two listeners (an MLP on 0.5-s windows, logistic regression on clip statistics) on controls "
                + "(voices as is, vocoded, octaves up, enveloped: no instrument; held-out soundfont phrases with a voice's envelope: "
                + "their instrument), then converts every input clip into every target domain of the preset and scores it: heard as "
                + "the target by each listener (headline: the lower), heard as the source, agreement, f0 correlation, cents error, "
                + "loudness correlation (before/after the envelope), FAD (MFCC and learned embeddings) against real clips; over all "
                + "inputs and per input group (first sub-folder of --inputs); with ablation (register off, Griffin-Lim, a second "
                + "preset), no-model baseline, reference-output, real-vs-real floor and vocoder-ceiling rows. Counts each run in "
                + "INPUTS/.eval-looks.json. Writes results.csv, clips.csv, report.md and PNG charts to --out.")
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--preset", required = true, paramLabel = "DIR", description = "preset to evaluate")
    Path preset;

    @Option(names = "--strength", paramLabel = "S",
            description = "timbre strength of the model rows (default: the preset's own for each target; see convert --strength)")
    Double strength;

    @Option(names = "--note-snap", paramLabel = "A",
            description = "note snapping 0..1 of the model rows (default: the preset's own; see convert --note-snap)")
    Double noteSnap;

    @Option(names = "--ablation-strengths", defaultValue = "0", split = ",", paramLabel = "S,S",
            description = "further timbre strengths scored as ablation rows (default ${DEFAULT-VALUE}: the encoder's latent as it is)")
    double[] ablationStrengths;

    @Option(names = "--preset2", paramLabel = "DIR", description = "a second preset trained under the same budget (e.g. pitch conditioning on/off), scored as an ablation row")
    Path preset2;

    @Option(names = "--inputs", required = true, paramLabel = "DIR", description = "held-out input clips (WAV/AIFF), e.g. voices the model never trained on")
    Path inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "report folder")
    Path out;

    @Option(names = "--refs", paramLabel = "DIR", description = "real clips per target domain (DIR/<domain>/*.wav); default: rendered from --soundfont")
    Path refs;

    @Option(names = "--classifier", paramLabel = "FILE", description = "the listeners (train-classifier): the MLP's JSON, with the second listener beside it "
            + "(FILE without .json + .clipstats.json); default: trained here and saved as OUT/classifier.json and OUT/classifier.clipstats.json")
    Path classifierFile;

    @Option(names = "--classifier-data", paramLabel = "DIR", description = "clips per domain to train the classifier on (must hold the source domain, e.g. voice/ from TTS voices the model never used); instrument folders that are missing are rendered from --soundfont")
    Path classifierData;

    @Option(names = "--soundfont", defaultValue = ReferenceRenderer.HELD_OUT_SOUNDFONT, paramLabel = "SF2",
            description = "soundfont the model did NOT train on, for rendered references and classifier data (default: ${DEFAULT-VALUE})")
    String soundfont;

    @Option(names = "--source", paramLabel = "DOMAIN", description = "the inputs' domain, left out of the targets (default: voice if the preset has it, else its first domain)")
    String source;

    @Option(names = "--ref-phrases", defaultValue = "24", description = "rendered reference phrases per domain (default: ${DEFAULT-VALUE})")
    int refPhrases;

    @Option(names = "--ref-seconds", defaultValue = "5", description = "length of a rendered phrase (default: ${DEFAULT-VALUE})")
    double refSeconds;

    @Option(names = "--classifier-epochs", defaultValue = "40", description = "training epochs when the classifier is trained here (default: ${DEFAULT-VALUE})")
    int classifierEpochs;

    @Option(names = "--oracle", description = "add a row in which the --soundfont instrument plays each input's melody and level (no model): "
            + "what the metrics give a conversion with the real timbre that keeps the melody")
    boolean oracle;

    @Option(names = "--no-gl", description = "skip the Griffin-Lim rows (they cost most of the time)")
    boolean noGl;

    @Option(names = "--reference-outputs", paramLabel = "[NAME=]DIR",
            description = "outputs of another system converted beforehand (e.g. shared/reference/vaegan_reference.py), scored as a row "
                    + "NAME (default: reference): DIR/<target>/<input file name>.wav per input (or with the input's sub-folders); "
                    + "targets without a folder are left out; repeatable")
    List<String> referenceOutputs = new ArrayList<>();

    @Option(names = "--control-clips", defaultValue = "40", paramLabel = "N",
            description = "input voices the listeners' controls use (spread over the inputs; default: ${DEFAULT-VALUE})")
    int controlClips;

    @Option(names = "--embedding", paramLabel = "FILE", description = "a local TorchScript frame embedding (VGGish, PANN wrapped as "
            + "docs/eval/torchscript-embedding.md says) for a third FAD column; never downloaded")
    Path embedding;

    @Option(names = "--embedding-rate", defaultValue = "16000", paramLabel = "HZ",
            description = "sample rate the --embedding module takes its waveform at (default: ${DEFAULT-VALUE})")
    int embeddingRate;

    @Override public Integer call() throws Exception {
        long t0 = System.nanoTime();
        try (Converter main = Converter.load(preset); Converter second = preset2 == null ? null : Converter.load(preset2);
             TorchScriptEmbedding external = embedding == null ? null : TorchScriptEmbedding.load(embedding, embeddingRate)) {
            PresetInfo info = main.info();
            SpectrogramConfig config = info.spectrogram();
            AudioTransform transform = new AudioTransform(config);
            String src = source != null ? source : info.domainNames().contains("voice") ? "voice" : info.domainNames().get(0);
            if (!info.domainNames().contains(src))
                throw new IllegalArgumentException("--source " + src + " is not a domain of " + preset + " " + info.domainNames());
            List<String> targets = new ArrayList<>(info.domainNames());
            targets.remove(src);
            if (second != null && !second.info().domainNames().containsAll(targets))
                throw new IllegalArgumentException("--preset2 " + preset2 + " has domains " + second.info().domainNames() + ", not all of " + targets);

            List<NamedClip> in = NamedClip.loadFolder(inputs, config.sampleRate());
            System.out.printf(Locale.ROOT, "inputs: %d clips, %.1f s from %s%n", in.size(), in.stream().mapToDouble(c -> c.clip().durationSeconds()).sum(), inputs);

            List<String> groups = InputGroups.of(in);
            if (!groups.isEmpty()) System.out.println("input groups (first sub-folder): " + groups);

            Map<String, List<NamedClip>> real = refs != null ? LabelledClips.load(refs, targets, config.sampleRate())
                    : renderer().render(targets, refPhrases, refSeconds, 1_000, System.out::println);

            List<String> notes = new ArrayList<>();
            List<ConversionSystem> references = new ArrayList<>();
            for (String spec : referenceOutputs)       // loaded before the long part, so a missing file stops the run at once
                references.add(ReferenceOutputs.load(ReferenceOutputs.Spec.parse(spec), in, targets, config.sampleRate(), notes));
            Map<String, ClassifierAccuracy> listenerAccuracy = new LinkedHashMap<>();
            Listeners listeners = listeners(info.domainNames(), src, transform, config.sampleRate(), notes, listenerAccuracy);
            for (String d : targets)
                if (!listeners.labels().contains(d))
                    throw new IllegalArgumentException("the listeners know " + listeners.labels() + ", not the target domain '" + d + "'; train them for this preset's domains");

            ListenerControls.Result controls = controls(listeners, src, targets, in, transform);
            notes.add(String.format(Locale.ROOT, "- Controls: %d of the input voices; positive phrases rendered from %s (seeds %d+), "
                    + "which the model never trained on.", controls.outcomes().isEmpty() ? 0 : controls.outcomes().get(0).clips(),
                    renderer().describe(), ListenerControls.PHRASE_SEED));

            List<ConversionSystem> systems = new ArrayList<>();
            String label = label(main);
            ConversionSettings shipped = strength != null ? main.defaults().withTimbreStrength(strength) : main.defaults();
            if (noteSnap != null) shipped = shipped.withNoteSnap(noteSnap);
            systems.add(new ModelSystem(main, label, "model", Register.AUTO, shipped, false));
            systems.addAll(references);
            systems.add(new ModelSystem(main, label, "ablation", Register.octaves(0), shipped, false));
            if (main.hasInputTone()) systems.add(new ModelSystem(main, label, "ablation", Register.AUTO, shipped.withToneMatch(false), false));
            if (!noGl) systems.add(new ModelSystem(main, label, "ablation", Register.AUTO, shipped.withPhase(PhaseMethod.GRIFFIN_LIM_32), false));
            // the same outputs with the envelope step (the default before 5 Dec 2026)
            systems.add(new ModelSystem(main, label, "ablation", Register.AUTO, shipped, true));
            for (double s : ablationStrengths)
                if (!shipped.targetStrengths().isEmpty() || s != shipped.timbreStrength()) systems.add(new ModelSystem(main, label, "ablation", Register.AUTO, shipped.withTimbreStrength(s), false));
            if (second != null) systems.add(new ModelSystem(second, label(second), "ablation", Register.AUTO, strength != null ? second.defaults().withTimbreStrength(strength) : second.defaults(), false));
            systems.add(Vocoders.noModelBaseline(transform, PhaseMethod.PGHI));
            if (oracle) systems.add(new MelodyOracle(Soundfont.of(soundfont), InstrumentTable.loadDefault()));
            List<RoundTrip> ceilings = new ArrayList<>(List.of(Vocoders.ceiling(transform, PhaseMethod.PGHI)));
            if (!noGl) ceilings.add(Vocoders.ceiling(transform, PhaseMethod.GRIFFIN_LIM_32));

            int looks = InputLooks.count(inputs, preset.toString(), out.toString());   // scoring starts: this run is a look
            Evaluation.Result r = new Evaluation(listeners, src, external).run(in, real, targets, systems, ceilings, System.out::println);
            notes.add(0, String.format(Locale.ROOT, "- Preset: `%s` (%s), domains %s, pitch conditioning %s, trained %d steps in %.1f min.",
                    preset, info.name(), info.domainNames(), info.pitchConditioning() ? "on" : "off", info.training().steps(), info.training().minutes()));
            if (second != null)
                notes.add(1, String.format(Locale.ROOT, "- Second preset: `%s` (%s), pitch conditioning %s, trained %d steps in %.1f min.",
                        preset2, second.info().name(), second.info().pitchConditioning() ? "on" : "off", second.info().training().steps(), second.info().training().minutes()));
            notes.add(String.format(Locale.ROOT, "- Inputs: %d clips from `%s`%s; references: %s.", in.size(), inputs,
                    groups.isEmpty() ? "" : ", in groups " + groups + (groups.contains(InputGroups.REAL) ? " (real = real human recordings)" : ""),
                    refs != null ? "`" + refs + "`" : refPhrases + " phrases × " + refSeconds + " s per domain rendered from " + soundfont));
            notes.add(String.format(Locale.ROOT, "- **This input set has been scored %d time%s** (this run included; counted in `%s`). "
                    + "A held-out set is scored once per shipped candidate: choose knobs on a selection set.", looks, looks == 1 ? "" : "s",
                    inputs.resolve(InputLooks.FILE)));
            for (ConversionSystem ref : references)
                notes.add("- Row '" + ref.name() + "': outputs converted beforehand, read from `" + ((ReferenceOutputs) ref).spec().dir()
                        + "`; their register shift is unknown, so cents error and octave flips are n/a.");
            for (Listener l : listeners.all()) notes.add("- Listener " + l.name() + ": " + l.description() + ".");
            notes.add("- FAD is the squared Fréchet distance (as FID/FAD report it) between Gaussian fits of frame embeddings; every row is compared with the same second half of the real clips. Floor = first half of the real clips; ceiling = that half through the vocoder.");
            notes.add(String.format(Locale.ROOT, "- Wall time %.1f min on %d cores.", (System.nanoTime() - t0) / 6e10, Runtime.getRuntime().availableProcessors()));
            if (external != null)
                notes.add("- Third FAD column: TorchScript embedding `" + embedding + "` on waveforms at " + embeddingRate + " Hz.");
            notes.addAll(r.notes());
            Files.createDirectories(out);
            ReportWriter.write(out, new ReportWriter.Report("Evaluation of " + info.name(), notes, r.rows(), r.clips(),
                    listeners.all().stream().map(Listener::name).toList(), src, listenerAccuracy, controls,
                    external == null ? null : external.name()));
            if (!controls.allPass()) warn(controls);
            System.out.println("wrote " + out.resolve("report.md"));
            return 0;
        }
    }

    /** The two listeners: loaded from --classifier (and its .clipstats.json), or trained here and saved in --out. */
    private Listeners listeners(List<String> domains, String src, AudioTransform transform, int rate, List<String> notes,
                                Map<String, ClassifierAccuracy> accuracy) throws Exception {
        if (classifierFile != null) {
            Listeners l = Listeners.load(classifierFile);
            notes.add("- Listeners: `" + classifierFile + "` " + l.windows().summary().getOrDefault("heldOutClipAccuracy", "")
                    + " and `" + Listeners.secondFile(classifierFile) + "` " + l.clipStats().summary().getOrDefault("heldOutClipAccuracy", ""));
            if (l.windows().features().levelFloorDb() == 0) {
                String warn = "- Warning: " + classifierFile + " reads absolute levels (saved before gain-invariant features), so its "
                        + "verdicts move with the outputs' volume; train it again with train-classifier.";
                notes.add(warn);
                System.out.println(warn.substring(2));
            }
            return l;
        }
        ClassifierBuilder.Built built = trainClassifier(domains, src, renderer(), transform, rate);
        built.listeners().save(out.resolve("classifier.json"));
        accuracy.put(built.classifier().name(), built.heldOut());
        accuracy.put(built.clipStats().name(), built.clipStatsHeldOut());
        notes.add("- Listeners trained here (saved as classifier.json and classifier.clipstats.json) on " + classifierData
                + " plus clips rendered from " + soundfont + "; their accuracy on held-out files is below the table.");
        return built.listeners();
    }

    /** Both listeners on the controls, with up to --control-clips inputs spread over the sorted list; printed at once. */
    private ListenerControls.Result controls(Listeners listeners, String src, List<String> targets, List<NamedClip> in, AudioTransform transform) {
        List<NamedClip> voices = new ArrayList<>();
        int k = Math.min(in.size(), Math.max(1, controlClips));
        for (int i = 0; i < k; i++) voices.add(in.get((int) ((long) i * in.size() / k)));
        ReferenceRenderer r = renderer();
        ListenerControls.Result c = new ListenerControls(transform, listeners.all(), targets, src, ListenerControls.PhraseSource.of(r))
                .run(voices, System.out::println);
        c.passedByListener().forEach((l, ok) -> System.out.println("controls: listener " + l + " " + (ok ? "PASS" : "FAIL")));
        if (!c.allPass()) warn(c);
        return c;
    }

    private static void warn(ListenerControls.Result c) {
        String bar = "!".repeat(100);
        StringBuilder sb = new StringBuilder(bar).append('\n');
        c.passedByListener().forEach((l, ok) -> {
            if (!ok) sb.append("WARNING: listener ").append(l).append(" FAILED its controls (").append(String.join("; ", c.failures(l)))
                    .append("). Its verdicts are not to be trusted; fix it before using them.\n");
        });
        sb.append(bar);
        System.out.println(sb);
        System.err.println(sb);
    }

    /** The held-out soundfont's renderer, made only when references or classifier data must be rendered. */
    private ReferenceRenderer renderer() {
        return new ReferenceRenderer(Soundfont.of(soundfont), InstrumentTable.loadDefault());
    }

    private static String label(Converter c) {
        return c.info().name() + (c.info().pitchConditioning() ? " [pitch on]" : " [pitch off]");
    }

    /** Classifier for every domain of the preset, from --classifier-data plus rendered instrument phrases. */
    private ClassifierBuilder.Built trainClassifier(List<String> domains, String src, ReferenceRenderer renderer,
                                                    AudioTransform transform, int rate) throws Exception {
        Map<String, List<NamedClip>> data = new LinkedHashMap<>();
        List<String> toRender = new ArrayList<>();
        for (String d : domains) {
            Path folder = classifierData == null ? null : classifierData.resolve(d);
            if (folder != null && Files.isDirectory(folder)) data.put(d, NamedClip.loadFolder(folder, rate));
            else if (renderer.canRender(d)) toRender.add(d);
            else throw new IllegalArgumentException("no classifier data for domain '" + d + "': give --classifier-data DIR with a folder "
                    + d + "/ of clips the model never trained on (for voice: TTS voices it did not use, e.g. espeak-ng), or --classifier FILE");
        }
        // seeds far from the references' so the classifier never sees a reference phrase
        data.putAll(renderer.render(toRender, 32, 4.0, 50_000, System.out::println));
        Map<String, List<NamedClip>> ordered = new LinkedHashMap<>();
        for (String d : domains) ordered.put(d, data.get(d));
        ClassifierBuilder d = ClassifierBuilder.DEFAULT;
        return new ClassifierBuilder(d.heldOutFraction(), d.otherSeconds(), d.seed(), d.trainer().withEpochs(classifierEpochs)).build(ordered, src, transform, Vocoders.garbling(transform), System.out::println);
    }
}
