package org.timbrelab.app.controls;

import org.timbrelab.dsp.SpectrogramConfig;

/**
 * Where a frequency in Hz sits on a spectrogram's bin axis. Mel spectrograms have bands equally
 * spaced in mel between fMin and fMax, so bin centre i is at mel(fMin) + (i + 1)·Δ with
 * Δ = (mel(fMax) − mel(fMin)) / (nMels + 1) (the filterbank's centre points).
 * Kept here (not in dsp) because only the view needs the inverse mapping for axis labels.
 */
public record FrequencyScale(int bins, double fMin, double fMax, boolean slaney) {

    public static FrequencyScale of(SpectrogramConfig config, int bins) {
        return new FrequencyScale(bins, config.fMin(), config.fMax(), "slaney".equals(config.melScale()));
    }

    /** Fractional bin index whose centre is at {@code hz}. */
    public double binOf(double hz) {
        double lo = mel(fMin), hi = mel(fMax);
        double step = (hi - lo) / (bins + 1);
        return (mel(hz) - lo) / step - 1;
    }

    /** Centre frequency in Hz of (fractional) bin {@code bin}. */
    public double hzOf(double bin) {
        double lo = mel(fMin), hi = mel(fMax);
        double step = (hi - lo) / (bins + 1);
        return hz(lo + (bin + 1) * step);
    }

    double mel(double hz) {
        if (!slaney) return 2595.0 * Math.log10(1 + hz / 700.0);
        // Slaney: linear below 1 kHz (200/3 Hz per mel), logarithmic above
        double fSp = 200.0 / 3, minLogHz = 1000.0, minLogMel = minLogHz / fSp, logStep = Math.log(6.4) / 27.0;
        return hz < minLogHz ? hz / fSp : minLogMel + Math.log(hz / minLogHz) / logStep;
    }

    double hz(double mel) {
        if (!slaney) return 700.0 * (Math.pow(10, mel / 2595.0) - 1);
        double fSp = 200.0 / 3, minLogHz = 1000.0, minLogMel = minLogHz / fSp, logStep = Math.log(6.4) / 27.0;
        return mel < minLogMel ? mel * fSp : minLogHz * Math.exp(logStep * (mel - minLogMel));
    }
}
