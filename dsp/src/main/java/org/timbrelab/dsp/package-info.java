/**
 * Pure-Java audio: clips, WAV I/O, resampling, STFT, mel scale, phase reconstruction, pitch and
 * loudness, and sound devices. Nothing here depends on DJL or JavaFX.
 */
package org.timbrelab.dsp;
