package org.timbrelab.engine.nn;

/** How a convolution pads its input so that a stride-1 conv keeps the image size. */
public enum Padding {
    /** Zeros around the image (done inside the native convolution). */
    ZERO,
    /** Mirror the border without repeating the edge (avoids dark frames at clip edges). */
    REFLECT
}
