package org.timbrelab.engine.eval;

/**
 * One row of the evaluation table: a system (model, ablation, baseline, floor or ceiling)
 * scored on one target domain. Correlations and errors are medians over clips; NaN where a
 * metric does not apply to the row (e.g. f0 correlation for real-vs-real).
 *
 * @param system          row name, e.g. "model (register auto, PGHI)"
 * @param kind            model | ablation | baseline | floor | ceiling
 * @param domain          target domain
 * @param clips           clips scored
 * @param domainAccuracy  fraction of clips the classifier calls {@code domain}
 * @param f0Correlation   median log2-f0 correlation with the input
 * @param centsError      median of mean |cents| against input f0 × 2^k
 * @param loudnessCorrelation          median loudness correlation before any envelope step
 * @param loudnessCorrelationEnveloped median loudness correlation after it
 * @param fadMfcc         Fréchet distance to real clips, MFCC + delta frame embedding
 * @param fadLearned      Fréchet distance to real clips, the classifier's embedding
 * @param framesMfcc      frames in this row's set for the MFCC FAD
 * @param framesLearned   frames in this row's set for the learned FAD
 * @param fadExternal     Fréchet distance with a user's TorchScript embedding; NaN without one
 * @param framesExternal  frames in this row's set for that FAD (0 without one)
 * @param octaveFlips     mean over clips of the share of frames voiced in both heard whole octaves off input f0 × 2^k
 * @param f0CorrelationRepaired median f0 correlation with brief octave errors of the tracker repaired
 */
public record EvalRow(String system, String kind, String domain, int clips, double domainAccuracy,
                      double f0Correlation, double centsError, double loudnessCorrelation,
                      double loudnessCorrelationEnveloped, double fadMfcc, double fadLearned,
                      int framesMfcc, int framesLearned, double fadExternal, int framesExternal, double octaveFlips,
                      double f0CorrelationRepaired) {

    /** A row without the optional TorchScript-embedding FAD, an octave-flip share or the repaired f0 correlation. */
    public EvalRow(String system, String kind, String domain, int clips, double domainAccuracy,
                   double f0Correlation, double centsError, double loudnessCorrelation,
                   double loudnessCorrelationEnveloped, double fadMfcc, double fadLearned,
                   int framesMfcc, int framesLearned) {
        this(system, kind, domain, clips, domainAccuracy, f0Correlation, centsError, loudnessCorrelation,
                loudnessCorrelationEnveloped, fadMfcc, fadLearned, framesMfcc, framesLearned, Double.NaN, 0, Double.NaN, Double.NaN);
    }
}
