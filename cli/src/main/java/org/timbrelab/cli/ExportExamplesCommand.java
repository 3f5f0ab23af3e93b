package org.timbrelab.cli;

import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.engine.eval.ConverterExamples;
import org.timbrelab.engine.eval.ExamplesExporter;
import org.timbrelab.engine.eval.NamedClip;
import org.timbrelab.engine.infer.Converter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code export-examples --preset P --inputs DIR --out site/}: the static examples page. */
@Command(name = "export-examples", mixinStandardHelpOptions = true,
        description = "Writes a static HTML page (no network assets) with, per input clip, the original and its conversion into "
                + "every domain as audio players with spectrogram pictures, latent interpolation strips and random samples.")
public final class ExportExamplesCommand implements Callable<Integer> {

    @Option(names = "--preset", required = true, paramLabel = "DIR", description = "preset directory")
    Path preset;

    @Option(names = "--inputs", required = true, paramLabel = "DIR", description = "input clips (WAV/AIFF)")
    Path inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "site folder to write (index.html + media)")
    Path out;

    @Option(names = "--steps", defaultValue = "5", description = "clips per interpolation strip (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--samples", defaultValue = "3", description = "random samples per domain (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--sample-seconds", defaultValue = "3", description = "length of a random sample (default: ${DEFAULT-VALUE})")
    double sampleSeconds;

    @Override public Integer call() throws Exception {
        try (Converter c = Converter.load(preset)) {
            List<NamedClip> in = NamedClip.loadFolder(inputs, c.spectrogramConfig().sampleRate());
            Set<String> files = new ExamplesExporter(steps, 1, samples, sampleSeconds)
                    .export(new ConverterExamples(c), new AudioTransform(c.spectrogramConfig()), in, out, System.out::println);
            System.out.println("wrote " + out.resolve("index.html") + " and " + (files.size() - 1) + " media files");
            return 0;
        }
    }
}
