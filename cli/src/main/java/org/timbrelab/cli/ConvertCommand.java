package org.timbrelab.cli;

import org.timbrelab.dsp.AtomicFiles;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.PhaseMethod;
import org.timbrelab.engine.infer.BlockConversion;
import org.timbrelab.engine.infer.ConversionSettings;
import org.timbrelab.engine.infer.Converter;
import org.timbrelab.engine.infer.Register;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code convert --preset P --in voice.wav --to DOMAIN|all --out out.wav [--octaves auto|N]}: timbre transfer with a preset.
 * Every output path is checked before the conversion starts (not the input, a .wav name, writable);
 * each output is written atomically.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a recording into a domain of a preset (register matching on by default).")
public final class ConvertCommand implements Callable<Integer> {

    @Option(names = "--preset", required = true, paramLabel = "DIR", description = "preset directory, e.g. presets/voice-strings")
    Path preset;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "input audio (WAV/AIFF, any rate; converted to 16-kHz mono)")
    Path in;

    @Option(names = "--to", required = true, paramLabel = "DOMAIN|all", description = "target domain, or 'all' for one file per domain")
    String to;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output WAV (never the input); with --to all, NAME.wav becomes NAME-DOMAIN.wav (or a folder)")
    Path out;

    @Option(names = "--octaves", defaultValue = "auto", paramLabel = "auto|N", description = "register shift before encoding: auto (default) or -2..2 octaves")
    String octaves;

    @Option(names = "--strength", paramLabel = "S",
            description = "timbre strength 0..2: how far the input's latent moves toward the target domain's centre (default: the preset's own for each target, 0.25 unless its preset.json says; one value here applies to every target; 0 = the encoder's latent as it is)")
    Double strength;

    @Option(names = "--note-snap", paramLabel = "A",
            description = "0..1: how far the played pitch moves onto the notes of a scale tuned to the input (0 = the voice's own glides, "
                    + "1 = held notes, as an instrument plays them; default: the preset's own)")
    Double noteSnap;

    @Option(names = "--no-tone-match", description = "do not equalise the input toward the preset's source-domain tone before encoding (on by default when the preset has a tone.json)")
    boolean noToneMatch;

    @Option(names = "--envelope", description = "give the output the input's loudness envelope frame by frame (off by default: one gain for the whole clip; the envelope gates the instrument into the voice's syllables)")
    boolean envelope;

    @Option(names = "--phase", defaultValue = "pghi", paramLabel = "pghi|gl", description = "vocoder: pghi (default) or gl (Griffin-Lim 32)")
    String phase;

    @Override public Integer call() throws Exception {
        Register register = Register.parse(octaves);
        PhaseMethod method = switch (phase.toLowerCase(Locale.ROOT)) {
            case "pghi" -> PhaseMethod.PGHI;
            case "gl" -> PhaseMethod.GRIFFIN_LIM_32;
            default -> throw new IllegalArgumentException("--phase must be pghi or gl, got '" + phase + "'");
        };
        boolean all = to.equalsIgnoreCase("all");
        if (all) OutputPaths.requireWavOrFolder(out, "--out");
        else OutputPaths.requireWavName(out, "--out");
        try (Converter c = Converter.load(preset)) {
            ConversionSettings preset = c.defaults().withPhase(method);
            ConversionSettings settings = (strength != null ? preset.withTimbreStrength(strength) : preset).withToneMatch(!noToneMatch && c.hasInputTone())
                    .withFollowLoudness(envelope);
            if (noteSnap != null) settings = settings.withNoteSnap(noteSnap);
            Map<String, Path> targets = new LinkedHashMap<>();
            if (all) for (String d : c.info().domainNames()) targets.put(d, perDomain(out, d));
            else targets.put(c.info().domain(to).name(), out); // fails early naming the known domains
            for (Path file : targets.values()) {
                OutputPaths.requireNotInput(in, file, "--in", "--out");
                OutputPaths.requireWritableFile(file);
            }
            ConvertInput input = ConvertInput.load(in, c.spectrogramConfig().sampleRate(), c.spectrogramConfig().nFft(), targets.size());
            input.warnings().forEach(w -> System.err.println("warning: " + w));
            if (input.blockwise()) {
                convertLong(c, input, targets, register, settings);
                return 0;
            }
            double f0 = c.medianF0(input.clip());
            System.out.printf(Locale.ROOT, "%s: %.2f s, %s; preset %s %s; %s%n", in, input.clip().durationSeconds(),
                    Double.isNaN(f0) ? "no pitched sound found" : String.format(Locale.ROOT, "median f0 %.0f Hz", f0),
                    c.info().name(), c.info().domainNames(), settingsSummary(c, settings));
            if (all) {
                Map<String, Converter.Converted> converted = c.convertAll(input.clip(), register, settings);
                int i = 0;
                for (Map.Entry<String, Converter.Converted> e : converted.entrySet()) {
                    Path file = targets.get(e.getKey());
                    write(file, e.getValue());
                    System.out.printf("[%3d%%] %s -> %s (octave shift %d)%n", ++i * 100 / converted.size(), e.getKey(), file, e.getValue().octaves());
                }
            } else {
                Converter.Converted y = c.convert(input.clip(), to, register, settings);
                write(out, y);
                System.out.printf("[100%%] %s -> %s (octave shift %d)%n", to, out, y.octaves());
            }
        }
        return 0;
    }

    /** A long input: converted in blocks (bounded memory), with progress and an ETA after each block. */
    private void convertLong(Converter c, ConvertInput input, Map<String, Path> targets, Register register, ConversionSettings settings) throws java.io.IOException {
        AudioClip clip = input.clip();
        int blocks = BlockConversion.blocks(clip.length(), clip.sampleRate());
        System.out.printf(Locale.ROOT, "%s: %.1f min, converted in %d blocks of %.0f s; preset %s %s; %s%n", in,
                clip.durationSeconds() / 60, blocks, BlockConversion.BLOCK_SECONDS, c.info().name(), c.info().domainNames(), settingsSummary(c, settings));
        long t0 = System.nanoTime();
        Map<String, Converter.Converted> converted = BlockConversion.convert(c, clip, List.copyOf(targets.keySet()), register, settings, (done, total) -> {
            double elapsed = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "[%3d%%] block %d/%d, ETA %.0f s%n", done * 100 / total, done, total, elapsed / done * (total - done));
        });
        for (Map.Entry<String, Converter.Converted> e : converted.entrySet()) {
            write(targets.get(e.getKey()), e.getValue());
            System.out.printf("%s -> %s (octave shift %d)%n", e.getKey(), targets.get(e.getKey()), e.getValue().octaves());
        }
    }

    private static String settingsSummary(Converter c, ConversionSettings settings) {
        return ("timbre strength " + settings.strengthLabel() + "; tone matching ") + (settings.toneMatch() ? "on" : c.hasInputTone() ? "off" : "off (the preset has no tone.json)")
                + (settings.noteSnapLabel().isEmpty() ? "" : "; note snap " + settings.noteSnapLabel());
    }

    private static void write(Path file, Converter.Converted y) throws java.io.IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        AtomicFiles.removeOrphans(file);
        AudioFiles.saveWav(file, y.audio());
    }

    /** NAME.wav → NAME-DOMAIN.wav; a folder → folder/INPUT-DOMAIN.wav. Nothing is created here. */
    private Path perDomain(Path out, String domain) {
        String name = out.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".wav") && !Files.isDirectory(out))
            return out.resolveSibling(name.substring(0, name.length() - 4) + "-" + domain + ".wav");
        String stem = in.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return out.resolve(stem + "-" + domain + ".wav");
    }
}
