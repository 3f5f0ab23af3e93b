package org.timbrelab.engine.eval;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.Resampler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A frame embedding from a TorchScript module the user provides (a VGGish or PANN wrapped to the
 * contract below), for a third FAD column. Never downloaded: the file must be local.
 *
 * <p>Contract: {@code forward} takes one mono waveform, a float tensor {@code [1, samples]} at
 * {@code sampleRate} Hz (the clip is resampled to it), and returns the frame embeddings as
 * {@code [frames, dim]}; {@code [dim]} counts as one frame and {@code [1, frames, dim]} is
 * squeezed. {@code docs/eval/torchscript-embedding.md} shows how to wrap VGGish or PANN that way.
 */
public final class TorchScriptEmbedding implements AutoCloseable {

    private final Path file;
    private final int sampleRate;
    private final Model model;

    private TorchScriptEmbedding(Path file, int sampleRate, Model model) {
        this.file = file;
        this.sampleRate = sampleRate;
        this.model = model;
    }

    /** Loads {@code file} (a {@code torch.jit.save}d module) on the CPU; fails naming the file and the reason. */
    public static TorchScriptEmbedding load(Path file, int sampleRate) throws IOException {
        if (sampleRate < 1000) throw new IllegalArgumentException("embedding sample rate must be at least 1000 Hz, got " + sampleRate);
        if (!Files.isRegularFile(file))
            throw new IOException(file + ": no such TorchScript file; give the path of a module saved with torch.jit.save");
        Model model = Model.newInstance(file.getFileName().toString(), "PyTorch");
        try {
            model.load(file.toAbsolutePath());
            return new TorchScriptEmbedding(file, sampleRate, model);
        } catch (Exception | Error e) {   // libtorch reports a bad archive as an EngineException (or worse)
            model.close();
            throw new IOException(file + ": not a loadable TorchScript module (" + firstLine(e) + "); save it with torch.jit.save", e);
        }
    }

    /** The module's file name, for report headings. */
    public String name() { return file.getFileName().toString(); }

    public int sampleRate() { return sampleRate; }

    /** The module's frame embeddings of {@code clip}, in time order. */
    public List<double[]> frames(AudioClip clip) {
        AudioClip x = clip.sampleRate() == sampleRate ? clip : Resampler.resample(clip, sampleRate);
        // the block is called directly (not through a Predictor) so its outputs stay in this scoped manager
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray wave = m.create(x.samples(), new Shape(1, x.length()));
            NDList out;
            try {
                out = model.getBlock().forward(new ParameterStore(m, false), new NDList(wave), false);
            } catch (RuntimeException e) {
                throw new IllegalStateException(file + ": the module failed on a " + x.length() + "-sample clip at " + sampleRate
                        + " Hz (" + firstLine(e) + "); its forward must take a [1, samples] float waveform", e);
            }
            out.attach(m);
            if (out.isEmpty()) throw new IllegalStateException(file + ": the module returned nothing; it must return a [frames, dim] tensor");
            NDArray e = out.get(0);
            Shape s = e.getShape();
            int dims = s.dimension();
            if (dims == 3 && s.get(0) == 1) { e = e.squeeze(0); s = e.getShape(); dims = 2; }
            if (dims == 1) { e = e.reshape(1, s.get(0)); s = e.getShape(); dims = 2; }
            if (dims != 2)
                throw new IllegalStateException(file + ": the module returned shape " + s + "; it must return [frames, dim] (or [dim], [1, frames, dim])");
            int frames = (int) s.get(0), dim = (int) s.get(1);
            float[] v = e.toType(DataType.FLOAT32, false).toFloatArray();
            List<double[]> rows = new ArrayList<>(frames);
            for (int f = 0; f < frames; f++) {
                double[] row = new double[dim];
                for (int k = 0; k < dim; k++) row[k] = v[f * dim + k];
                rows.add(row);
            }
            return rows;
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override public void close() {
        model.close();
    }

    @Override public String toString() {
        return "TorchScriptEmbedding[" + file + " @ " + sampleRate + " Hz]";
    }
}
