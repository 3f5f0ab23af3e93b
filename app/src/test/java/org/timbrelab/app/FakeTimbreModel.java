package org.timbrelab.app;

import org.timbrelab.app.controls.LatentPoint;
import org.timbrelab.app.model.ConvertedOutput;
import org.timbrelab.app.model.DomainInfo;
import org.timbrelab.app.model.Latent;
import org.timbrelab.app.model.Notes;
import org.timbrelab.app.model.Register;
import org.timbrelab.app.model.TimbreModel;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in model for UI tests: "converting" returns the input, register-shifted by the real
 * dsp transform (Auto = +1 octave), and latents are the clip's samples scaled. It exercises the
 * app's plumbing (threads, caching, views), not the network.
 */
public final class FakeTimbreModel implements TimbreModel {
    private final AudioTransform transform = new AudioTransform(SpectrogramConfig.DEFAULT);
    public final AtomicInteger converts = new AtomicInteger(), decodes = new AtomicInteger();

    @Override public String name() { return "fake-strings"; }

    @Override public List<DomainInfo> domains() {
        return List.of(new DomainInfo("voice", "#4fc3f7", 120), new DomainInfo("violin", "#ffb74d", 300),
                new DomainInfo("cello", "#e57373", 150));
    }

    @Override public SpectrogramConfig spectrogramConfig() { return SpectrogramConfig.DEFAULT; }

    /** The note choice of the last conversion. */
    public volatile Notes lastNotes;

    @Override public ConvertedOutput convert(AudioClip input, String domain, Register register, Notes notes) {
        converts.incrementAndGet();
        lastNotes = notes;
        int k = register.auto() ? 1 : register.octaves();
        return new ConvertedOutput(domain, input, transform.forward(input, k), k);
    }

    @Override public Latent encode(AudioClip input, String source) {
        return new Latent(input, 0.5, 0.25, source);
    }

    /** The register of the last decode that named one (a latent drag). */
    public volatile Register lastDecodeRegister;

    @Override public AudioClip decode(Latent latent, String domain) {
        decodes.incrementAndGet();
        return (AudioClip) latent.handle();
    }

    /** The note choice of the last decode that named one. */
    public volatile Notes lastDecodeNotes;

    @Override public AudioClip decode(Latent latent, String domain, Register register, Notes notes) {
        lastDecodeRegister = register;
        lastDecodeNotes = notes;
        return decode(latent, domain);
    }

    @Override public Latent moveTo(Latent latent, double x, double y) { return new Latent(latent.handle(), x, y, latent.source()); }

    @Override public Latent interpolate(Latent a, Latent b, double t, boolean slerp) {
        AudioClip ca = (AudioClip) a.handle(), cb = (AudioClip) b.handle();
        float[] out = new float[ca.length()];
        for (int i = 0; i < out.length; i++) out[i] = (float) ((1 - t) * ca.samples()[i] + t * (i < cb.length() ? cb.samples()[i] : 0));
        return new Latent(new AudioClip(out, ca.sampleRate()), 0, 0, "mix");
    }

    @Override public List<LatentPoint> latentPoints() {
        List<LatentPoint> pts = new ArrayList<>();
        String[] d = {"voice", "violin", "cello"};
        for (int i = 0; i < 30; i++) pts.add(new LatentPoint(Math.cos(i) * (1 + i % 3), Math.sin(i) * (1 + i % 3), d[i % 3], d[i % 3] + "/clip" + i + ".wav @ 0.0 s"));
        return pts;
    }

    @Override public List<String> summary() { return List.of("fake model for tests"); }
}
