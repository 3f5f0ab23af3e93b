package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;

import java.util.function.UnaryOperator;

/** A named clip → clip processing of real clips, e.g. a vocoder round trip for the ceiling rows. */
public record RoundTrip(String name, UnaryOperator<AudioClip> apply) { }
