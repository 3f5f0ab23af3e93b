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

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code bench convert}: a 30-s clip into one domain of a preset — spectrogram, E + G, and whole conversions with PGHI and GL-32, on a warm JVM (docs/ARCHITECTURE.md, "Where measured numbers live"). */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Times converting 30 s of voice-like audio into one domain: spectrogram, encoder + generator, "
                + "and the whole conversion (register matching, vocoder, loudness envelope) with PGHI and with Griffin-Lim 32; "
                + "then into every domain of the preset at once (convert --to all), and into every domain but the first (the voice).")
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

    @Option(names = "--settle-ms", defaultValue = "500", paramLabel = "MS", description = "idle time before each pass when the "
            + "engine's and the reference's E + G alternate, so one side's spinning worker threads do not slow the other "
            + "(default: ${DEFAULT-VALUE})")
    long settleMs;

    /**
     * Imports the reference's build() (nothing else of it) and serves one no-grad E + G pass over a (1, 1, mels, frames)
     * image with a comb, as its convert does, per {@code go} line on stdin ({@link ReferenceScript#open}).
     */
    private static final String REFERENCE_E_G = String.join("\n",
            "import importlib.util, sys, time, torch",
            "spec = importlib.util.spec_from_file_location('reference', sys.argv[1]); ref = importlib.util.module_from_spec(spec); spec.loader.exec_module(ref)",
            "n, frames, threads = (int(a) for a in sys.argv[2:5]); torch.set_num_threads(threads); torch.manual_seed(0)",
            "E, G, _ = ref.build(n); E.eval(); G.eval()",
            "x = torch.rand(1, 1, ref.NMELS, frames) * 2 - 1; c = torch.rand(1, 1, ref.NMELS, frames)",
            "print('ready', flush=True)",
            "with torch.no_grad():",
            "    for line in sys.stdin:",
            "        if line.strip() != 'go': break",
            "        t = time.perf_counter(); G[1](E(x), c); print('ms %.3f' % ((time.perf_counter() - t) * 1000), flush=True)");

    @Override public Integer call() {
        try (Converter c = Converter.load(preset)) {
            String target = domain != null ? domain : c.info().domainNames().get(1);
            int rate = c.spectrogramConfig().sampleRate();
            AudioClip clip = new AudioClip(BenchDspCommand.voiceLike(rate, 30), rate);
            AudioTransform tf = new AudioTransform(c.spectrogramConfig());
            int shift = c.shiftFor(clip, target, Register.AUTO);
            org.timbrelab.dsp.ShiftLoudness shiftLoudness = c.info().model().shiftLoudness(); // the preset's own register shift
            System.out.printf("bench convert: preset %s, 30 s -> %s, octave shift %d, window %d frames%n", preset, target, shift, ConversionSettings.WINDOW);
            Bench b = options.newBench();
            b.measure("spectrogram 30 s", 30, () -> tf.forward(clip, shift, shiftLoudness));
            ReferenceScript ref = noReference ? null : ReferenceScript.find(reference, why -> System.out.println("  no reference row: " + why));
            Latent z = c.encode(clip, shift);
            org.timbrelab.dsp.Spectrogram image = tf.forward(clip, shift, shiftLoudness);
            // the networks alone, as the reference row times them: E over the (windowed) image, G with the comb
            ConversionSettings pghi = c.defaults(), gl = pghi.withPhase(PhaseMethod.GRIFFIN_LIM_32);
            int frames = image.frames(), padded = frames + (-frames & 3);
            // as conversion runs them (windows of ConversionSettings.WINDOW, one after the other) and in one window over
            // the whole image, as the reference's row does
            ConversionSettings whole = pghi.withWindows(padded, ConversionSettings.OVERLAP);
            Supplier<Object> eg = () -> c.decodeSpectrogram(c.encodeSpectrogram(image, z.f0Hz(), shift, pghi), target, z.f0Hz(), pghi);
            Supplier<Object> egWhole = () -> c.decodeSpectrogram(c.encodeSpectrogram(image, z.f0Hz(), shift, whole), target, z.f0Hz(), whole);
            if (ref == null) {
                b.measure("E + G 30 s", 30, eg);
                b.measure("E + G 30 s, one window", 30, egWhole);
            } else {
                try (ReferenceScript.Session session = ref.open(List.of("-c", REFERENCE_E_G, ref.script().toString(),
                        String.valueOf(c.info().domainNames().size()), String.valueOf(padded), "2"))) {
                    b.measureAlternating("E + G 30 s", 30, "PyTorch reference E + G 30 s", session::once, eg, settleMs);
                    b.measureAlternating("E + G 30 s, one window", 30, "PyTorch reference E + G 30 s (again)", session::once, egWhole, settleMs);
                } catch (Exception e) {
                    throw new IllegalStateException("the reference's E + G could not be timed: " + e.getMessage(), e);
                }
            }
            b.measure("encode (YIN, tone, mel) + G 30 s", 30, () -> c.decodeSpectrogram(c.encode(clip, shift), target, z.f0Hz(), pghi));
            b.measure("convert 30 s PGHI", 30, () -> c.convert(clip, target, Register.AUTO, pghi));
            b.measure("convert 30 s GL-32", 30, "convert 30 s PGHI", () -> c.convert(clip, target, Register.AUTO, gl));
            // convert --to all: every domain of the preset, one encoding per distinct register shift; x realtime per input second
            b.measure("convert 30 s PGHI, all " + c.info().domainNames().size() + " domains", 30, "convert 30 s PGHI",
                    () -> c.convertAll(clip, Register.AUTO, pghi));
            // issue 22's form of it: every domain but the first (the voice a preset converts from), its register chosen as
            // convertAll chooses it
            Map<String, Integer> targets = new LinkedHashMap<>();
            for (String d : c.info().domainNames().subList(1, c.info().domainNames().size())) targets.put(d, c.shiftFor(clip, d, Register.AUTO));
            if (targets.size() > 1)
                b.measure("convert 30 s PGHI into " + String.join(", ", targets.keySet()), 30, "convert 30 s PGHI",
                        () -> c.convert(clip, targets, pghi));
            b.printTable();
        }
        return 0;
    }
}
