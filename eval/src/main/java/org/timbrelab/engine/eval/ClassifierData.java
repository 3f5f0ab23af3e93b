package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.Spectrogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Turns real clips per domain into the classifier's labelled spectrograms and adds the
 * {@link DomainClassifier#OTHER} class: white/pink noise, sawtooth and pulse drones at random
 * pitches and levels, and speech clips made unintelligible — smeared in time or frequency,
 * shuffled in blocks, or (when a vocoder is given) resynthesised with a single-iteration phase.
 */
public final class ClassifierData {

    private final AudioTransform transform;
    private final UnaryOperator<AudioClip> garblingVocoder;

    /**
     * @param garblingVocoder a poor round trip (e.g. Griffin-Lim with 1 iteration) used to make
     *                        vocoder-garbled speech for "other", or null to leave that kind out
     */
    public ClassifierData(AudioTransform transform, UnaryOperator<AudioClip> garblingVocoder) {
        this.transform = transform;
        this.garblingVocoder = garblingVocoder;
    }

    /** Spectrograms of every clip, label by label (insertion order kept). */
    public Map<String, List<Spectrogram>> spectrograms(Map<String, List<NamedClip>> clips) {
        Map<String, List<Spectrogram>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<NamedClip>> e : clips.entrySet()) {
            List<Spectrogram> s = new ArrayList<>();
            for (NamedClip c : e.getValue()) s.add(transform.forward(c.clip()));
            out.put(e.getKey(), s);
        }
        return out;
    }

    /**
     * The speech clips moved up by 1 and 2 octaves (the register shift conversion applies before encoding), still
     * speech: a listener that learns them as voice cannot call a chipmunk voice a violin for its pitch alone (the
     * octave-up negative controls, {@link ListenerControls}).
     */
    public List<Spectrogram> raisedSpeech(List<NamedClip> speech) {
        List<Spectrogram> out = new ArrayList<>();
        for (int k = 1; k <= 2; k++)
            for (NamedClip c : speech) out.add(transform.forward(c.clip(), k));
        return out;
    }

    /**
     * The speech clips once more through a random first-order tilt (y[n] = x[n] − a·x[n−1], a in [−0.8, 0.8]: from a
     * dull, bass-heavy recording chain to a thin, bright one), still speech: a voice is a voice whatever the microphone.
     * Only speech is tilted, because an instrument's spectral slope is part of its timbre. The listeners trained without
     * it called a held-out TTS voice of a brighter synthesiser cello. Reproducible from the seed.
     */
    public List<Spectrogram> tiltedSpeech(List<NamedClip> speech, long seed) {
        Random rnd = new Random(seed);
        List<Spectrogram> out = new ArrayList<>();
        for (NamedClip c : speech) out.add(transform.forward(tilt(c.clip(), -0.8 + 1.6 * rnd.nextDouble())));
        return out;
    }

    /**
     * Each clip once more over a steady low sine (55–260 Hz, log-uniform; 15–40 dB under the clip's peak sample), keeping
     * its label: a mains hum, a room's rumble or a generator's drone under a voice does not make it an instrument, nor
     * does one under a violin make it anything else. Reproducible from the seed.
     */
    public List<Spectrogram> hummed(List<NamedClip> clips, long seed) {
        Random rnd = new Random(seed);
        List<Spectrogram> out = new ArrayList<>();
        for (NamedClip c : clips) out.add(transform.forward(withRandomHum(c.clip(), rnd)));
        return out;
    }

    /** {@code clip} over a sine of 55–260 Hz (log-uniform) 15–40 dB under its peak sample. */
    static AudioClip withRandomHum(AudioClip clip, Random rnd) {
        double hz = 55 * Math.pow(260.0 / 55, rnd.nextDouble()), dbDown = 15 + 25 * rnd.nextDouble();
        return ListenerControls.withHum(clip, hz, dbDown);
    }

    /** First-order tilt y[n] = x[n] − a·x[n−1], scaled back to the input's peak. */
    static AudioClip tilt(AudioClip c, double a) {
        float[] x = c.samples(), y = new float[x.length];
        double peakIn = 0, peakOut = 0;
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (x[i] - a * (i > 0 ? x[i - 1] : 0));
            peakIn = Math.max(peakIn, Math.abs(x[i]));
            peakOut = Math.max(peakOut, Math.abs(y[i]));
        }
        return peakOut > 0 ? scale(new AudioClip(y, c.sampleRate()), peakIn / peakOut) : c;
    }

    /**
     * {@code count} "other" examples of about {@code seconds} each: a quarter noise, a quarter
     * drones, half damaged versions of {@code speech} (cycled). Reproducible from the seed.
     */
    public List<Spectrogram> other(List<NamedClip> speech, int count, double seconds, long seed) {
        Random rnd = new Random(seed);
        int rate = transform.config().sampleRate();
        List<Spectrogram> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = speech.isEmpty() ? i % 4 : i % 8;
            double gain = Math.pow(10, (-24 + 18 * rnd.nextDouble()) / 20) / 0.5;     // -24 … -6 dB peak
            switch (kind) {
                case 0 -> out.add(transform.forward(scale(OtherSounds.whiteNoise(seconds, rate, rnd), gain)));
                case 1 -> out.add(transform.forward(scale(OtherSounds.pinkNoise(seconds, rate, rnd), gain)));
                case 2 -> out.add(transform.forward(scale(OtherSounds.sawtoothDrone(f0(rnd), seconds, rate, rnd), gain)));
                case 3 -> out.add(transform.forward(scale(OtherSounds.pulseBuzz(f0(rnd), seconds, rate, rnd), gain)));
                default -> out.add(damaged(speech.get((i / 8 * 4 + kind - 4) % speech.size()).clip(), kind, rnd));
            }
        }
        return out;
    }

    private Spectrogram damaged(AudioClip speech, int kind, Random rnd) {
        Spectrogram s = transform.forward(speech);
        return switch (kind) {
            case 4 -> OtherSounds.smearTime(s, 8 + rnd.nextInt(16));
            case 5 -> OtherSounds.smearFrequency(s, 4 + rnd.nextInt(8));
            case 6 -> OtherSounds.shuffleBlocks(OtherSounds.smearFrequency(s, 2), 2 + rnd.nextInt(3), rnd);
            default -> garblingVocoder != null ? transform.forward(garblingVocoder.apply(speech))
                    : OtherSounds.smearTime(OtherSounds.smearFrequency(s, 3), 4);
        };
    }

    private static double f0(Random rnd) { return 60 * Math.pow(2, 3.3 * rnd.nextDouble()); }   // 60 … 600 Hz

    private static AudioClip scale(AudioClip c, double g) {
        float[] x = c.samples().clone();
        for (int i = 0; i < x.length; i++) x[i] *= (float) g;
        return new AudioClip(x, c.sampleRate());
    }
}
