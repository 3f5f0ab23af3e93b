package org.timbrelab.engine.data;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Some chunks of one {@link DomainDataset} (all of them, or one side of a {@link DatasetSplit}),
 * and how to draw random fixed-length crops from them.
 */
public final class ChunkSet {

    /** Value of padding frames: the dB floor, which the normalisation maps to -1 (silence). */
    public static final float PAD_VALUE = -1f;

    /**
     * Where a crop came from: file, start in seconds, how many real (unpadded) frames it has, and by how many octaves
     * its recording was moved up (register augmentation; 0 for the recording as it is).
     */
    public record CropSource(String file, double startSeconds, int frames, int octaves) { }

    private final DomainDataset dataset;
    private final DomainDataset[] sources; // the dataset of each chunk (a union mixes datasets)
    private final int[] chunks;
    private final long[] cumulativeFrames; // cumulativeFrames[k] = frames of chunks[0..k]

    ChunkSet(DomainDataset dataset, int[] chunks) {
        this(dataset, filled(dataset, chunks.length), chunks);
    }

    private ChunkSet(DomainDataset dataset, DomainDataset[] sources, int[] chunks) {
        this.dataset = dataset;
        this.sources = sources.clone();
        this.chunks = chunks.clone();
        this.cumulativeFrames = new long[chunks.length];
        long sum = 0;
        for (int k = 0; k < chunks.length; k++) {
            sum += sources[k].chunks().get(chunks[k]).frames();
            cumulativeFrames[k] = sum;
        }
    }

    private static DomainDataset[] filled(DomainDataset d, int n) {
        DomainDataset[] out = new DomainDataset[n];
        Arrays.fill(out, d);
        return out;
    }

    /**
     * One set drawing from several sets of the same domain, e.g. the same recordings opened at
     * several octave shifts (register augmentation); crops are drawn in proportion to frames, as
     * in one set. {@link #dataset()} is the first set's; {@link #chunk(int)} indexes
     * {@link #datasetOf(int)}'s chunks.
     *
     * @throws IllegalArgumentException if the list is empty or the sets' spectrogram configs differ
     */
    public static ChunkSet union(List<ChunkSet> sets) {
        if (sets.isEmpty()) throw new IllegalArgumentException("union of no chunk sets");
        DomainDataset first = sets.get(0).dataset;
        int n = sets.stream().mapToInt(ChunkSet::size).sum();
        DomainDataset[] sources = new DomainDataset[n];
        int[] chunks = new int[n];
        int at = 0;
        for (ChunkSet s : sets) {
            if (!s.dataset.config().equals(first.config()))
                throw new IllegalArgumentException("cannot mix chunk sets of different spectrogram configs: " + s.dataset.config() + " vs " + first.config());
            System.arraycopy(s.sources, 0, sources, at, s.size());
            System.arraycopy(s.chunks, 0, chunks, at, s.size());
            at += s.size();
        }
        return new ChunkSet(first, sources, chunks);
    }

    public DomainDataset dataset() { return dataset; }

    /** The dataset the k-th chunk belongs to ({@link #dataset()} unless this is a {@link #union}). */
    public DomainDataset datasetOf(int k) { return sources[k]; }

    /** Number of chunks. */
    public int size() { return chunks.length; }

    public boolean isEmpty() { return chunks.length == 0; }

    /** Index into {@code dataset().chunks()} of this set's k-th chunk. */
    public int chunk(int k) { return chunks[k]; }

    /** Spectrogram frames over all chunks. */
    public long totalFrames() { return chunks.length == 0 ? 0 : cumulativeFrames[chunks.length - 1]; }

    /** The distinct files these chunks come from, in dataset order. */
    public List<String> files() {
        Set<String> out = new LinkedHashSet<>();
        for (int k = 0; k < chunks.length; k++) out.add(sources[k].chunks().get(chunks[k]).file());
        return List.copyOf(out);
    }

    /**
     * Draws one crop of {@code frames} frames: a chunk with probability proportional to its
     * length (so every second of audio is equally likely), then a uniform start in it. A chunk
     * shorter than the crop is placed at a random offset and padded with {@link #PAD_VALUE}
     * (and f0 0 = unvoiced).
     *
     * @param mels      receives (nMels, frames) bin-major at {@code melOffset}
     * @param f0        receives frames f0 values at {@code f0Offset}, or null to skip
     */
    CropSource crop(Random rnd, int frames, float[] mels, int melOffset, float[] f0, int f0Offset) {
        if (chunks.length == 0)
            throw new IllegalStateException("domain '" + dataset.name() + "' has no chunks on this side of the split; "
                    + "use a smaller validation fraction or add files");
        long r = rnd.nextLong(totalFrames());
        int k = Arrays.binarySearch(cumulativeFrames, r + 1);
        if (k < 0) k = -k - 1; // first k with cumulativeFrames[k] > r
        int c = chunks[k];
        DomainDataset dataset = sources[k];
        DomainDataset.Chunk chunk = dataset.chunks().get(c);
        int nMels = dataset.nMels();
        int n = Math.min(frames, chunk.frames());
        int from = 0, at = 0;
        if (chunk.frames() >= frames) {
            from = rnd.nextInt(chunk.frames() - frames + 1);
        } else {
            at = rnd.nextInt(frames - chunk.frames() + 1);
            Arrays.fill(mels, melOffset, melOffset + nMels * frames, PAD_VALUE);
            if (f0 != null) Arrays.fill(f0, f0Offset, f0Offset + frames, 0f);
        }
        dataset.copyMels(c, from, n, mels, melOffset, frames, at);
        if (f0 != null && !dataset.copyF0(c, from, n, f0, f0Offset + at))
            throw new IllegalStateException("domain '" + dataset.name() + "' has no f0 tracks; check hasF0() first");
        double start = chunk.startSeconds() + from / dataset.config().framesPerSecond();
        return new CropSource(chunk.file(), start, n, dataset.octaveShift());
    }
}
