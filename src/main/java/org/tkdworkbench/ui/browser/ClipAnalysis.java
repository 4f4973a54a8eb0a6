package org.tkdworkbench.ui.browser;

import org.tkdworkbench.data.Clip;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.ui.plot.WaveformEnvelope;

/**
 * Everything the browser shows of one decoded clip, computed off the FX thread.
 *
 * @param clip the clip
 * @param samples mono PCM at {@code spec.sampleRate()}, for playback
 * @param logMel {@code [frames][mels]} natural-log mel power for the spectrogram
 * @param spec the settings {@code logMel} was computed with (for the axes)
 * @param envelope the waveform outline
 */
public record ClipAnalysis(
    Clip clip, float[] samples, float[][] logMel, FeatureSpec spec, WaveformEnvelope envelope) {

  public int sampleRate() {
    return spec.sampleRate();
  }

  public double durationSeconds() {
    return samples.length / (double) spec.sampleRate();
  }
}
