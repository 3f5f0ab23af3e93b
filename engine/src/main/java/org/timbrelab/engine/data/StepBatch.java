package org.timbrelab.engine.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/** What one training step gets from a {@link BalancedSampler}: an equal-size batch from every domain. */
public record StepBatch(long step, List<DomainBatch> domains) {

    public StepBatch {
        domains = List.copyOf(domains);
    }

    /** The batch of domain {@code k}. */
    public DomainBatch domain(int k) { return domains.get(k); }

    public int domainCount() { return domains.size(); }

    /** All domains' crops concatenated along the batch axis, domain 0 first, as float[] ((n·B) × nMels × T). */
    public float[] stackedMels() {
        int total = 0;
        for (DomainBatch d : domains) total += d.mels().length;
        float[] out = new float[total];
        int at = 0;
        for (DomainBatch d : domains) {
            System.arraycopy(d.mels(), 0, out, at, d.mels().length);
            at += d.mels().length;
        }
        return out;
    }

    /** {@link #stackedMels()} as an (n·B, 1, nMels, T) array owned by {@code manager}. */
    public NDArray stackedMels(NDManager manager) {
        DomainBatch first = domains.get(0);
        int b = 0;
        for (DomainBatch d : domains) b += d.size();
        return manager.create(stackedMels(), new Shape(b, 1, first.nMels(), first.frames()));
    }
}
