package org.timbrelab.cli;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.PhaseMethod;
import org.timbrelab.engine.infer.Converter;
import org.timbrelab.engine.infer.Register;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code convert --preset P --in voice.wav --to DOMAIN|all --out out.wav [--octaves auto|N]}: timbre transfer with a preset. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a recording into a domain of a preset (register matching on by default).")
public final class ConvertCommand implements Callable<Integer> {

    @Option(names = "--preset", required = true, paramLabel = "DIR", description = "preset directory, e.g. presets/voice-strings")
    Path preset;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "input audio (WAV/AIFF, any rate; converted to 16-kHz mono)")
    Path in;

    @Option(names = "--to", required = true, paramLabel = "DOMAIN|all", description = "target domain, or 'all' for one file per domain")
    String to;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output WAV; with --to all, NAME.wav becomes NAME-DOMAIN.wav (or a folder)")
    Path out;

    @Option(names = "--octaves", defaultValue = "auto", paramLabel = "auto|N", description = "register shift before encoding: auto (default) or -2..2 octaves")
    String octaves;

    @Option(names = "--strength", defaultValue = "" + Converter.DEFAULT_TIMBRE_STRENGTH, paramLabel = "S",
            description = "timbre strength 0..2: how far the input's latent moves toward the target domain's centre (default ${DEFAULT-VALUE}; 0 = the encoder's latent as it is)")
    double strength;

    @Option(names = "--no-tone-match", description = "do not equalise the input toward the preset's source-domain tone before encoding (on by default when the preset has a tone.json)")
    boolean noToneMatch;

    @Option(names = "--phase", defaultValue = "pghi", paramLabel = "pghi|gl", description = "vocoder: pghi (default) or gl (Griffin-Lim 32)")
    String phase;

    @Override public Integer call() throws Exception {
        Register register = Register.parse(octaves);
        PhaseMethod method = switch (phase.toLowerCase()) {
            case "pghi" -> PhaseMethod.PGHI;
            case "gl" -> PhaseMethod.GRIFFIN_LIM_32;
            default -> throw new IllegalArgumentException("--phase must be pghi or gl, got '" + phase + "'");
        };
        try (Converter c = Converter.load(preset)) {
            c.phaseMethod(method).timbreStrength(strength).toneMatch(!noToneMatch && c.hasInputTone());
            AudioClip clip = AudioFiles.loadMono(in, c.spectrogramConfig().sampleRate());
            System.out.printf("%s: %.2f s, median f0 %.0f Hz; preset %s %s; tone matching %s%n", in, clip.durationSeconds(), c.medianF0(clip),
                    c.info().name(), c.info().domainNames(), c.toneMatch() ? "on" : c.hasInputTone() ? "off" : "off (the preset has no tone.json)");
            if (to.equalsIgnoreCase("all")) {
                Map<String, Converter.Converted> all = c.convertAllReportingShifts(clip, register);
                int i = 0;
                for (Map.Entry<String, Converter.Converted> e : all.entrySet()) {
                    Path file = perDomain(out, e.getKey());
                    AudioFiles.saveWav(file, e.getValue().audio());
                    System.out.printf("[%3d%%] %s -> %s (octave shift %d)%n", ++i * 100 / all.size(), e.getKey(), file, e.getValue().octaves());
                }
            } else {
                c.info().domain(to); // fails early naming the known domains
                Converter.Converted y = c.convertReportingShift(clip, to, register);
                if (out.getParent() != null) Files.createDirectories(out.getParent());
                AudioFiles.saveWav(out, y.audio());
                System.out.printf("[100%%] %s -> %s (octave shift %d)%n", to, out, y.octaves());
            }
        }
        return 0;
    }

    /** NAME.wav → NAME-DOMAIN.wav; a folder → folder/INPUT-DOMAIN.wav. */
    private Path perDomain(Path out, String domain) throws java.io.IOException {
        String name = out.getFileName().toString();
        if (name.toLowerCase().endsWith(".wav")) {
            if (out.getParent() != null) Files.createDirectories(out.getParent());
            return out.resolveSibling(name.substring(0, name.length() - 4) + "-" + domain + ".wav");
        }
        Files.createDirectories(out);
        String stem = in.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return out.resolve(stem + "-" + domain + ".wav");
    }
}
