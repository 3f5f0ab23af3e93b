package org.timbrelab.cli;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.PhaseMethod;
import org.timbrelab.engine.infer.Converter;
import org.timbrelab.engine.infer.Latent;
import org.timbrelab.engine.infer.Register;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code bench convert}: a 30-s clip into one domain of a preset — spectrogram, E + G, and whole conversions with PGHI and GL-32, on a warm JVM (docs/ARCHITECTURE.md, "Where measured numbers live"). */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Times converting 30 s of voice-like audio into one domain: spectrogram, encoder + generator, "
                + "and the whole conversion (register matching, vocoder, loudness envelope) with PGHI and with Griffin-Lim 32.")
public final class BenchConvertCommand implements Callable<Integer> {

    @Mixin BenchCommand.Options options;

    @Option(names = "--preset", defaultValue = "presets/voice-strings", paramLabel = "DIR", description = "preset (default: ${DEFAULT-VALUE})")
    Path preset;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "target domain (default: the preset's second domain)")
    String domain;

    @Override public Integer call() {
        try (Converter c = Converter.load(preset)) {
            String target = domain != null ? domain : c.info().domainNames().get(1);
            int rate = c.spectrogramConfig().sampleRate();
            AudioClip clip = new AudioClip(BenchDspCommand.voiceLike(rate, 30), rate);
            AudioTransform tf = new AudioTransform(c.spectrogramConfig());
            int shift = c.shiftFor(clip, target, Register.AUTO);
            System.out.printf("bench convert: preset %s, 30 s -> %s, octave shift %d, window %d frames%n", preset, target, shift, Converter.WINDOW);
            Bench b = options.newBench();
            b.measure("spectrogram 30 s", 30, () -> tf.forward(clip, shift));
            Latent z = c.encode(clip, shift);
            b.measure("E + G 30 s", 30, () -> c.decodeSpectrogram(c.encode(clip, shift), target, z.f0Hz()));
            c.phaseMethod(PhaseMethod.PGHI);
            b.measure("convert 30 s PGHI", 30, () -> c.convert(clip, target, Register.AUTO));
            c.phaseMethod(PhaseMethod.GRIFFIN_LIM_32);
            b.measure("convert 30 s GL-32", 30, "convert 30 s PGHI", () -> c.convert(clip, target, Register.AUTO));
            b.printTable();
        }
        return 0;
    }
}
