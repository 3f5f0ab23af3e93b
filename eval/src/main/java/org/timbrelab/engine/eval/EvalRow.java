package org.timbrelab.engine.eval;

import java.util.List;

/**
 * One row of the evaluation table: a system (model, ablation, baseline, reference, floor or
 * ceiling) scored on one target domain over one group of inputs ({@link #ALL} or a sub-folder
 * of the inputs). Correlations and errors are medians over clips; NaN where a metric does not
 * apply to the row (e.g. f0 correlation for real-vs-real, FAD for a group row).
 *
 * @param system          row name, e.g. "model (register auto, PGHI)"
 * @param kind            model | ablation | baseline | reference | oracle | floor | ceiling
 * @param domain          target domain
 * @param group           {@link #ALL} or the inputs' group (first sub-folder under the inputs folder)
 * @param clips           clips scored
 * @param domainAccuracy  the headline "heard as the target": the lowest of the listeners' shares in {@code heardAsTarget}
 * @param heardAsTarget   per listener (report order), the share of clips it calls {@code domain}
 * @param heardAsSource   per listener, the share of clips it calls the source domain (e.g. voice)
 * @param listenersAgree  share of clips on which every listener gives the same label
 * @param f0Correlation   median log2-f0 correlation with the input
 * @param centsError      median of mean |cents| against input f0 × 2^k
 * @param loudnessCorrelation          median loudness correlation before any envelope step
 * @param loudnessCorrelationEnveloped median loudness correlation after it
 * @param fadMfcc         Fréchet distance to real clips, MFCC + delta frame embedding
 * @param fadLearned      Fréchet distance to real clips, the MLP listener's embedding
 * @param framesMfcc      frames in this row's set for the MFCC FAD
 * @param framesLearned   frames in this row's set for the learned FAD
 * @param fadExternal     Fréchet distance with a user's TorchScript embedding; NaN without one
 * @param framesExternal  frames in this row's set for that FAD (0 without one)
 * @param octaveFlips     mean over clips of the share of frames voiced in both heard whole octaves off input f0 × 2^k
 * @param f0CorrelationRepaired median f0 correlation with brief octave errors of the tracker repaired
 */
public record EvalRow(String system, String kind, String domain, String group, int clips, double domainAccuracy,
                      List<Double> heardAsTarget, List<Double> heardAsSource, double listenersAgree,
                      double f0Correlation, double centsError, double loudnessCorrelation,
                      double loudnessCorrelationEnveloped, double fadMfcc, double fadLearned,
                      int framesMfcc, int framesLearned, double fadExternal, int framesExternal, double octaveFlips,
                      double f0CorrelationRepaired) {

    /** The group of a row over every input. */
    public static final String ALL = "all";

    public EvalRow {
        heardAsTarget = List.copyOf(heardAsTarget);
        heardAsSource = List.copyOf(heardAsSource);
    }

    public boolean overall() { return ALL.equals(group); }
}
