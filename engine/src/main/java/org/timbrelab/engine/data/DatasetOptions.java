package org.timbrelab.engine.data;

import org.timbrelab.dsp.SpectrogramConfig;

import java.nio.file.Path;

/**
 * How a folder of recordings becomes cached spectrogram chunks. Everything here except
 * {@code cacheRoot} is part of the cache key: change it and the cache is rebuilt.
 *
 * @param spectrogram     the model's spectrogram config (sample rate, mel bands, dB floor …)
 * @param cacheRoot       folder holding one sub-folder per (file contents + options) hash
 * @param chunkSeconds    long recordings are cut into chunks of at most this many seconds
 * @param minChunkSeconds chunks shorter than this (after silence trimming) are dropped
 * @param silenceDb       level in dB relative to the file's loudest 10-ms frame below which leading and
 *                        trailing audio counts as silence (dsp AudioOps.trimSilence)
 * @param trackPitch      also store a per-frame f0 track (needs dsp Pitch; ignored without it)
 * @param gapDb           if &gt; 0, spectrogram frames whose loudest mel band lies more than this many dB under the
 *                        chunk's loudest value are dropped ({@link SilentFrames}); 0 keeps every frame
 */
public record DatasetOptions(SpectrogramConfig spectrogram, Path cacheRoot, double chunkSeconds,
                             double minChunkSeconds, double silenceDb, boolean trackPitch, double gapDb) {

    /** Default cache location, relative to the working directory (git-ignored data/). */
    public static final Path DEFAULT_CACHE_ROOT = Path.of("data", ".cache");

    public DatasetOptions {
        if (spectrogram == null) throw new IllegalArgumentException("spectrogram config must not be null");
        if (cacheRoot == null) throw new IllegalArgumentException("cacheRoot must not be null");
        if (!(chunkSeconds > 0)) throw new IllegalArgumentException("chunkSeconds must be > 0, got " + chunkSeconds);
        if (!(minChunkSeconds >= 0 && minChunkSeconds <= chunkSeconds))
            throw new IllegalArgumentException("minChunkSeconds must be in 0.." + chunkSeconds + ", got " + minChunkSeconds);
        if (!(silenceDb < 0)) throw new IllegalArgumentException("silenceDb must be negative (dB below the loudest frame), got " + silenceDb);
        if (!(gapDb >= 0)) throw new IllegalArgumentException("gapDb must be >= 0 (0 keeps every frame), got " + gapDb);
    }

    /** The default spectrogram (docs/ARCHITECTURE.md, "Audio conventions"), cache in data/.cache, 4-s chunks (one NSynth note), ≥ 0.25 s, silence 50 dB below the loudest frame, f0 on. */
    public static DatasetOptions defaults() {
        return new DatasetOptions(SpectrogramConfig.DEFAULT, DEFAULT_CACHE_ROOT, 4.0, 0.25, -50.0, true, 0);
    }

    public DatasetOptions withSpectrogram(SpectrogramConfig c) {
        return new DatasetOptions(c, cacheRoot, chunkSeconds, minChunkSeconds, silenceDb, trackPitch, gapDb);
    }

    public DatasetOptions withCacheRoot(Path root) {
        return new DatasetOptions(spectrogram, root, chunkSeconds, minChunkSeconds, silenceDb, trackPitch, gapDb);
    }

    public DatasetOptions withChunkSeconds(double max, double min) {
        return new DatasetOptions(spectrogram, cacheRoot, max, min, silenceDb, trackPitch, gapDb);
    }

    public DatasetOptions withSilenceDb(double db) {
        return new DatasetOptions(spectrogram, cacheRoot, chunkSeconds, minChunkSeconds, db, trackPitch, gapDb);
    }

    /** Drops frames more than {@code db} dB under the chunk's loudest value (0 keeps every frame). */
    public DatasetOptions withGapDb(double db) {
        return new DatasetOptions(spectrogram, cacheRoot, chunkSeconds, minChunkSeconds, silenceDb, trackPitch, db);
    }

    public DatasetOptions withTrackPitch(boolean on) {
        return new DatasetOptions(spectrogram, cacheRoot, chunkSeconds, minChunkSeconds, silenceDb, on, gapDb);
    }
}
