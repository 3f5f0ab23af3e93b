package org.timbrelab.engine.data;

import org.timbrelab.dsp.ShiftLoudness;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * One timbre domain (a voice, a violin …) as normalised log-mel spectrogram chunks, ready for
 * cropping into training batches.
 *
 * <p>Source: a folder of WAV/AIFF files of any length, rate and channel count, searched
 * recursively (hidden files and folders ignored), or an NSynth jsonwav set (the notes listed in
 * examples.json, audio in audio/*.wav; their pitch and velocity become {@link SourceFile#note()}). Each file is decoded to 16 kHz mono, silence-trimmed, cut into chunks of at most
 * {@link DatasetOptions#chunkSeconds()} and turned into a spectrogram per the options'
 * {@link SpectrogramConfig}. The result is cached in {@code <cacheRoot>/<hash>/} (hash of every
 * file's contents + the options), memory-mapped, so a second open takes about as long as hashing
 * the files. Unreadable files are skipped with a {@link DatasetListener#warning warning} naming
 * them; a folder with no usable audio is a {@link DatasetException}.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * DatasetOptions opts = DatasetOptions.defaults().withSpectrogram(model.spectrogramConfig());
 * DomainDataset voice  = DomainDataset.open(Path.of("data/voice"), opts);
 * DomainDataset violin = DomainDataset.open(Path.of("data/violin"), opts);
 * DatasetSplit v = voice.split(0.1, seed), w = violin.split(0.1, seed);      // by file
 * BalancedSampler train = new BalancedSampler(List.of(v.train(), w.train()), 64, 4, seed);
 * try (BatchPrefetcher batches = new BatchPrefetcher(train, startStep, 4)) {
 *     for (long step = startStep; step < steps; step++) {
 *         StepBatch b = batches.next();                   // == train.batch(step): resumable
 *         try (NDManager m = base.newSubManager()) {
 *             NDArray x0 = b.domain(0).mels(m);           // (4, 1, 128, 64) in [-1, 1]
 *             NDArray f0 = b.domain(1).f0(m);             // (4, 64) Hz, 0 = unvoiced (if hasF0())
 *             ...
 *         }
 *     }
 * }
 * double fTarget = violin.medianF0Hz().orElse(300);      // register matching's target (over all files)
 * // validation: a fixed set of crops, the same on every call and every run
 * StepBatch held = new BalancedSampler(List.of(v.validation(), w.validation()), 64, 16, seed).batch(0);
 * }</pre>
 * Whole chunks (for evaluation or latent plots) are {@link #spectrogram(int)} / {@link #f0(int)} of
 * {@code chunks()} or of a {@link ChunkSet}'s {@link ChunkSet#chunk(int)}; note sets carry
 * {@link SourceFile#note()} (MIDI pitch and velocity).
 *
 * <p>Stale cache folders (from older file contents or options) are not deleted automatically;
 * removing {@code data/.cache} is always safe.
 *
 * <p>Thread safety: an opened dataset is immutable; crops may be read from several threads.
 */
public final class DomainDataset {

    /**
     * An audio file of the source.
     *
     * @param path       relative to the dataset folder, '/'-separated
     * @param seconds    decoded duration (0 if unreadable)
     * @param skipped    why the file is unused (unreadable, silent), or null
     * @param unreadable true if it could not be decoded
     * @param note       pitch and velocity for single-note files (from examples.json or the file name), or null
     */
    public record SourceFile(String path, double seconds, String skipped, boolean unreadable, NoteLabel note) {
        public boolean usable() { return skipped == null; }
    }

    /** A silence-trimmed piece of one file, {@code frames} spectrogram frames long. */
    public record Chunk(int fileIndex, String file, double startSeconds, int frames) { }

    private final String name;
    private final Path source;
    private final SpectrogramConfig config;
    private final Path cacheDir;
    private final boolean fromCache;
    private final List<SourceFile> files;
    private final List<Chunk> chunks;
    private final int[] melShard, f0Shard;
    private final long[] melOffset, f0Offset;
    private final FloatBuffer[] mels, f0;
    private final Double medianF0;
    private final int octaveShift;

    /** Opens {@code dir} with the standard feature extractor, logging warnings. */
    public static DomainDataset open(Path dir, DatasetOptions options) {
        return open(dir, options, DatasetListener.LOGGING);
    }

    /** Opens {@code dir} with the standard feature extractor. */
    public static DomainDataset open(Path dir, DatasetOptions options, DatasetListener listener) {
        return open(dir, StandardFeatures.of(options), options.cacheRoot(), listener);
    }

    /**
     * Opens {@code dir} with every recording moved up by {@code octaves} octaves (spectrogram and
     * f0), cached separately from the unshifted set: register augmentation (docs/ARCHITECTURE.md, "The data pipeline" — the
     * model then trains on inputs shifted as conversion shifts them).
     */
    public static DomainDataset openOctaveShifted(Path dir, DatasetOptions options, int octaves, DatasetListener listener) {
        return openOctaveShifted(dir, options, octaves, false, listener);
    }

    /** As {@link #openOctaveShifted(Path, DatasetOptions, int, DatasetListener)}; {@code keepLoudness}: each frame keeps its A-weighted loudness. */
    public static DomainDataset openOctaveShifted(Path dir, DatasetOptions options, int octaves, boolean keepLoudness, DatasetListener listener) {
        return openOctaveShifted(dir, options, octaves, ShiftLoudness.of(keepLoudness), listener);
    }

    /** As {@link #openOctaveShifted(Path, DatasetOptions, int, DatasetListener)}, each frame's loudness as {@code loudness} says. */
    public static DomainDataset openOctaveShifted(Path dir, DatasetOptions options, int octaves, ShiftLoudness loudness, DatasetListener listener) {
        return open(dir, octaves == 0 ? StandardFeatures.of(options) : StandardFeatures.octaveShifted(options, octaves, loudness), options.cacheRoot(), listener);
    }

    /**
     * Opens {@code dir}: hashes its audio files, opens the matching cache folder under
     * {@code cacheRoot} or builds it with {@code fx}.
     *
     * @throws DatasetException if the folder is missing, holds no audio, or no file is usable
     */
    public static DomainDataset open(Path dir, FeatureExtractor fx, Path cacheRoot, DatasetListener listener) {
        AudioSources.Listing listing = AudioSources.list(dir, listener);
        List<Path> files = listing.files();
        Map<String, NoteLabel> notes = new HashMap<>();
        listing.notes().forEach((f, note) -> notes.put(AudioSources.relativeName(dir, f), note));
        List<String> names = new ArrayList<>(files.size());
        List<String> hashes = new ArrayList<>(files.size());
        for (Path f : files) {
            names.add(AudioSources.relativeName(dir, f));
            try {
                hashes.add(ContentHash.ofFile(f));
            } catch (IOException e) {
                throw new DatasetException("cannot read " + f + ": " + e.getMessage() + "; check the file's permissions", e);
            }
        }
        String key = SpectrogramCache.key(names, hashes, fx.cacheKey());
        SpectrogramCache.Opened opened = SpectrogramCache.open(cacheRoot.resolve(key), key, listener);
        boolean fromCache = opened != null;
        if (fromCache) {
            // The build warned about these already; a later run should still hear about them.
            for (CacheIndex.FileEntry f : opened.index().files())
                if (f.skipped() != null)
                    listener.warning("skipping " + dir.resolve(f.path()) + ": "
                            + (f.unreadable() ? "not readable audio (" + f.skipped() + ")" : f.skipped()));
        } else {
            try {
                opened = SpectrogramCache.build(cacheRoot, key, dir, files, names, hashes, fx, listener);
            } catch (IOException e) {
                throw new DatasetException("cannot write the dataset cache under " + cacheRoot + ": " + e.getMessage()
                        + "; check free disk space and permissions, or choose another cache folder", e);
            }
        }
        return new DomainDataset(dir, opened, fromCache, notes, fx.octaveShift());
    }

    private DomainDataset(Path source, SpectrogramCache.Opened opened, boolean fromCache, Map<String, NoteLabel> notes, int octaveShift) {
        this.octaveShift = octaveShift;
        CacheIndex index = opened.index();
        this.name = source.toAbsolutePath().normalize().getFileName() == null ? source.toString()
                : source.toAbsolutePath().normalize().getFileName().toString();
        this.source = source;
        this.config = index.config();
        this.cacheDir = opened.dir();
        this.fromCache = fromCache;
        this.mels = opened.mels();
        this.f0 = opened.f0();
        this.medianF0 = index.medianF0Hz();
        List<SourceFile> fl = new ArrayList<>();
        for (CacheIndex.FileEntry f : index.files()) fl.add(new SourceFile(f.path(), f.seconds(), f.skipped(), f.unreadable(),
                    notes.getOrDefault(f.path(), NoteLabel.fromFileName(f.path()))));
        this.files = Collections.unmodifiableList(fl);
        int n = index.chunks().size();
        List<Chunk> cl = new ArrayList<>(n);
        melShard = new int[n];
        f0Shard = new int[n];
        melOffset = new long[n];
        f0Offset = new long[n];
        for (int i = 0; i < n; i++) {
            CacheIndex.ChunkEntry c = index.chunks().get(i);
            cl.add(new Chunk(c.file(), fl.get(c.file()).path(), c.startSeconds(), c.frames()));
            melShard[i] = c.melShard();
            melOffset[i] = c.melOffset();
            f0Shard[i] = c.f0Shard();
            f0Offset[i] = c.f0Offset();
        }
        this.chunks = Collections.unmodifiableList(cl);
        if (n == 0) {
            long unreadable = files.stream().filter(SourceFile::unreadable).count();
            throw new DatasetException("dataset folder " + source + " has no usable audio: " + unreadable + " of " + files.size()
                    + " file(s) unreadable, the rest silent or shorter than the minimum chunk; check the warnings above");
        }
    }

    /** Name of the domain: the folder's name. */
    public String name() { return name; }

    /** Whole octaves its recordings were moved up by before analysis ({@link #openOctaveShifted}); 0 if unshifted. */
    public int octaveShift() { return octaveShift; }

    public Path source() { return source; }

    public SpectrogramConfig config() { return config; }

    public int nMels() { return config.nMels(); }

    /** The cache folder this dataset is mapped from. */
    public Path cacheDir() { return cacheDir; }

    /** True if no audio was decoded: the cache matched. */
    public boolean loadedFromCache() { return fromCache; }

    /** Every audio file found, in source order, including skipped ones. */
    public List<SourceFile> files() { return files; }

    /** Skipped files (relative path → reason). */
    public Map<String, String> skippedFiles() {
        Map<String, String> out = new LinkedHashMap<>();
        for (SourceFile f : files) if (!f.usable()) out.put(f.path(), f.skipped());
        return out;
    }

    public List<Chunk> chunks() { return chunks; }

    /** Total decoded duration of the usable files, seconds (before trimming). */
    public double totalSeconds() {
        return files.stream().mapToDouble(SourceFile::seconds).sum();
    }

    /** True if every chunk has an f0 track. */
    public boolean hasF0() {
        for (int s : f0Shard) if (s < 0) return false;
        return true;
    }

    /** Median f0 over every voiced frame of the domain (the register-matching target), if tracked. */
    public OptionalDouble medianF0Hz() {
        return medianF0 == null ? OptionalDouble.empty() : OptionalDouble.of(medianF0);
    }

    /** Chunk {@code i}'s spectrogram (a copy). */
    public Spectrogram spectrogram(int i) {
        int frames = chunks.get(i).frames();
        float[] v = new float[nMels() * frames];
        mels[melShard[i]].get((int) melOffset[i], v, 0, v.length);
        return new Spectrogram(v, nMels(), frames, config);
    }

    /** Chunk {@code i}'s f0 track in Hz per frame (0 = unvoiced), a copy; null if not tracked. */
    public float[] f0(int i) {
        if (f0Shard[i] < 0) return null;
        float[] v = new float[chunks.get(i).frames()];
        f0[f0Shard[i]].get((int) f0Offset[i], v, 0, v.length);
        return v;
    }

    /**
     * Copies frames [from, from + n) of chunk {@code i}, every mel bin, into {@code dst} laid out
     * as (nMels, dstFrames) bin-major starting at column {@code dstFrame} of the image at {@code dstOffset}.
     */
    void copyMels(int i, int from, int n, float[] dst, int dstOffset, int dstFrames, int dstFrame) {
        int frames = chunks.get(i).frames();
        FloatBuffer buf = mels[melShard[i]];
        int base = (int) melOffset[i];
        for (int b = 0; b < nMels(); b++)
            buf.get(base + b * frames + from, dst, dstOffset + b * dstFrames + dstFrame, n);
    }

    /** Copies f0 frames [from, from + n) of chunk {@code i} to {@code dst[dstOffset..]}; false if not tracked. */
    boolean copyF0(int i, int from, int n, float[] dst, int dstOffset) {
        if (f0Shard[i] < 0) return false;
        f0[f0Shard[i]].get((int) f0Offset[i] + from, dst, dstOffset, n);
        return true;
    }

    /** All chunks of all usable files. */
    public ChunkSet all() {
        int[] idx = new int[chunks.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        return new ChunkSet(this, idx);
    }

    /**
     * Splits by file, never by crop: a file's chunks all go to one side. The usable files are
     * shuffled with {@code seed} and the first round(fraction × files) become validation (at least
     * one, and at least one left for training, when there are two or more files and fraction > 0).
     * The same files and seed always give the same split.
     */
    public DatasetSplit split(double validationFraction, long seed) {
        if (!(validationFraction >= 0 && validationFraction < 1))
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        List<Integer> used = new ArrayList<>();
        boolean[] hasChunk = new boolean[files.size()];
        for (Chunk c : chunks) hasChunk[c.fileIndex()] = true;
        for (int f = 0; f < files.size(); f++) if (hasChunk[f]) used.add(f);
        Collections.shuffle(used, new Random(seed));
        int nVal = (int) Math.round(validationFraction * used.size());
        if (validationFraction > 0 && used.size() >= 2) nVal = Math.max(1, Math.min(used.size() - 1, nVal));
        boolean[] isVal = new boolean[files.size()];
        for (int k = 0; k < nVal; k++) isVal[used.get(k)] = true;
        List<Integer> train = new ArrayList<>(), val = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) (isVal[chunks.get(i).fileIndex()] ? val : train).add(i);
        return new DatasetSplit(new ChunkSet(this, train.stream().mapToInt(Integer::intValue).toArray()),
                new ChunkSet(this, val.stream().mapToInt(Integer::intValue).toArray()));
    }

    @Override public String toString() {
        return "DomainDataset[" + name + ": " + files.size() + " files, " + chunks.size() + " chunks, "
                + String.format("%.1f s", totalSeconds()) + (fromCache ? ", cached" : "") + "]";
    }
}
