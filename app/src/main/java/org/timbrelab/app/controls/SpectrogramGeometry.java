package org.timbrelab.app.controls;

/**
 * Maps between screen pixels and (time, bin) for a spectrogram plot. Frame f covers seconds
 * [f / fps, (f + 1) / fps); bin b covers the band [b, b + 1) counted upward from the plot's bottom.
 *
 * @param left,top,width,height   the plot rectangle in pixels
 * @param startSeconds            time at the plot's left edge
 * @param durationSeconds         seconds across the plot's width
 * @param bins                    rows of the spectrogram
 * @param framesPerSecond         columns per second of audio
 */
public record SpectrogramGeometry(double left, double top, double width, double height,
                                  double startSeconds, double durationSeconds, int bins, double framesPerSecond) {

    public double xOfSeconds(double seconds) { return left + (seconds - startSeconds) / durationSeconds * width; }

    public double secondsAtX(double x) { return startSeconds + (x - left) / width * durationSeconds; }

    /** Frame under pixel column x (may be out of range; callers clamp). */
    public int frameAtX(double x) { return (int) Math.floor(secondsAtX(x) * framesPerSecond); }

    /** Pixel y of a fractional bin position (bin edge b at the bottom of band b). */
    public double yOfBin(double bin) { return top + height - bin / bins * height; }

    /** Bin under pixel row y. */
    public int binAtY(double y) { return (int) Math.floor((top + height - y) / height * bins); }

    public boolean contains(double x, double y) { return x >= left && x < left + width && y >= top && y < top + height; }
}
