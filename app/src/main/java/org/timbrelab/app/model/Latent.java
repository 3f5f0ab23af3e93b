package org.timbrelab.app.model;

/**
 * An encoded clip as the app holds it: an opaque engine handle plus the clip's point in the
 * preset's latent plane (PCA of time-averaged codes, docs/ARCHITECTURE.md, "The preset format").
 */
public record Latent(Object handle, double planeX, double planeY, String source) { }
