// Study section 24: how much of each clip YIN calls voiced, plain and with hysteresis voicing at looser thresholds.
// java -cp 'target/timbre-lab.jar:target/lib/*' docs/study/VoicingSweep.java NAME=DIR...
// prints, per set and weak threshold, the median and range over clips of the voiced fraction of the frames within
// 30 dB of the clip's loudest frame (the frames that carry the sound; pauses would dilute the figure).
import org.timbrelab.dsp.*;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

public class VoicingSweep {
    public static void main(String[] a) throws Exception {
        double[] weak = {0.15, 0.2, 0.25, 0.3, 0.35, 0.4};
        SpectrogramConfig sc = SpectrogramConfig.DEFAULT;
        for (String arg : a) {
            String[] nd = arg.split("=", 2);
            List<Path> files;
            try (Stream<Path> s = Files.walk(Path.of(nd[1]))) {
                files = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
            }
            StringBuilder line = new StringBuilder(String.format("%-10s %3d clips:", nd[0], files.size()));
            for (double w : weak) {
                Pitch pitch = new Pitch(PitchConfig.DEFAULT.withWeakThreshold(w));
                double[] fr = new double[files.size()];
                for (int k = 0; k < files.size(); k++) {
                    AudioClip clip = AudioFiles.loadMono(files.get(k), sc.sampleRate());
                    PitchTrack t = pitch.track(clip, sc);
                    fr[k] = loudVoicedFraction(clip, t, sc.hopLength());
                }
                Arrays.sort(fr);
                line.append(String.format("  %.2f: %3.0f%% (%2.0f–%3.0f)", w, 100 * fr[fr.length / 2], 100 * fr[0], 100 * fr[fr.length - 1]));
            }
            System.out.println(line);
        }
    }

    static double loudVoicedFraction(AudioClip clip, PitchTrack t, int hop) {
        float[] x = clip.samples();
        double[] rms = new double[t.frames()];
        double max = 0;
        for (int i = 0; i < t.frames(); i++) {
            double s = 0; int n = 0;
            for (int j = Math.max(0, i * hop - 512); j < Math.min(x.length, i * hop + 512); j++) { s += x[j] * x[j]; n++; }
            rms[i] = n == 0 ? 0 : s / n;
            max = Math.max(max, rms[i]);
        }
        int loud = 0, voiced = 0;
        for (int i = 0; i < t.frames(); i++)
            if (rms[i] > max * 1e-3) { loud++; if (t.voiced()[i]) voiced++; }
        return loud == 0 ? 0 : voiced / (double) loud;
    }
}
