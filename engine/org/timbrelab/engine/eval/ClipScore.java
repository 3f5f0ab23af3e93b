package org.timbrelab.engine.eval;

/**
 * One input clip converted by one system into one domain, scored. Values are NaN where a
 * metric does not apply (e.g. no frame voiced in both clips).
 *
 * @param input              input clip name
 * @param system             row name of the system that produced the output
 * @param domain             target domain
 * @param predicted          the classifier's label for the output
 * @param targetProbability  the classifier's mean window probability of {@code domain}
 * @param octaves            register shift k applied to the input (0 when none)
 * @param f0Correlation      Pearson correlation of log2 f0 over frames voiced in both
 * @param centsError         mean |cents| of output f0 against input f0 × 2^k
 * @param loudnessCorrelation          loudness envelope correlation before any envelope step
 * @param loudnessCorrelationEnveloped the same after the envelope step (equal when there is none)
 * @param octaveFlips        share of frames voiced in both whose f0 is whole octaves off input f0 × 2^k
 * @param f0CorrelationRepaired the f0 correlation after brief octave errors of both tracks are repaired ({@link org.timbrelab.dsp.OctaveJumps})
 */
public record ClipScore(String input, String system, String domain, String predicted, double targetProbability,
                        int octaves, double f0Correlation, double centsError,
                        double loudnessCorrelation, double loudnessCorrelationEnveloped, double octaveFlips,
                        double f0CorrelationRepaired) {

    public boolean correct() { return predicted.equals(domain); }
}
