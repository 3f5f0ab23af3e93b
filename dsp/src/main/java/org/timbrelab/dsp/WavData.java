package org.timbrelab.dsp;

/**
 * The full content of a WAV file as read by {@link WavIO}: its format and its samples,
 * channel-major ({@code channels[c][i]}), as doubles scaled to [-1, 1): integer PCM value v of
 * b bits is v / 2^(b-1) (8-bit: (u - 128) / 128). Doubles hold every supported encoding
 * exactly, so writing the data back in the same format reproduces the samples bit for bit.
 */
public record WavData(WavFormat format, double[][] channels) {

    public WavData {
        if (channels.length != format.channels())
            throw new IllegalArgumentException("format says " + format.channels() + " channels, got " + channels.length);
        for (double[] c : channels)
            if (c.length != channels[0].length) throw new IllegalArgumentException("channels differ in length");
    }

    /** Samples per channel. */
    public int frames() { return channels[0].length; }

    /** Average of the channels as a float clip at the file's own rate (no resampling). */
    public AudioClip toMonoClip() {
        int n = frames(), c = channels.length;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (double[] ch : channels) s += ch[i];
            out[i] = (float) (s / c);
        }
        return new AudioClip(out, format.sampleRate());
    }

    /** A mono clip as WavData in the given format (its channel count must be 1). */
    public static WavData of(AudioClip clip, WavFormat format) {
        if (format.channels() != 1) throw new IllegalArgumentException("a clip is mono; format has " + format.channels() + " channels");
        if (format.sampleRate() != clip.sampleRate())
            throw new IllegalArgumentException("clip is at " + clip.sampleRate() + " Hz, format at " + format.sampleRate() + " Hz");
        double[] ch = new double[clip.length()];
        for (int i = 0; i < ch.length; i++) ch[i] = clip.samples()[i];
        return new WavData(format, new double[][]{ch});
    }
}
