package org.timbrelab.app.controls;

import org.timbrelab.dsp.MelScale;
import org.timbrelab.dsp.SpectrogramConfig;

/**
 * Where a frequency in Hz sits on a spectrogram's bin axis. Mel spectrograms have bands equally
 * spaced in mel between fMin and fMax, so bin centre i is at mel(fMin) + (i + 1)·Δ with
 * Δ = (mel(fMax) − mel(fMin)) / (nMels + 1) (the filterbank's centre points).
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

    double mel(double hz) { return MelScale.hzToMel(hz, slaney ? MelScale.Scale.SLANEY : MelScale.Scale.HTK); }

    double hz(double mel) { return MelScale.melToHz(mel, slaney ? MelScale.Scale.SLANEY : MelScale.Scale.HTK); }
}
