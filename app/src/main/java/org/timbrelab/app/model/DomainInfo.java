package org.timbrelab.app.model;

/** One timbre domain of a preset: its name, display colour (CSS web colour) and training median f0 (Hz, NaN if unknown). */
public record DomainInfo(String name, String colour, double medianF0) { }
