package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.engine.infer.Converter;
import org.timbrelab.engine.infer.Latent;
import org.timbrelab.engine.infer.Register;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The examples page's view of a preset: conversions with Auto register and PGHI, spherical
 * latent interpolation between two register-matched inputs, and decodings of standard-normal
 * latent maps (pitch-conditioned presets get a constant note at the domain's median f0).
 */
public final class ConverterExamples implements ExampleModel {

    private final Converter converter;

    public ConverterExamples(Converter converter) { this.converter = converter; }

    @Override public String name() { return converter.info().name(); }

    @Override public List<String> domains() { return converter.info().domainNames(); }

    @Override public Map<String, AudioClip> convertAll(AudioClip input) {
        Map<String, AudioClip> out = new java.util.LinkedHashMap<>();
        converter.convertAll(input, Register.AUTO).forEach((d, c) -> out.put(d, c.audio()));
        return out;
    }

    @Override public List<AudioClip> interpolate(AudioClip a, AudioClip b, String domain, int steps) {
        synchronized (converter) {
            Latent za = converter.encode(a, converter.shiftFor(a, domain, Register.AUTO));
            Latent zb = converter.encode(b, converter.shiftFor(b, domain, Register.AUTO));
            List<AudioClip> out = new ArrayList<>();
            for (int s = 0; s < steps; s++) {
                Latent z = Converter.slerp(za, zb, s / (double) (steps - 1));
                out.add(converter.decode(z, domain, z.f0Hz()));
            }
            return out;
        }
    }

    @Override public AudioClip sample(String domain, double seconds, long seed) {
        synchronized (converter) {
            var cfg = converter.preset().model().config();
            int specFrames = (int) Math.round(seconds * converter.spectrogramConfig().framesPerSecond());
            int frames = (specFrames + 3) / 4;
            int channels = cfg.latentChannels(), bins = cfg.melBins() / 4;
            Random rnd = new Random(seed);
            float[] v = new float[channels * bins * frames];
            for (int i = 0; i < v.length; i++) v[i] = (float) rnd.nextGaussian();
            float[] f0 = null;
            if (converter.info().pitchConditioning()) {
                f0 = new float[frames * 4];
                Arrays.fill(f0, (float) converter.info().domain(domain).medianF0Hz());
            }
            return converter.decode(new Latent(v, channels, bins, frames, specFrames, f0, 0), domain, f0);
        }
    }
}
