package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;

import java.util.List;
import java.util.Map;

/**
 * What the examples page needs from a trained model: every domain's conversion of a clip, a
 * latent interpolation between two clips, and random samples. Implemented over the preset's
 * {@code Converter}; a seam so the page can be tested without a trained model.
 */
public interface ExampleModel {

    /** Name shown on the page (the preset's name). */
    String name();

    /** Domains in the model's order. */
    List<String> domains();

    /** The clip converted into every domain (domain → audio), register matching on Auto. */
    Map<String, AudioClip> convertAll(AudioClip input);

    /** {@code steps} ≥ 2 clips decoded into {@code domain} from a → b in the latent space (t = 0…1). */
    List<AudioClip> interpolate(AudioClip a, AudioClip b, String domain, int steps);

    /** A clip decoded into {@code domain} from a random latent, reproducible from the seed. */
    AudioClip sample(String domain, double seconds, long seed);
}
