package org.timbrelab.app.model;

import org.timbrelab.app.controls.LatentPoint;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.List;

/**
 * A loaded preset as the app uses it. Every method may take long (tensors, vocoder): call them
 * off the FX thread only. Implementations are used from one worker thread at a time.
 */
public interface TimbreModel extends AutoCloseable {

    /** Preset name shown in the title and library. */
    String name();

    List<DomainInfo> domains();

    SpectrogramConfig spectrogramConfig();

    /** Converts into one domain with the preset's own note snap. */
    default ConvertedOutput convert(AudioClip input, String domain, Register register) throws Exception {
        return convert(input, domain, register, Notes.PRESET);
    }

    /** Converts into one domain, its pitch held as {@code notes} says. */
    ConvertedOutput convert(AudioClip input, String domain, Register register, Notes notes) throws Exception;

    /** Encodes a clip (μ, no sampling) and places it in the latent plane. */
    Latent encode(AudioClip input, String source) throws Exception;

    /** Decodes a latent into a domain (pitch-conditioned presets use the latent's own pitch track). */
    AudioClip decode(Latent latent, String domain) throws Exception;

    /**
     * Decodes a latent into a domain with the input moved to the register {@code register} means for
     * that domain, the same shift {@link #convert} applies with it, so a drag through the
     * plane keeps the melody where the conversion put it. A latent without a clip behind it (an
     * interpolation) decodes as it is. With the preset's own note snap.
     */
    default AudioClip decode(Latent latent, String domain, Register register) throws Exception { return decode(latent, domain, register, Notes.PRESET); }

    /** As {@link #decode(Latent, String, Register)}, its pitch held as {@code notes} says (as {@link #convert} holds it). */
    AudioClip decode(Latent latent, String domain, Register register, Notes notes) throws Exception;

    /** The latent moved so its plane point lands on (x, y) (the offset in the plane mapped back through the PCA basis). */
    Latent moveTo(Latent latent, double planeX, double planeY) throws Exception;

    /** Interpolates A → B at t ∈ [0, 1]; B is resampled to A's length in time; slerp over the flattened map. */
    Latent interpolate(Latent a, Latent b, double t, boolean slerp) throws Exception;

    /** The preset's stored latent points of its training windows, with sources. */
    List<LatentPoint> latentPoints();

    /** Training summary lines for the library (steps, minutes, final losses); may be empty. */
    List<String> summary();

    @Override default void close() { }
}
