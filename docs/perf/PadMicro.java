// Times reflect padding forward and backward two ways through DJL (docs/perf/README.md): gathers by mirrored indices
// (advanced indexing; backward index_put with accumulation) against products with 0/1 mirror matrices (backward two
// matrix products), and checks that both give the same values and input gradients bit for bit. Run with the jar's lib/
// on the class path:  CP=$(ls target/lib/*.jar | tr '\n' ':'); java -cp "$CP" docs/perf/PadMicro.java
import ai.djl.engine.Engine;
import ai.djl.ndarray.*;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.function.UnaryOperator;
import org.timbrelab.engine.nn.Conv;

public class PadMicro {
    public static void main(String[] a) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Engine e = Engine.getEngine("PyTorch");
        e.setRandomSeed(1);
        int reps = 40, p = 3;
        int[][] cases = {{8, 16, 128, 64}, {8, 2, 128, 64}, {1, 16, 128, 1024}};
        for (int[] c : cases) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x = m.randomNormal(new Shape(c[0], c[1], c[2], c[3]));
                NDArray g = m.randomNormal(new Shape(c[0], c[1], c[2] + 2 * p, c[3] + 2 * p));
                int n = 3;
                NDArray[] grads = new NDArray[n];
                NDArray[] values = new NDArray[n];
                double[][] ms = new double[n][2];
                for (int i = 0; i < reps + 5; i++) {
                    for (int k = 0; k < n; k++) {
                        UnaryOperator<NDArray> pad = k == 0 ? t -> byGathers(t, p) : k == 1 ? t -> byProducts(t, p) : t -> rowsGatheredColumnsByProduct(t, p);
                        try (NDManager s = m.newSubManager(); GradientCollector gc = e.newGradientCollector()) {
                            NDArray xi = x.duplicate();
                            xi.attach(s);
                            xi.setRequiresGradient(true);
                            long t0 = System.nanoTime();
                            NDArray y = pad.apply(xi);
                            NDArray loss = y.mul(g).sum();
                            long t1 = System.nanoTime();
                            gc.backward(loss);
                            long t2 = System.nanoTime();
                            if (i >= 5) { ms[k][0] += (t1 - t0) / 1e6; ms[k][1] += (t2 - t1) / 1e6; }
                            if (i == 0) { values[k] = y.duplicate(); grads[k] = xi.getGradient().duplicate(); values[k].attach(m); grads[k].attach(m); }
                        }
                    }
                }
                boolean same = true;
                for (int k = 1; k < n; k++) same &= values[0].contentEquals(values[k]) && grads[0].contentEquals(grads[k]);
                System.out.printf("%s: gathers %.2f + %.2f ms, products %.2f + %.2f ms, rows gathered + columns by product %.2f + %.2f ms"
                        + " (forward + backward, with a product and sum); values and gradients %s%n",
                        new Shape(c[0], c[1], c[2], c[3]), ms[0][0] / reps, ms[0][1] / reps, ms[1][0] / reps, ms[1][1] / reps,
                        ms[2][0] / reps, ms[2][1] / reps, same ? "bit for bit equal" : "DIFFER");
            }
        }
    }

    static NDArray byGathers(NDArray x, int p) {
        long h = x.getShape().get(2), w = x.getShape().get(3);
        NDManager m = x.getManager();
        return x.get(new NDIndex(":, :, {}", Conv.mirrored(m, h, p))).get(new NDIndex(":, :, :, {}", Conv.mirrored(m, w, p)));
    }

    static NDArray byProducts(NDArray x, int p) {
        long h = x.getShape().get(2), w = x.getShape().get(3);
        NDManager m = x.getManager();
        return Conv.mirror(m, h, p).matMul(x).matMul(Conv.mirror(m, w, p).transpose());
    }

    static NDArray rowsGatheredColumnsByProduct(NDArray x, int p) {
        long h = x.getShape().get(2), w = x.getShape().get(3);
        NDManager m = x.getManager();
        return x.get(new NDIndex(":, :, {}", Conv.mirrored(m, h, p))).matMul(Conv.mirror(m, w, p).transpose());
    }
}
