package org.timbrelab.dsp;

/**
 * How {@link AudioTransform#invert} recovers the phase the spectrogram does not store.
 *
 * @param kind       {@link Kind#PGHI} (non-iterative, phase-gradient heap integration) or
 *                   {@link Kind#GRIFFIN_LIM} (fast Griffin-Lim from random phase)
 * @param iterations fast Griffin-Lim iterations: for GRIFFIN_LIM all of them; for PGHI optional
 *                   refinement iterations started from the PGHI phase (0 = plain PGHI)
 */
public record PhaseMethod(Kind kind, int iterations) {

    public enum Kind { PGHI, GRIFFIN_LIM }

    /** Plain PGHI: the default, fast and non-iterative. */
    public static final PhaseMethod PGHI = new PhaseMethod(Kind.PGHI, 0);

    /** Fast Griffin-Lim with 32 iterations (the comparison point in benchmarks). */
    public static final PhaseMethod GRIFFIN_LIM_32 = new PhaseMethod(Kind.GRIFFIN_LIM, 32);

    public PhaseMethod {
        if (kind == null) throw new IllegalArgumentException("kind must not be null");
        if (iterations < 0) throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        if (kind == Kind.GRIFFIN_LIM && iterations == 0) throw new IllegalArgumentException("Griffin-Lim needs at least one iteration");
    }

    public static PhaseMethod griffinLim(int iterations) { return new PhaseMethod(Kind.GRIFFIN_LIM, iterations); }

    /** PGHI followed by {@code refinement} fast Griffin-Lim iterations. */
    public static PhaseMethod pghi(int refinement) { return new PhaseMethod(Kind.PGHI, refinement); }
}
