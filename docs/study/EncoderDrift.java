import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.engine.infer.Converter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How far each preset's encoder has moved from a reference preset's on the same clips (docs/study-n-domains.md,
 * "Anchoring the encoder"): the mean |μ − μ_ref| over every latent value of every .wav under CLIPS, with each clip
 * moved up 0, 1 and 2 octaves as register matching moves it, beside the mean |μ_ref| for scale.
 *
 * <pre>
 * mvn -q package -DskipTests
 * javac -cp 'target/timbre-lab.jar:target/lib/*' -d /tmp/drift docs/study/EncoderDrift.java
 * java -Dai.djl.offline=true -cp "target/timbre-lab.jar:target/lib/*:/tmp/drift" EncoderDrift REF_PRESET CLIPS PRESET...
 * </pre>
 */
public final class EncoderDrift {
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: EncoderDrift REF_PRESET CLIPS_DIR PRESET...");
            System.exit(2);
        }
        List<Path> clips;
        try (Stream<Path> s = Files.walk(Path.of(args[1]))) {
            clips = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        System.out.printf("%d clips under %s; reference %s%n", clips.size(), args[1], args[0]);
        System.out.println("| preset | |Δμ| octave 0 | octave 1 | octave 2 | |μ_ref| |");
        System.out.println("|---|---|---|---|---|");
        try (Converter ref = Converter.load(Path.of(args[0]))) {
            for (int i = 2; i < args.length; i++) {
                try (Converter c = Converter.load(Path.of(args[i]))) {
                    StringBuilder row = new StringBuilder("| " + args[i]);
                    double scale = 0;
                    for (int octaves = 0; octaves <= 2; octaves++) {
                        double diff = 0, mag = 0;
                        long n = 0;
                        for (Path p : clips) {
                            AudioClip clip = AudioFiles.loadMono(p, c.spectrogramConfig().sampleRate());
                            float[] x = ref.encode(clip, octaves).values(), y = c.encode(clip, octaves).values();
                            for (int k = 0; k < x.length; k++) {
                                diff += Math.abs(x[k] - y[k]);
                                mag += Math.abs(x[k]);
                            }
                            n += x.length;
                        }
                        row.append(String.format(" | %.3f", diff / n));
                        if (octaves == 0) scale = mag / n;
                    }
                    System.out.println(row.append(String.format(" | %.3f |", scale)));
                }
            }
        }
    }
}
