package org.timbrelab.engine.data;

import org.timbrelab.dsp.SpectrogramConfig;

import java.util.List;

/**
 * The small JSON index of a dataset cache folder ({@code index.json}); the spectrograms and f0
 * tracks themselves are in little-endian float32 shard files next to it, memory-mapped on open.
 *
 * @param format     layout version of the cache; a different one is rebuilt
 * @param key        the cache key (hash of file contents + extractor key) = the folder's name
 * @param extractor  the extractor's cache key text, for humans reading the index
 * @param config     spectrogram config of every chunk
 * @param melShards  number of {@code mels-NNN.f32} files
 * @param f0Shards   number of {@code f0-NNN.f32} files (0 without pitch tracking)
 * @param files      every audio file found, in source order, including skipped ones
 * @param chunks     every chunk, grouped by file in file order
 * @param medianF0Hz median f0 over all voiced frames of the domain, or null if unknown
 */
record CacheIndex(int format, String key, String extractor, SpectrogramConfig config,
                  int melShards, int f0Shards, List<FileEntry> files, List<ChunkEntry> chunks, Double medianF0Hz) {

    static final int FORMAT = 1;

    /**
     * @param path    path relative to the dataset folder, '/'-separated
     * @param sha256  hash of the file's contents
     * @param seconds decoded duration (0 if skipped)
     * @param skipped why the file was not used, or null
     * @param unreadable true if it was skipped because it could not be decoded (warned about on every open)
     */
    record FileEntry(String path, String sha256, double seconds, String skipped, boolean unreadable) { }

    /**
     * @param file         index into {@code files}
     * @param startSeconds where the chunk starts in its file
     * @param frames       spectrogram frames
     * @param melShard     shard file of the (nMels × frames, bin-major) mel values
     * @param melOffset    offset in floats into that shard
     * @param f0Shard      shard file of the f0 track (frames floats), -1 if none
     * @param f0Offset     offset in floats into that shard
     */
    record ChunkEntry(int file, double startSeconds, int frames, int melShard, long melOffset, int f0Shard, long f0Offset) { }
}
