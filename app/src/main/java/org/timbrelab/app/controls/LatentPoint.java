package org.timbrelab.app.controls;

/**
 * One point of a latent scatter: plane coordinates (e.g. the first two principal components),
 * the domain it belongs to, and where it came from (file, window) for the hover text.
 */
public record LatentPoint(double x, double y, String domain, String source) { }
