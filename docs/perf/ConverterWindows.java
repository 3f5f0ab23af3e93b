// E and G through the Converter on bench convert's 30-s voice-like clip, in the default windows of 1,024 frames and in one
// window, alternating, medians of 10 after 4 warm-ups (docs/perf/README.md). Run with the jar's lib/ on the class path:
//   CP=$(ls target/lib/*.jar | tr '\n' ':'); java -cp "$CP" docs/perf/ConverterWindows.java presets/voice-violin
import org.timbrelab.engine.infer.*;
import org.timbrelab.dsp.*;
import org.timbrelab.cli.*;
import java.nio.file.Path;
import java.util.*;

public class ConverterWindows {
    public static void main(String[] a) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        try (Converter c = Converter.load(Path.of(a[0]))) {
            String target = c.info().domainNames().get(1);
            int rate = c.spectrogramConfig().sampleRate();
            AudioClip clip = new AudioClip(BenchDspCommand.voiceLike(rate, 30), rate);   // bench convert's own test signal
            AudioTransform tf = new AudioTransform(c.spectrogramConfig());
            int shift = c.shiftFor(clip, target, Register.AUTO);
            Spectrogram image = tf.forward(clip, shift);
            Latent z = c.encode(clip, shift);
            ConversionSettings d = c.defaults();
            ConversionSettings one = new ConversionSettings(d.phase(), d.followLoudness(), d.timbreStrength(), d.toneMatch(), 4096, 32);
            Map<String, List<Double>> t = new LinkedHashMap<>();
            for (int i = 0; i < 14; i++) {
                for (ConversionSettings s : List.of(d, one)) {
                    String k = s.window() == 4096 ? "one window" : "windows of 1024";
                    long t0 = System.nanoTime();
                    Latent l = c.encodeSpectrogram(image, z.f0Hz(), shift, s);
                    long t1 = System.nanoTime();
                    c.decodeSpectrogram(l, target, z.f0Hz(), s);
                    long t2 = System.nanoTime();
                    if (i >= 4) {
                        t.computeIfAbsent(k + " E", x -> new ArrayList<>()).add((t1 - t0) / 1e6);
                        t.computeIfAbsent(k + " G", x -> new ArrayList<>()).add((t2 - t1) / 1e6);
                    }
                }
            }
            t.forEach((k, v) -> { Collections.sort(v); System.out.printf("%-22s median %.1f ms%n", k, v.get(v.size() / 2)); });
        }
    }
}
