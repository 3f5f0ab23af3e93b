// Quick selection-set listening during recipe search (not the evaluation of record, which is `eval`):
// java -cp 'target/timbre-lab.jar:target/lib/*' docs/study/Listen.java CLASSIFIER.json TARGET DIR...
// prints, per DIR, how many clips (recursive *.wav) the classifier calls TARGET and how many it calls voice.
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.engine.eval.DomainClassifier;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

public class Listen {
    public static void main(String[] a) throws Exception {
        DomainClassifier c = DomainClassifier.load(Path.of(a[0]));
        AudioTransform t = new AudioTransform(c.spectrogramConfig());
        String target = a[1];
        for (int i = 2; i < a.length; i++) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(Path.of(a[i]))) { files = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList(); }
            Map<String, Integer> counts = new TreeMap<>();
            for (Path f : files) {
                String l = c.classify(t.forward(AudioFiles.loadMono(f, c.spectrogramConfig().sampleRate()))).label();
                counts.merge(l, 1, Integer::sum);
            }
            int n = files.size();
            System.out.printf("%-50s %s %3.0f %%  voice %3.0f %%  n=%d  %s%n", a[i], target, 100.0 * counts.getOrDefault(target, 0) / n,
                    100.0 * counts.getOrDefault("voice", 0) / n, n, counts);
        }
    }
}
