// Study section 23: the clip-stats listener's raw features of every clip under DIR, one CSV row per clip (the listener's
// own feature settings), for docs/study/why-label.py.
// java -cp 'target/timbre-lab.jar:target/lib/*' docs/study/ClipFeatures.java LISTENERS.json DIR > features.csv
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.engine.eval.*;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

public class ClipFeatures {
    public static void main(String[] a) throws Exception {
        ClipStatsListener cs = Listeners.load(Path.of(a[0])).clipStats();
        AudioTransform t = new AudioTransform(cs.spectrogramConfig());
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(a[1]))) { files = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList(); }
        for (Path f : files) {
            double[] x = cs.features().of(t.forward(AudioFiles.loadMono(f, cs.spectrogramConfig().sampleRate())));
            if (x != null) System.out.println(f + "," + Arrays.stream(x).mapToObj(Double::toString).collect(Collectors.joining(",")));
        }
    }
}
