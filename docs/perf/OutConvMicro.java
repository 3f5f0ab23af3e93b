// The generator's last convolution (16 -> 1 channel, 7x7, on a reflect-padded 128x64 image) forward and backward three ways:
// padded to 16 outputs as Conv does while recording gradients, per channel (depthwise) then summed, and plain (docs/perf/README.md).
//   CP=$(ls target/lib/*.jar | tr '\n' ':'); java -cp "$CP" docs/perf/OutConvMicro.java [BATCH]
import ai.djl.ndarray.*;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;

public class OutConvMicro {
    public static void main(String[] a) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Engine e = Engine.getEngine("PyTorch");
        e.setRandomSeed(1);
        int reps = 30, n = Integer.parseInt(a.length > 0 ? a[0] : "8");
        Shape one = new Shape(1, 1), none = new Shape(0, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x0 = m.randomNormal(new Shape(n, 16, 134, 70));
            NDArray w1 = m.randomNormal(new Shape(1, 16, 7, 7)).mul(0.05);
            NDArray b1 = m.randomNormal(new Shape(1)).mul(0.1);
            NDArray[] grads = new NDArray[3]; NDArray[] ys = new NDArray[3];
            for (int mode = 0; mode < 3; mode++) {
                double fwd = 0, bwd = 0;
                for (int i = 0; i < reps + 5; i++) {
                    try (NDManager s = m.newSubManager(); GradientCollector gc = e.newGradientCollector()) {
                        NDArray x = x0.duplicate(); x.attach(s); x.setRequiresGradient(true);
                        NDArray w = w1.duplicate(); w.attach(s); w.setRequiresGradient(true);
                        long t0 = System.nanoTime();
                        NDArray y;
                        if (mode == 0) { // padded to 16 outputs (today's Conv)
                            NDArray wp = w.concat(s.zeros(new Shape(15, 16, 7, 7)), 0), bp = b1.concat(s.zeros(new Shape(15)), 0);
                            y = Conv2d.conv2d(x, wp, bp, one, none).singletonOrThrow().get(new NDIndex(":, 0:1"));
                        } else if (mode == 1) { // depthwise per input channel, then the sum over channels
                            y = Conv2d.conv2d(x, w.reshape(16, 1, 7, 7), null, one, none, one, 16).singletonOrThrow()
                                    .sum(new int[] {1}, true).add(b1.reshape(1, 1, 1, 1));
                        } else { // plain one output (wrong input gradient on some machines)
                            y = Conv2d.conv2d(x, w, b1, one, none).singletonOrThrow();
                        }
                        NDArray loss = y.tanh().square().mean();
                        long t1 = System.nanoTime();
                        gc.backward(loss);
                        long t2 = System.nanoTime();
                        if (i >= 5) { fwd += (t1 - t0) / 1e6; bwd += (t2 - t1) / 1e6; }
                        if (i == 0) { grads[mode] = x.getGradient().duplicate(); grads[mode].attach(m); ys[mode] = y.duplicate(); ys[mode].attach(m); }
                    }
                }
                System.out.printf("mode %s batch %d: forward %.2f ms, backward %.2f ms%n", new String[] {"padded16", "depthwise+sum", "plain1"}[mode], n, fwd / reps, bwd / reps);
            }
            for (int mode = 1; mode < 3; mode++)
                System.out.printf("vs padded: y max diff %.3g, x-grad max diff %.3g (grad scale %.3g)%n",
                        ys[mode].sub(ys[0]).abs().max().getFloat(), grads[mode].sub(grads[0]).abs().max().getFloat(), grads[0].abs().max().getFloat());
        }
    }
}
