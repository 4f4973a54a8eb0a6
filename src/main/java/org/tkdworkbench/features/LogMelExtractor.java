package org.tkdworkbench.features;

/**
 * Log-mel spectrogram, librosa conventions. CONTRACT PLACEHOLDER: the features work fills it in.
 * Instances are immutable and thread-safe.
 */
public final class LogMelExtractor {
  private final FeatureSpec spec;

  public LogMelExtractor(FeatureSpec spec) {
    this.spec = spec.requireValid();
  }

  public FeatureSpec spec() {
    return spec;
  }

  /** {@code [frames][nMels]} natural-log mel power, frames = 1 + samples.length / hop. */
  public float[][] compute(float[] samples) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
