package org.timbrelab.engine.nn;

/**
 * A square 2-D convolution: channels in → out, kernel k×k, stride, and how the border is padded.
 * Padding keeps size for stride 1 (odd kernels) and halves it for stride 2 with a 4×4 kernel.
 */
public record ConvSpec(int in, int out, int kernel, int stride, Padding padding) {
    public ConvSpec {
        if (in <= 0 || out <= 0) throw new IllegalArgumentException("channels must be > 0, got in=" + in + " out=" + out);
        if (kernel <= 0 || stride <= 0) throw new IllegalArgumentException("kernel and stride must be > 0, got " + kernel + ", " + stride);
    }

    /** Stride-1 "same" convolution with an odd kernel. */
    public static ConvSpec same(int in, int out, int kernel, Padding padding) {
        if (kernel % 2 == 0) throw new IllegalArgumentException("same-size convolution needs an odd kernel, got " + kernel);
        return new ConvSpec(in, out, kernel, 1, padding);
    }

    /** Pixels of padding on each side: (k - 1) / 2 for odd kernels, (k - 2) / 2 for even ones (4×4 stride 2 halves the size). */
    public int pad() { return kernel % 2 == 1 ? (kernel - 1) / 2 : (kernel - 2) / 2; }

    /** Output length along one axis for an input length. */
    public long outSize(long size) { return (size + 2L * pad() - kernel) / stride + 1; }

    /** Multiply-adds per output pixel. */
    public long macsPerPixel() { return (long) in * out * kernel * kernel; }
}
