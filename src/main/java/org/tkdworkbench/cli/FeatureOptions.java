package org.tkdworkbench.cli;

import org.tkdworkbench.features.FeatureSpec;
import picocli.CommandLine.Option;

/** The log-mel settings as options, shared by every command that computes features. */
final class FeatureOptions {
  private static final FeatureSpec D = FeatureSpec.defaults();

  @Option(names = "--sample-rate", paramLabel = "HZ", description = "Resample audio to this rate (default: ${DEFAULT-VALUE}).")
  int sampleRate = D.sampleRate();

  @Option(names = "--n-fft", paramLabel = "N", description = "FFT size, a power of two (default: ${DEFAULT-VALUE}).")
  int nFft = D.nFft();

  @Option(names = "--win-length", paramLabel = "N", description = "Hann window length in samples (default: ${DEFAULT-VALUE}).")
  int winLength = D.winLength();

  @Option(names = "--hop-length", paramLabel = "N", description = "Hop between frames in samples (default: ${DEFAULT-VALUE}).")
  int hopLength = D.hopLength();

  @Option(names = "--n-mels", paramLabel = "N", description = "Mel bands (default: ${DEFAULT-VALUE}).")
  int nMels = D.nMels();

  @Option(names = "--fmin", paramLabel = "HZ", description = "Lowest filter frequency (default: ${DEFAULT-VALUE}).")
  double fmin = D.fmin();

  @Option(names = "--fmax", paramLabel = "HZ", description = "Highest filter frequency (default: sample rate / 2).")
  Double fmax;

  /** The spec these options describe; every invalid field is reported at once (exit 2). */
  FeatureSpec toSpec() {
    FeatureSpec spec = new FeatureSpec(sampleRate, nFft, winLength, hopLength, nMels, fmin, fmax);
    var problems = spec.validate();
    if (!problems.isEmpty()) {
      throw new CliUsageException("invalid feature settings:\n  " + String.join("\n  ", problems));
    }
    return spec;
  }
}
