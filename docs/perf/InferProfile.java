// E + G of the slim model on one 30-s image (1,876 frames, no windows), random weights (the cost does not depend on
// them), timed plain and then under libtorch's profiler; compare with docs/perf/infer_profile.py (docs/perf/README.md):
//   CP=$(ls target/lib/*.jar | tr '\n' ':'); java -cp "$CP" docs/perf/InferProfile.java OUT.json
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import org.timbrelab.engine.vaegan.*;
import java.util.List;

public class InferProfile {
    public static void main(String[] a) {
        System.setProperty("ai.djl.offline", "true");
        Engine.getInstance(); JniUtils.setNumThreads(2);
        JniUtils.setGradMode(false);
        try (NDManager m = NDManager.newBaseManager()) {
            VaeGan model = new VaeGan(new VaeGanConfig(List.of("voice", "violin"), 128, 16, 3, 1, 2, 16, 3, true, true, Boolean.getBoolean("fused")));
            model.initialize(m);
            for (int round = 0; round < 2; round++) {
                boolean prof = round == 1;
                if (prof) JniUtils.startProfile(false, true, false);
                long t0 = System.nanoTime();
                int reps = 10;
                for (int i = 0; i < reps + (prof ? 0 : 3); i++) {
                    if (!prof && i == 3) t0 = System.nanoTime();
                    try (NDManager s = m.newSubManager()) {
                        NDArray x = s.randomUniform(-1, 1, new Shape(1, 1, 128, 1876));
                        NDArray c = s.randomUniform(0, 1, new Shape(1, 1, 128, 1876));
                        model.generator(1).forward(model.encoder().forward(x), c).getFloat(0, 0, 0, 0);
                    }
                }
                System.out.printf("%s: %.1f ms per E+G on 1876 frames%n", prof ? "profiled" : "plain", (System.nanoTime() - t0) / 1e6 / reps);
                if (prof) JniUtils.stopProfile(a[0]);
            }
        }
    }
}
