// Does a preset's generator follow its pitch comb? Decodes one clip's latent with a comb at 300 Hz, at 600 Hz and at the clip's own f0
// and prints the output's median f0. java -cp 'target/timbre-lab.jar:target/lib/*' docs/study/CombProbe.java PRESET IN.wav OCTAVES
import org.timbrelab.dsp.*;
import org.timbrelab.engine.infer.*;
import java.nio.file.*;
public class CombProbe { public static void main(String[] a) throws Exception {
  try (Converter c = Converter.load(Path.of(a[0]))) {
    AudioClip x = AudioFiles.loadMono(Path.of(a[1]), 16000);
    int k = Integer.parseInt(a[2]);
    Latent z = c.encode(x, k);
    float[] f = z.f0Hz().clone();
    for (double hz : new double[] {300, 600}) {
      float[] g = new float[f.length]; for (int i = 0; i < g.length; i++) g[i] = (float) hz;
      AudioClip y = c.decode(z, "violin", g);
      PitchTrack t = new Pitch().track(y, c.spectrogramConfig());
      System.out.printf("comb at %.0f Hz -> output median f0 %.1f Hz%n", hz, t.medianVoicedF0());
    }
    AudioClip y = c.decode(z, "violin", f);
    System.out.printf("true comb (input median %.1f x 2^%d) -> output median f0 %.1f%n", new Pitch().track(x, c.spectrogramConfig()).medianVoicedF0(), k, new Pitch().track(y, c.spectrogramConfig()).medianVoicedF0());
  }
}}
