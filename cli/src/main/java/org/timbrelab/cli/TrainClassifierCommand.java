package org.timbrelab.cli;

import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.engine.data.InstrumentTable;
import org.timbrelab.engine.data.Soundfont;
import org.timbrelab.engine.eval.ClassifierAccuracy;
import org.timbrelab.engine.eval.ClassifierBuilder;
import org.timbrelab.engine.eval.ClassifierData;
import org.timbrelab.engine.eval.Listener;
import org.timbrelab.engine.eval.Listeners;
import org.timbrelab.engine.eval.LabelledClips;
import org.timbrelab.engine.eval.ListenerControls;
import org.timbrelab.engine.eval.ReferenceRenderer;
import org.timbrelab.engine.eval.NamedClip;
import org.timbrelab.engine.eval.Vocoders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code train-classifier --data DIR --domains voice,violin --out F}: the evaluation's domain
 * classifier from one folder of real clips per domain, plus a generated "other" class.
 */
@Command(name = "train-classifier", mixinStandardHelpOptions = true,
        description = "Trains the evaluation's two listeners on DIR/<domain>/*.wav for every domain plus a generated 'other' "
                + "class (noise, drones, damaged speech): an MLP on timbre features of ~0.5-s log-mel windows (written to --out) "
                + "and a logistic regression on whole-clip statistics of frame-normalised log-mel and MFCC (written beside it as "
                + "<name>.clipstats.json). Prints each one's accuracy on held-out files. Use clips from sources the evaluated model "
                + "never trained on (e.g. TimGM6mb renders and espeak-ng voices when the model used FluidR3 and flite).")
public final class TrainClassifierCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "folder with one sub-folder of clips per domain")
    Path data;

    @Option(names = "--domains", required = true, split = ",", paramLabel = "D1,D2,...", description = "domain names (sub-folders of --data)")
    List<String> domains;

    @Option(names = "--speech", defaultValue = "voice", paramLabel = "DOMAIN",
            description = "the speech domain, whose damaged copies become 'other' (default: ${DEFAULT-VALUE}; 'none' if there is none)")
    String speech;

    @Option(names = "--test", paramLabel = "DIR", description = "a second folder of the same layout to report accuracy on (e.g. the model's own soundfont and voices)")
    Path test;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the MLP's JSON to write; the second listener goes beside it (FILE without .json + .clipstats.json)")
    Path out;

    @Option(names = "--seed", defaultValue = "17", description = "split, 'other' and training seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--controls", paramLabel = "DIR", split = ",",
            description = "folders of voices (never the held-out inputs) to run every listener control on, each clip of each folder; "
                    + "the instruments' positive controls are rendered from --soundfont. Exits with 3 if a listener fails one")
    List<Path> controls = List.of();

    @Option(names = "--soundfont", defaultValue = ReferenceRenderer.HELD_OUT_SOUNDFONT, paramLabel = "SF2",
            description = "soundfont of the positive controls' phrases (default: ${DEFAULT-VALUE})")
    String soundfont;

    @Override public Integer call() throws Exception {
        SpectrogramConfig config = SpectrogramConfig.DEFAULT;
        AudioTransform transform = new AudioTransform(config);
        Map<String, List<NamedClip>> clips = LabelledClips.load(data, domains, config.sampleRate());
        String speechLabel = "none".equals(speech) || !domains.contains(speech) ? null : speech;
        ClassifierBuilder recipe = new ClassifierBuilder(ClassifierBuilder.DEFAULT.heldOutFraction(),
                ClassifierBuilder.DEFAULT.otherSeconds(), seed, ClassifierBuilder.DEFAULT.trainer());
        long t0 = System.nanoTime();
        ClassifierBuilder.Built built = recipe.build(clips, speechLabel, transform, Vocoders.garbling(transform), System.out::println);
        System.out.printf("trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Listeners listeners = built.listeners();
        System.out.printf("listener 1, %s (%s), accuracy on held-out files of %s:%n%s", listeners.windows().name(),
                listeners.windows().description(), data, built.heldOut().toMarkdown());
        System.out.printf("listener 2, %s (%s), accuracy on held-out files of %s:%n%s", listeners.clipStats().name(),
                listeners.clipStats().description(), data, built.clipStatsHeldOut().toMarkdown());
        if (test != null) {
            Map<String, List<NamedClip>> more = LabelledClips.load(test, domains, config.sampleRate());
            Map<String, List<org.timbrelab.dsp.Spectrogram>> specs = new LinkedHashMap<>(new ClassifierData(transform, null).spectrograms(more));
            for (Listener l : listeners.all())
                System.out.printf("%s, accuracy on %s:%n%s", l.name(), test, ClassifierAccuracy.measure(l, specs).toMarkdown());
        }
        listeners.save(out);
        System.out.println("wrote " + out + " and " + Listeners.secondFile(out));
        boolean pass = true;
        ListenerControls checks = controls.isEmpty() ? null : new ListenerControls(transform, listeners.all(),
                domains.stream().filter(d -> !d.equals(speechLabel)).toList(), speechLabel,
                ListenerControls.PhraseSource.of(new ReferenceRenderer(Soundfont.of(soundfont), InstrumentTable.loadDefault())));
        for (Path dir : controls) {
            ListenerControls.Result r = checks.run(NamedClip.loadFolder(dir, config.sampleRate()), m -> { });
            System.out.println("controls on every clip of " + dir + ":\n" + r.toMarkdown());
            pass &= r.allPass();
        }
        return pass ? 0 : 3;
    }
}
