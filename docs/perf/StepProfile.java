// Records libtorch's own profiler over the engine's VAE-GAN training step (bench train's SyntheticStep) and writes a
// Chrome trace that docs/perf/op-table.py sums by op (docs/perf/README.md). Run with the jar's lib/ on the class path:
//   CP=$(ls target/lib/*.jar | tr '\n' ':'); java -cp "$CP" docs/perf/StepProfile.java OUT.json [STEPS] [split|fused]
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.timbrelab.engine.vaegan.SyntheticStep;

public class StepProfile {
    public static void main(String[] a) {
        System.setProperty("ai.djl.offline", "true");
        String out = a[0];
        int steps = a.length > 1 ? Integer.parseInt(a[1]) : 20;
        boolean fused = a.length > 2 && a[2].equals("fused");
        Engine.getInstance();
        JniUtils.setNumThreads(2);
        try (SyntheticStep step = new SyntheticStep(2, 16, 4, 64, fused)) {
            for (int i = 0; i < 15; i++) step.run();   // warm-up: allocator, JIT, libtorch's first-call paths
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) step.run();
            System.out.printf("unprofiled: %.1f ms/step%n", (System.nanoTime() - t0) / 1e6 / steps);
            JniUtils.startProfile(false, true, false);
            t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) step.run();
            double ms = (System.nanoTime() - t0) / 1e6 / steps;
            JniUtils.stopProfile(out);
            System.out.printf("profiled: %.1f ms/step over %d steps; trace in %s%n", ms, steps, out);
        }
    }
}
