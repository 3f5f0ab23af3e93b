package org.timbrelab.engine.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/**
 * A batch of crops from one domain.
 *
 * @param domain  index of the domain in the sampler's list
 * @param name    the domain's name
 * @param size    crops in the batch (B)
 * @param nMels   mel bands (H)
 * @param frames  frames per crop (T)
 * @param mels    B × nMels × T values in [-1, 1], crop-major then bin-major: the memory layout of a (B, 1, nMels, T) tensor
 * @param f0      B × T f0 values in Hz (0 = unvoiced), aligned with the mel frames; null if the domain has no f0 tracks
 * @param sources where each crop came from
 */
public record DomainBatch(int domain, String name, int size, int nMels, int frames, float[] mels, float[] f0,
                          List<ChunkSet.CropSource> sources) {

    public DomainBatch {
        if (mels.length != size * nMels * frames)
            throw new IllegalArgumentException("mels has " + mels.length + " values, expected " + size + "x" + nMels + "x" + frames);
        if (f0 != null && f0.length != size * frames)
            throw new IllegalArgumentException("f0 has " + f0.length + " values, expected " + size + "x" + frames);
    }

    public boolean hasF0() { return f0 != null; }

    /** The spectrogram crops as a (B, 1, nMels, T) float32 array owned by {@code manager}. */
    public NDArray mels(NDManager manager) {
        return manager.create(mels, new Shape(size, 1, nMels, frames));
    }

    /** The f0 crops as a (B, T) float32 array in Hz owned by {@code manager}. */
    public NDArray f0(NDManager manager) {
        if (f0 == null) throw new IllegalStateException("domain '" + name + "' has no f0 tracks (dataset built without pitch tracking)");
        return manager.create(f0, new Shape(size, frames));
    }
}
