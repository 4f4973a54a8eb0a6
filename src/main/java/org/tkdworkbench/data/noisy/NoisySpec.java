package org.tkdworkbench.data.noisy;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings of a noisy variant.
 *
 * @param lengthSeconds total clip length (the paper uses 2, 4, 6, 8 s); at least the keyword's
 * @param snrMinDb lowest SNR drawn (dB); DESIGN §1 suggests -6..6 to leave headroom
 * @param snrMaxDb highest SNR drawn (dB), at least {@code snrMinDb}
 * @param seed makes the offsets, SNRs and noise excerpts reproducible
 * @param sampleRate rate of the written clips (Hz)
 */
public record NoisySpec(
    double lengthSeconds, double snrMinDb, double snrMaxDb, long seed, int sampleRate) {

  /** 4 s clips at -6..6 dB SNR, seed 1, 16 kHz. */
  public static NoisySpec defaults() {
    return new NoisySpec(4.0, -6.0, 6.0, 1L, 16000);
  }

  /** Every problem, as {@code field: rule, found value}. */
  public List<String> validate() {
    List<String> p = new ArrayList<>();
    if (!(lengthSeconds > 0) || lengthSeconds > 600) {
      p.add("noisy.length: must be in (0, 600] seconds, found " + lengthSeconds);
    }
    if (!Double.isFinite(snrMinDb) || !Double.isFinite(snrMaxDb) || snrMinDb > snrMaxDb) {
      p.add("noisy.snr: need snr_min <= snr_max, both finite, found " + snrMinDb + ".." + snrMaxDb);
    }
    if (sampleRate < 1000 || sampleRate > 384_000) {
      p.add("noisy.sample_rate: must be in 1000..384000 Hz, found " + sampleRate);
    }
    return p;
  }
}
