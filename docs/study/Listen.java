// Quick selection-set listening during recipe search (not the evaluation of record, which is `eval`):
// java -cp 'target/timbre-lab.jar:target/lib/*' docs/study/Listen.java LISTENERS.json TARGET DIR...
// prints, per DIR and per listener (mlp, clipstats), how many clips (recursive *.wav) it calls TARGET, how many voice,
// and every label it gave.
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.engine.eval.Listener;
import org.timbrelab.engine.eval.Listeners;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

public class Listen {
    public static void main(String[] a) throws Exception {
        Listeners ls = Listeners.load(Path.of(a[0]));
        AudioTransform t = new AudioTransform(ls.windows().spectrogramConfig());
        int rate = ls.windows().spectrogramConfig().sampleRate();
        String target = a[1];
        for (int i = 2; i < a.length; i++) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(Path.of(a[i]))) { files = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList(); }
            List<Spectrogram> specs = new ArrayList<>();
            for (Path f : files) specs.add(t.forward(AudioFiles.loadMono(f, rate)));
            for (Listener l : ls.all()) {
                Map<String, Integer> counts = new TreeMap<>();
                for (Spectrogram s : specs) counts.merge(l.hear(s).label(), 1, Integer::sum);
                int n = files.size();
                System.out.printf("%-46s %-9s %s %3.0f %%  voice %3.0f %%  n=%d  %s%n", a[i], l.name(), target,
                        100.0 * counts.getOrDefault(target, 0) / n, 100.0 * counts.getOrDefault("voice", 0) / n, n, counts);
            }
        }
    }
}
