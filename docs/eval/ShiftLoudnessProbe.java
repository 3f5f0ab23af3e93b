import org.timbrelab.dsp.*;
import java.nio.file.*;
import java.util.*;
/**
 * What a register shift does to the loudness a model is handed (docs/study-reference.md, section 31): for every clip of
 * the given folders, moved up 1 and 2 octaves by the plain stretch and by loudness-keeping shifts with their boost capped
 * at 0 / 6 / 12 / 18 / 30 dB and at 0 dB over the clip's typical gain, the Pearson correlation of the shifted frames' A-weighted levels with the clip's own, and
 * how far the clip's fricatives (frames within 30 dB of its peak with over half their power above 2.5 kHz) sit under
 * its voiced frames (under a tenth there), mean dB per clip, median over clips. No model involved.
 *
 * Run from the repository root after {@code mvn -o -q -DskipTests install}:
 * {@code java -cp "target/lib/*:target/timbre-lab.jar" docs/eval/ShiftLoudnessProbe.java data/listen/selection/real ...}
 */
public class ShiftLoudnessProbe {
    public static void main(String[] args) throws Exception {
        Loudness loud = new Loudness();
        AudioTransform tf = new AudioTransform(SpectrogramConfig.DEFAULT);
        double[] caps = {0, 6, 12, 18, 30, -1}; // -1: 0 dB over the clip's typical gain
        for (String group : args) {
            List<Path> files = new ArrayList<>();
            try (var w = Files.walk(Path.of(group))) { w.filter(p -> p.toString().endsWith(".wav")).sorted().forEach(files::add); }
            for (int k : new int[]{1, 2}) {
                double[][] corr = new double[caps.length + 1][files.size()];
                double[][] fric = new double[caps.length + 1][files.size()];
                for (int f = 0; f < files.size(); f++) {
                    AudioClip c = AudioFiles.loadMono(files.get(f), 16000);
                    MagnitudeSpectrogram m = tf.magnitude(c);
                    float[] orig = loud.aWeightedDb(m);
                    // fricative / voiced frames as in study section 30
                    int bins = m.bins(); float[] v = m.values(); int hi = (int) Math.round(2500.0 * m.nFft() / 16000);
                    float peak = -1000; for (float x : orig) peak = Math.max(peak, x);
                    boolean[] isF = new boolean[m.frames()], isV = new boolean[m.frames()];
                    for (int t = 0; t < m.frames(); t++) {
                        if (orig[t] < peak - 30) continue;
                        double tot = 0, up = 0; for (int b = 0; b < bins; b++) { double p = v[t*bins+b]*v[t*bins+b]; tot += p; if (b >= hi) up += p; }
                        if (up > 0.5 * tot) isF[t] = true; else if (up < 0.1 * tot) isV[t] = true;
                    }
                    for (int i = 0; i <= caps.length; i++) {
                        MagnitudeSpectrogram s = i == caps.length ? AudioTransform.shiftOctaves(m, k) : AudioTransform.shiftOctaves(m, k, caps[i] < 0 ? new ShiftLoudness(true, 0, true) : new ShiftLoudness(true, caps[i]));
                        float[] d = loud.aWeightedDb(s);
                        corr[i][f] = org.timbrelab.engine.eval.ContentMetrics.loudnessCorrelation(orig, d); // eval's own measure
                        double sf = 0, sv = 0; int nf = 0, nv = 0;
                        for (int t = 0; t < d.length && t < isF.length; t++) { if (isF[t]) { sf += d[t]; nf++; } if (isV[t]) { sv += d[t]; nv++; } }
                        fric[i][f] = (nf > 0 && nv > 0) ? sf / nf - sv / nv : Double.NaN;
                    }
                }
                for (int i = 0; i <= caps.length; i++) {
                    String name = i == caps.length ? "plain" : caps[i] < 0 ? "clip+0" : "cap+" + (int) caps[i];
                    double[] cs = corr[i].clone(); Arrays.sort(cs);
                    double[] fs = Arrays.stream(fric[i]).filter(x -> !Double.isNaN(x)).sorted().toArray();
                    System.out.printf("%s k=%d %-7s corr median %.3f low %.3f | fricatives vs voiced median %+.1f dB (n=%d)%n",
                        Path.of(group).getFileName(), k, name, cs[cs.length/2], cs[0], fs.length > 0 ? fs[fs.length/2] : Double.NaN, fs.length);
                }
            }
        }
    }
}
