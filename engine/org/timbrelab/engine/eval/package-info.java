/**
 * Measuring conversions: a domain classifier with an "other" class (its last hidden layer is the
 * learned FAD embedding), per-clip scores and table rows for models, ablations, baselines, floors
 * and vocoder ceilings, and the report (CSV, Markdown, PNG charts) and examples page writers.
 */
package org.timbrelab.engine.eval;
