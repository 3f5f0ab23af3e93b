// E + G of a 30-s image three ways, interleaved in one JVM (docs/perf/README.md, thirteenth session):
//   CP=$(ls target/lib/*.jar | tr '\n' ':'); java -cp "$CP" docs/perf/BatchShapes.java 12
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import org.timbrelab.engine.vaegan.*;
import java.util.*;

/** E + G in one JVM, alternating: two 1,024-frame windows as a batch of two, the same two one after the other, one 1,876-frame pass. */
public class BatchShapes {
    public static void main(String[] a) {
        System.setProperty("ai.djl.offline", "true");
        Engine.getInstance(); JniUtils.setNumThreads(2); JniUtils.setGradMode(false);
        try (NDManager m = NDManager.newBaseManager()) {
            VaeGan model = new VaeGan(new VaeGanConfig(List.of("voice", "violin"), 128, 16, 3, 1, 2, 16, 3, true, true, true));
            model.initialize(m);
            String[] names = {"batch of two 1024", "two 1024 in turn", "one 1876"};
            int[][] plans = {{2, 1024, 1}, {1, 1024, 2}, {1, 1876, 1}};
            List<List<Double>> t = new ArrayList<>();
            for (int k = 0; k < 3; k++) t.add(new ArrayList<>());
            int rounds = Integer.parseInt(a[0]);
            for (int r = 0; r < rounds + 3; r++)
                for (int k = 0; k < 3; k++) {
                    long t0 = System.nanoTime();
                    for (int rep = 0; rep < plans[k][2]; rep++)
                        try (NDManager s = m.newSubManager()) {
                            NDArray x = s.randomUniform(-1, 1, new Shape(plans[k][0], 1, 128, plans[k][1]));
                            NDArray c = s.randomUniform(0, 1, new Shape(plans[k][0], 1, 128, plans[k][1]));
                            model.generator(1).forward(model.encoder().forward(x), c).getFloat(0, 0, 0, 0);
                        }
                    if (r >= 3) t.get(k).add((System.nanoTime() - t0) / 1e6);
                }
            for (int k = 0; k < 3; k++) {
                List<Double> v = new ArrayList<>(t.get(k)); Collections.sort(v);
                System.out.printf("%-20s median %.1f ms, min %.1f, max %.1f%n", names[k], v.get(v.size() / 2), v.get(0), v.get(v.size() - 1));
            }
        }
    }
}
