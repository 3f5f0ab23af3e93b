package org.timbrelab.cli;

import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.engine.eval.ClassifierAccuracy;
import org.timbrelab.engine.eval.ClassifierBuilder;
import org.timbrelab.engine.eval.ClassifierData;
import org.timbrelab.engine.eval.DomainClassifier;
import org.timbrelab.engine.eval.LabelledClips;
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
        description = "Trains the evaluation's domain classifier (timbre features of ~0.5-s log-mel windows → small MLP) on "
                + "DIR/<domain>/*.wav for every domain plus a generated 'other' class (noise, drones, damaged speech), "
                + "prints its accuracy on held-out files and writes it as JSON. Use clips from sources the evaluated model "
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

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "classifier JSON to write")
    Path out;

    @Option(names = "--seed", defaultValue = "17", description = "split, 'other' and training seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override public Integer call() throws Exception {
        SpectrogramConfig config = SpectrogramConfig.DEFAULT;
        AudioTransform transform = new AudioTransform(config);
        Map<String, List<NamedClip>> clips = LabelledClips.load(data, domains, config.sampleRate());
        String speechLabel = "none".equals(speech) || !domains.contains(speech) ? null : speech;
        ClassifierBuilder recipe = new ClassifierBuilder(ClassifierBuilder.DEFAULT.heldOutFraction(),
                ClassifierBuilder.DEFAULT.otherSeconds(), seed, ClassifierBuilder.DEFAULT.trainer());
        long t0 = System.nanoTime();
        ClassifierBuilder.Built built = recipe.build(clips, speechLabel, transform, Vocoders.garbling(transform), System.out::println);
        System.out.printf("trained in %.1f s; accuracy on held-out files of %s:%n%s", (System.nanoTime() - t0) / 1e9, data,
                built.heldOut().toMarkdown());
        DomainClassifier c = built.classifier();
        if (test != null) {
            Map<String, List<NamedClip>> more = LabelledClips.load(test, domains, config.sampleRate());
            Map<String, List<org.timbrelab.dsp.Spectrogram>> specs = new LinkedHashMap<>(new ClassifierData(transform, null).spectrograms(more));
            ClassifierAccuracy acc = ClassifierAccuracy.measure(c, specs);
            System.out.printf("accuracy on %s:%n%s", test, acc.toMarkdown());
        }
        c.save(out);
        System.out.println("wrote " + out);
        return 0;
    }
}
