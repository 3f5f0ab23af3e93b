package org.timbrelab.app.model;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.Spectrogram;

/**
 * One conversion result: the target domain, the audio, its spectrogram (model output, before the
 * vocoder) and the octave shift that was actually applied to the input.
 */
public record ConvertedOutput(String domain, AudioClip audio, Spectrogram spectrogram, int appliedOctaves) { }
