/**
 * Study machinery kept outside the VAE-GAN's core: starting a run from a trained preset ({@code init:} in a
 * {@code model: vaegan} config: copy, freeze, anchor). The training step knows none of it; an anchor reaches
 * the generators' loss only as an {@link org.timbrelab.engine.vaegan.ExtraGeneratorLoss} made per step by an
 * {@link org.timbrelab.engine.vaegan.study.ExtraLossSource}. What the studies found is in docs/study-n-domains.md.
 */
package org.timbrelab.engine.vaegan.study;
