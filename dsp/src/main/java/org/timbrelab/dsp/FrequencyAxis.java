package org.timbrelab.dsp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Where frequencies sit on a spectrogram's bin axis: mel bands (centres equally spaced in mel
 * between fMin and fMax, as the filterbank's centre points mel(fMin) + (i+1)·Δ, Δ = span/(nMels+1))
 * or linear STFT bins (k·sr/nFft). Used to label picture axes.
 */
abstract class FrequencyAxis {

    /** Fractional bin whose centre is at {@code hz}. */
    abstract double binOf(double hz);

    abstract String label();

    /** Round frequencies worth labelling, low to high, within the axis. */
    abstract List<Double> candidateTicks();

    static FrequencyAxis of(Spectrogram s) {
        SpectrogramConfig c = s.config();
        if (s.bins() == c.nMels()) return new Mel(c);
        if (s.bins() == c.freqBins()) return new Linear(c);
        throw new IllegalArgumentException("spectrogram has " + s.bins() + " bins; expected " + c.nMels()
                + " mel bands or " + c.freqBins() + " STFT bins for its config");
    }

    static final class Mel extends FrequencyAxis {
        private final DoubleUnaryOperator band;
        private final SpectrogramConfig c;

        Mel(SpectrogramConfig c) {
            this.c = c;
            this.band = MelScale.bandOf(c);
        }

        @Override double binOf(double hz) { return band.applyAsDouble(hz); }

        @Override String label() { return "frequency (Hz, mel scale)"; }

        @Override List<Double> candidateTicks() {
            List<Double> out = new ArrayList<>();
            for (double hz : new double[] {50, 100, 200, 300, 500, 700, 1000, 1500, 2000, 3000, 4000, 5000, 6000, 8000, 10000, 12000, 16000, 20000})
                if (hz >= c.fMin() && hz <= c.fMax()) out.add(hz);
            return out;
        }
    }

    static final class Linear extends FrequencyAxis {
        private final SpectrogramConfig c;

        Linear(SpectrogramConfig c) { this.c = c; }

        @Override double binOf(double hz) { return hz * c.nFft() / c.sampleRate(); }

        @Override String label() { return "frequency (Hz)"; }

        @Override List<Double> candidateTicks() {
            List<Double> out = new ArrayList<>();
            double nyquist = c.sampleRate() / 2.0;
            double step = SpectrogramImage.niceStep(nyquist, 10);
            for (double hz = 0; hz <= nyquist + 1e-9; hz += step) out.add(hz);
            return out;
        }
    }
}
