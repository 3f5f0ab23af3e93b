package org.timbrelab.engine.data;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * The audio → features steps of a {@link DomainDataset}: decode a file into model-rate,
 * silence-trimmed chunks, turn a chunk into a normalised log-mel spectrogram and optionally an
 * f0 track. {@link #standard(DatasetOptions)} is the one used everywhere; tests may plug another.
 */
public interface FeatureExtractor {

    /** Everything that changes the output (config, parameters, algorithm version) as text; hashed into the cache key. */
    String cacheKey();

    /** The spectrogram config of every spectrogram this extractor makes. */
    SpectrogramConfig config();

    /**
     * Reads {@code file}. Throws (any exception, with a reason) if it is not readable audio:
     * the dataset then skips the file with a warning naming it.
     */
    Decoded decode(Path file) throws Exception;

    /** Normalised log-mel spectrogram of one chunk, values in [-1, 1]. */
    Spectrogram melSpectrogram(AudioClip chunk);

    /**
     * f0 in Hz for each of the {@code frames} spectrogram frames of {@code chunk}, 0 where
     * unvoiced, or {@code null} if this extractor does not track pitch.
     */
    float[] f0(AudioClip chunk, int frames);

    /** Which frames of a chunk's spectrogram to keep (e.g. not the silent ones), or null to keep all. */
    default boolean[] keptFrames(Spectrogram chunk) { return null; }

    /** Whole octaves every recording is moved up by before analysis (register augmentation); 0 for the recordings as they are. */
    default int octaveShift() { return 0; }

    /**
     * A decoded file.
     *
     * @param seconds duration of the whole file (before trimming)
     * @param chunks  silence-trimmed chunks at the config's sample rate; may be empty (all silence)
     * @param startSeconds where each chunk starts in the file
     */
    record Decoded(double seconds, List<AudioClip> chunks, List<Double> startSeconds) {
        public Decoded {
            if (chunks.size() != startSeconds.size())
                throw new IllegalArgumentException(chunks.size() + " chunks but " + startSeconds.size() + " start times");
        }
    }
}
