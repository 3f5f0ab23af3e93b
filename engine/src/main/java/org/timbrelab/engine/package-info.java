/**
 * Deep-learning engine on DJL (PyTorch, CPU, offline): datasets, models, losses, training,
 * checkpoints, inference and evaluation. Depends on {@code dsp}, never on JavaFX.
 */
package org.timbrelab.engine;
