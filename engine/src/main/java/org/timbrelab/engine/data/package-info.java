/**
 * Training data: domain datasets (folders of recordings or NSynth sets → cached log-mel chunks),
 * splits, balanced crop sampling with background prefetch and DJL batches, and the renderers
 * that make instrument and speech corpora. Start at {@link org.timbrelab.engine.data.DomainDataset}.
 */
package org.timbrelab.engine.data;
