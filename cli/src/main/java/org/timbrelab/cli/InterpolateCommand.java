package org.timbrelab.cli;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.engine.infer.Converter;
import org.timbrelab.engine.infer.Latent;
import org.timbrelab.engine.infer.Register;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code interpolate --preset P --a A.wav --b B.wav --domain D --steps N --mode lerp|slerp --out DIR}:
 * decodes N points from A's latent map to B's (B resampled to A's length; A's f0 for pitch) into one domain.
 */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
        description = "Decode a latent interpolation between two recordings into one domain (step-00.wav … step-NN.wav).")
public final class InterpolateCommand implements Callable<Integer> {

    @Option(names = "--preset", required = true, paramLabel = "DIR") Path preset;
    @Option(names = "--a", required = true, paramLabel = "FILE", description = "start recording") Path a;
    @Option(names = "--b", required = true, paramLabel = "FILE", description = "end recording") Path b;
    @Option(names = "--domain", required = true, paramLabel = "DOMAIN", description = "domain to decode into") String domain;
    @Option(names = "--steps", defaultValue = "8", paramLabel = "N", description = "number of outputs including both ends (default: ${DEFAULT-VALUE})") int steps;
    @Option(names = "--mode", defaultValue = "slerp", paramLabel = "lerp|slerp", description = "interpolation (default: ${DEFAULT-VALUE})") String mode;
    @Option(names = "--octaves", defaultValue = "auto", paramLabel = "auto|N", description = "register shift of both inputs (auto: from A)") String octaves;
    @Option(names = "--out", required = true, paramLabel = "DIR") Path out;

    @Override public Integer call() throws Exception {
        if (steps < 2) throw new IllegalArgumentException("--steps must be at least 2, got " + steps);
        boolean slerp = switch (mode.toLowerCase(Locale.ROOT)) {
            case "slerp" -> true;
            case "lerp" -> false;
            default -> throw new IllegalArgumentException("--mode must be lerp or slerp, got '" + mode + "'");
        };
        try (Converter c = Converter.load(preset)) {
            c.info().domain(domain);
            int rate = c.spectrogramConfig().sampleRate();
            AudioClip clipA = AudioFiles.loadMono(a, rate), clipB = AudioFiles.loadMono(b, rate);
            int shift = c.shiftFor(clipA, domain, Register.parse(octaves));
            Latent za = c.encode(clipA, shift), zb = c.encode(clipB, shift);
            Files.createDirectories(out);
            for (int i = 0; i < steps; i++) {
                double t = i / (double) (steps - 1);
                Latent z = slerp ? Converter.slerp(za, zb, t) : Converter.lerp(za, zb, t);
                Path file = out.resolve(String.format(Locale.ROOT, "step-%02d.wav", i));
                AudioFiles.saveWav(file, c.decode(z, domain, z.f0Hz()));
                System.out.printf(Locale.ROOT, "[%3d%%] t=%.3f -> %s%n", (i + 1) * 100 / steps, t, file);
            }
        }
        return 0;
    }
}
