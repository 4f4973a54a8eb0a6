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
 * @param trainingCopies noisy copies written of each <em>training</em> clip, each with its own
 *     offset, SNR and noise excerpt (data augmentation for small datasets); validation and test
 *     clips are written once so their metrics stay one per recording
 */
public record NoisySpec(
    double lengthSeconds, double snrMinDb, double snrMaxDb, long seed, int sampleRate, int trainingCopies) {

  /** Most copies of a training clip a build may ask for. */
  public static final int MAX_COPIES = 100;

  /** One copy of every clip. */
  public NoisySpec(double lengthSeconds, double snrMinDb, double snrMaxDb, long seed, int sampleRate) {
    this(lengthSeconds, snrMinDb, snrMaxDb, seed, sampleRate, 1);
  }

  /** 4 s clips at -6..6 dB SNR, seed 1, 16 kHz, one copy of every clip. */
  public static NoisySpec defaults() {
    return new NoisySpec(4.0, -6.0, 6.0, 1L, 16000, 1);
  }

  /** The same settings with {@code copies} copies of each training clip. */
  public NoisySpec withTrainingCopies(int copies) {
    return new NoisySpec(lengthSeconds, snrMinDb, snrMaxDb, seed, sampleRate, copies);
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
    if (trainingCopies < 1 || trainingCopies > MAX_COPIES) {
      p.add("noisy.copies: must be in 1.." + MAX_COPIES + ", found " + trainingCopies);
    }
    return p;
  }
}
