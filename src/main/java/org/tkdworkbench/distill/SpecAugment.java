package org.tkdworkbench.distill;

import java.util.Random;

/**
 * SpecAugment's masking (Park et al., Interspeech 2019) on one log-mel clip {@code [frames][mels]}:
 * {@code masks} frequency bands of width uniform in {@code 0..max(1, mels/5)} and {@code masks}
 * time spans of width uniform in {@code 0..max(1, frames/20)}, each at a uniform start, set to {@code fill} (the
 * training features' mean, which the model's input standardisation maps to 0). Time warping is
 * left out: it costs the most and helps the least (the paper's own ablation).
 */
public final class SpecAugment {
  private SpecAugment() {}

  /** Widest frequency mask: a fifth of the mel bins (8 of 40). */
  static int maxBand(int mels) {
    return Math.max(1, mels / 5);
  }

  /** Widest time mask: a twentieth of the frames (20 frames, 0.2 s, of a 4 s clip at 10 ms). */
  static int maxSpan(int frames) {
    return Math.max(1, frames / 20);
  }

  /**
   * A masked copy of {@code clip}; {@code clip} itself is not changed.
   *
   * @param masks masks per axis (0 returns a plain copy)
   */
  public static float[][] masked(float[][] clip, int masks, float fill, Random random) {
    int frames = clip.length;
    float[][] out = new float[frames][];
    for (int f = 0; f < frames; f++) {
      out[f] = clip[f].clone();
    }
    if (frames == 0) {
      return out;
    }
    int mels = clip[0].length;
    for (int k = 0; k < masks; k++) {
      int width = random.nextInt(maxBand(mels) + 1);
      int start = random.nextInt(mels - width + 1);
      for (float[] row : out) {
        java.util.Arrays.fill(row, start, start + width, fill);
      }
    }
    for (int k = 0; k < masks; k++) {
      int width = random.nextInt(maxSpan(frames) + 1);
      int start = random.nextInt(frames - width + 1);
      for (int f = start; f < start + width; f++) {
        java.util.Arrays.fill(out[f], fill);
      }
    }
    return out;
  }
}
