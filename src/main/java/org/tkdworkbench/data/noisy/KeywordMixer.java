package org.tkdworkbench.data.noisy;

import java.util.Locale;
import org.tkdworkbench.audio.Mixing;
import org.tkdworkbench.audio.WavWriter;

/**
 * Places one keyword clip in noise: the draws (offset, SNR, noise excerpt) from the clip's own
 * random stream, the SNR arithmetic of {@link Mixing}, and the headroom rule.
 *
 * <p>The whole source clip is placed (its near-silence included, as the paper places the 1 s clip),
 * at an offset uniform over every position where it fits; the span reported is its active region.
 * The keyword keeps its level and the noise is scaled to reach the SNR; when the sum would clip a
 * 16-bit file, the whole mixture is scaled down instead, which keeps the SNR.
 */
final class KeywordMixer {
  /** Noise draws tried before a clip is refused because the noise is silent under it. */
  static final int MAX_NOISE_DRAWS = 8;

  /**
   * Noise power (mean square) below which an excerpt cannot carry an SNR: −80 dBFS, where a 16-bit
   * file's quantisation steps would be amplified into the "noise".
   */
  static final double MIN_NOISE_POWER = 1e-8;

  /** A mixed clip and where its keyword is. */
  record Mixed(float[] samples, KeywordSpan span) {}

  /** A clip that cannot be mixed, and why (a sentence for the refused list). */
  static final class Refused extends Exception {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  private final NoiseBank bank;
  private final NoisySpec spec;
  private final int length;

  KeywordMixer(NoiseBank bank, NoisySpec spec) {
    this.bank = bank;
    this.spec = spec;
    this.length = clipSamples(spec);
  }

  /** Samples of every written clip: {@code round(length · rate)}. */
  static int clipSamples(NoisySpec spec) {
    return (int) Math.round(spec.lengthSeconds() * spec.sampleRate());
  }

  /**
   * Mixes {@code keyword} (at the spec's rate) with offset, SNR and noise drawn from the stream of
   * {@code randomKey} (the source clip's id, or that id with a copy suffix), to be written as
   * {@code outputId}.
   */
  Mixed mix(String randomKey, String outputId, float[] keyword) throws Refused {
    int rate = spec.sampleRate();
    if (keyword.length > length) {
      throw new Refused(
          String.format(
              Locale.ROOT,
              "keyword clip is %.3f s, longer than the %.3f s clips being built",
              keyword.length / (double) rate,
              length / (double) rate));
    }
    Mixing.Region active = Mixing.activeRegion(keyword, rate);
    if (active.isEmpty()) {
      throw new Refused("silent: every sample is zero, there is no keyword to place");
    }
    double keywordPower = Mixing.meanPower(keyword, active.start(), active.end());

    // Draw order is fixed (offset, SNR, then noise) so offset and SNR do not change when the set
    // of usable noise files does.
    ClipRandom random = new ClipRandom(spec.seed(), randomKey);
    int offset = random.nextInt(length - keyword.length + 1);
    double snrDb = random.uniform(spec.snrMinDb(), spec.snrMaxDb());
    int from = offset + active.start();
    int to = offset + active.end();

    NoiseBank.Excerpt excerpt = null;
    double noisePower = 0;
    for (int attempt = 0; attempt < MAX_NOISE_DRAWS && noisePower < MIN_NOISE_POWER; attempt++) {
      excerpt = bank.draw(random, length, rate);
      noisePower = Mixing.meanPower(excerpt.samples(), from, to);
    }
    if (noisePower < MIN_NOISE_POWER) {
      throw new Refused(
          "the noise is below -80 dBFS where the keyword sits in "
              + MAX_NOISE_DRAWS
              + " draws (e.g. "
              + excerpt.noise().name()
              + "), so no SNR can be set");
    }

    double noiseGain = Mixing.noiseGainForSnr(keywordPower, noisePower, snrDb);
    double[] mixture = Mixing.mix(excerpt.samples(), noiseGain, keyword, 1.0, offset);
    double scale = Mixing.headroomScale(mixture, WavWriter.PCM16_FULL_SCALE);
    float[] out = new float[length];
    for (int i = 0; i < length; i++) {
      out[i] = (float) (mixture[i] * scale);
    }
    KeywordSpan span =
        new KeywordSpan(
            outputId,
            from / (double) rate,
            to / (double) rate,
            snrDb,
            excerpt.noise().name(),
            excerpt.start() / (double) rate,
            offset / (double) rate,
            scale,
            scale * noiseGain);
    return new Mixed(out, span);
  }
}
