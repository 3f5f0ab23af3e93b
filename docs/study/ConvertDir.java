// Recipe search helper: converts every WAV under IN (recursive) with one preset and one setting, loading it once.
// java -cp 'target/timbre-lab.jar:target/lib/*' docs/study/ConvertDir.java PRESET TARGET pghi|gl envelope|plain STRENGTH IN OUT
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.PhaseMethod;
import org.timbrelab.engine.infer.ConversionSettings;
import org.timbrelab.engine.infer.Converter;
import org.timbrelab.engine.infer.Register;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

public class ConvertDir {
    public static void main(String[] a) throws Exception {
        try (Converter c = Converter.load(Path.of(a[0]))) {
            ConversionSettings settings = c.defaults().withPhase(a[2].equals("gl") ? PhaseMethod.GRIFFIN_LIM_32 : PhaseMethod.PGHI)
                    .withFollowLoudness(a[3].equals("envelope")).withTimbreStrength(Double.parseDouble(a[4]));
            Path in = Path.of(a[5]), out = Path.of(a[6]);
            List<Path> files;
            try (Stream<Path> s = Files.walk(in)) { files = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList(); }
            long t0 = System.nanoTime();
            for (Path f : files) {
                AudioClip x = AudioFiles.loadMono(f, c.spectrogramConfig().sampleRate());
                AudioClip y = c.convert(x, a[1], Register.AUTO, settings).audio();
                Path o = out.resolve(in.relativize(f));
                Files.createDirectories(o.getParent());
                AudioFiles.saveWav(o, y);
            }
            System.out.printf("%d clips in %.1f s%n", files.size(), (System.nanoTime() - t0) / 1e9);
        }
    }
}
