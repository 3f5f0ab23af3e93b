package org.timbrelab.cli;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.PhaseMethod;
import org.timbrelab.engine.infer.ConversionSettings;
import org.timbrelab.engine.infer.Converter;
import org.timbrelab.engine.infer.Latent;
import org.timbrelab.engine.infer.Register;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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

    @Option(names = "--reference", paramLabel = "FILE", description = "the PyTorch reference script whose E + G is timed on the "
            + "same 30 s for a ratio (default: ../shared/reference/vaegan_reference.py; needs python3 with torch)")
    Path reference = ReferenceScript.DEFAULT_SCRIPT;

    @Option(names = "--no-reference", description = "time the engine only")
    boolean noReference;

    /**
     * Imports the reference's build() (nothing else of it) and times one no-grad E + G pass over a (1, 1, mels, frames)
     * image with a comb, as its convert does: warm-up, then the median of the timed runs in ms.
     */
    private static final String REFERENCE_E_G = String.join("\n",
            "import importlib.util, sys, time, statistics, torch",
            "spec = importlib.util.spec_from_file_location('reference', sys.argv[1]); ref = importlib.util.module_from_spec(spec); spec.loader.exec_module(ref)",
            "n, frames, threads, warm, reps = (int(a) for a in sys.argv[2:7]); torch.set_num_threads(threads); torch.manual_seed(0)",
            "E, G, _ = ref.build(n); E.eval(); G.eval()",
            "x = torch.rand(1, 1, ref.NMELS, frames) * 2 - 1; c = torch.rand(1, 1, ref.NMELS, frames); ts = []",
            "with torch.no_grad():",
            "    for i in range(warm + reps):",
            "        t = time.perf_counter(); G[1](E(x), c); ts.append((time.perf_counter() - t) * 1000)",
            "print('E+G ms %.3f' % statistics.median(ts[warm:]))");

    @Override public Integer call() {
        try (Converter c = Converter.load(preset)) {
            String target = domain != null ? domain : c.info().domainNames().get(1);
            int rate = c.spectrogramConfig().sampleRate();
            AudioClip clip = new AudioClip(BenchDspCommand.voiceLike(rate, 30), rate);
            AudioTransform tf = new AudioTransform(c.spectrogramConfig());
            int shift = c.shiftFor(clip, target, Register.AUTO);
            System.out.printf("bench convert: preset %s, 30 s -> %s, octave shift %d, window %d frames%n", preset, target, shift, ConversionSettings.WINDOW);
            Bench b = options.newBench();
            b.measure("spectrogram 30 s", 30, () -> tf.forward(clip, shift));
            String baseline = null;
            ReferenceScript ref = noReference ? null : ReferenceScript.find(reference, why -> System.out.println("  no reference row: " + why));
            if (ref != null) {
                int frames = tf.forward(clip, shift).frames();
                double[] ms = {Double.NaN};
                try {
                    ref.run(List.of("-c", REFERENCE_E_G, ref.script().toString(), String.valueOf(c.info().domainNames().size()),
                            String.valueOf(frames + (-frames & 3)), "2", String.valueOf(options.warmup), String.valueOf(options.repeats)), line -> {
                        if (line.startsWith("E+G ms ")) ms[0] = Double.parseDouble(line.substring(7));
                    });
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("the reference's E + G could not be timed: " + e.getMessage(), e);
                }
                b.record("PyTorch reference E + G 30 s", ms[0]);
                baseline = "PyTorch reference E + G 30 s";
            }
            Latent z = c.encode(clip, shift);
            org.timbrelab.dsp.Spectrogram image = tf.forward(clip, shift);
            // the networks alone, as the reference row times them: E over the (windowed) image, G with the comb
            ConversionSettings pghi = c.defaults(), gl = pghi.withPhase(PhaseMethod.GRIFFIN_LIM_32);
            b.measure("E + G 30 s", 30, baseline, () -> c.decodeSpectrogram(c.encodeSpectrogram(image, z.f0Hz(), shift, pghi), target, z.f0Hz(), pghi));
            b.measure("encode (YIN, tone, mel) + G 30 s", 30, () -> c.decodeSpectrogram(c.encode(clip, shift), target, z.f0Hz(), pghi));
            b.measure("convert 30 s PGHI", 30, () -> c.convert(clip, target, Register.AUTO, pghi));
            b.measure("convert 30 s GL-32", 30, "convert 30 s PGHI", () -> c.convert(clip, target, Register.AUTO, gl));
            b.printTable();
        }
        return 0;
    }
}
