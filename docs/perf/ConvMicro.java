// Times one 3x3 convolution forward and backward through DJL (docs/perf/README.md); run with the jar's lib/ on the class path.
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;

public class ConvMicro {
    public static void main(String[] a) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Engine e = Engine.getEngine("PyTorch");
        e.setRandomSeed(1);
        int reps = 40;
        int[][] cases = {{16, 16, 128, 64}, {32, 32, 64, 32}, {64, 64, 32, 16}};
        for (int[] c : cases) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x = m.randomNormal(new Shape(8, c[0], c[2], c[3]));
                NDArray w = m.randomNormal(new Shape(c[1], c[0], 3, 3)).mul(0.1);
                NDArray b = m.zeros(new Shape(c[1]));
                w.setRequiresGradient(true);
                double fwd = 0, bwd = 0;
                for (int i = 0; i < reps + 5; i++) {
                    try (NDManager s = m.newSubManager(); GradientCollector gc = e.newGradientCollector()) {
                        long t0 = System.nanoTime();
                        NDArray y = Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
                        NDArray loss = y.square().mean();
                        long t1 = System.nanoTime();
                        gc.backward(loss);
                        long t2 = System.nanoTime();
                        if (i >= 5) { fwd += (t1 - t0) / 1e6; bwd += (t2 - t1) / 1e6; }
                    }
                }
                System.out.printf("DJL   conv %dx%d %dx%d: forward %.2f ms, backward %.2f ms%n", c[0], c[1], c[2], c[3], fwd / reps, bwd / reps);
            }
        }
    }
}
