/**
 * Training on DJL without DJL's Trainer: an own Adam whose moments are saved in checkpoints,
 * a short {@link org.timbrelab.engine.train.TrainingLoop} that emits events to listeners
 * (console progress, metrics JSONL, checkpoints, report), and atomic checkpoints for exact resume.
 */
package org.timbrelab.engine.train;
