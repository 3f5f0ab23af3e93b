/**
 * Measuring conversions: two listeners of different kinds with an "other" class (an MLP on windows,
 * whose last hidden layer is the learned FAD embedding, and logistic regression on clip statistics),
 * the controls they must pass first, per-clip scores and table rows (per input group) for models,
 * ablations, baselines, reference outputs, floors and vocoder ceilings, and the report (CSV,
 * Markdown, PNG charts) and examples page writers.
 */
package org.timbrelab.engine.eval;
