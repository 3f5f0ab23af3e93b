// Study section 23: how loud a steady low tone under a voice must be before each listener calls the voice an instrument.
// java -cp 'target/timbre-lab.jar:target/lib/*' docs/study/HumSweep.java LISTENERS.json VOICE_DIR...
// prints, per listener, hum frequency and level under the clip's peak sample, the % of voices called an instrument.
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.engine.eval.*;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

public class HumSweep {
    public static void main(String[] a) throws Exception {
        Listeners ls = Listeners.load(Path.of(a[0]));
        AudioTransform t = new AudioTransform(ls.windows().spectrogramConfig());
        int rate = ls.windows().spectrogramConfig().sampleRate();
        List<AudioClip> voices = new ArrayList<>();
        for (int i = 1; i < a.length; i++)
            try (Stream<Path> s = Files.walk(Path.of(a[i]))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".wav")).sorted().toList()) voices.add(AudioFiles.loadMono(p, rate));
            }
        for (double hz : new double[] {70, 110, 165, 250})
            for (double db : new double[] {40, 30, 25, 20, 15}) {
                StringBuilder line = new StringBuilder(String.format("%4.0f Hz %3.0f dB down:", hz, db));
                for (Listener l : ls.all()) {
                    int inst = 0;
                    for (AudioClip v : voices) {
                        String label = l.hear(t.forward(ListenerControls.withHum(v, hz, db))).label();
                        if (!label.equals("voice") && !label.equals("other")) inst++;
                    }
                    line.append(String.format("  %s %3.0f %%", l.name(), 100.0 * inst / voices.size()));
                }
                System.out.println(line + "  (n=" + voices.size() + ")");
            }
    }
}
