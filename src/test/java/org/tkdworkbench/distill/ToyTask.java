package org.tkdworkbench.distill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.features.FeatureSpec;

/**
 * A generated task whose class depends on WHEN a tone occurs: log-mel-like noise (mean −5, sd 0.5)
 * with a bright band (mels 2..4, +5) for {@link #TONE_FRAMES} frames, starting in the first half
 * (class "early") or the second half (class "late") of the clip. No audio is involved.
 */
final class ToyTask {
  static final int FRAMES = 48;
  static final int MELS = 8;
  static final int TONE_FRAMES = 4;
  static final double NOISE = 0.5;
  static final FeatureSpec FEATURES = new FeatureSpec(16000, 512, 400, 160, MELS, 0.0, null);

  final ClipTensors data;
  /** First frame of each clip's tone. */
  final int[] toneStart;

  ToyTask(int train, int validation, int test, long seed) {
    Random r = new Random(seed);
    List<Clip> clips = new ArrayList<>();
    List<float[][]> feats = new ArrayList<>();
    int n = train + validation + test;
    toneStart = new int[n];
    for (int i = 0; i < n; i++) {
      Split split = i < train ? Split.TRAIN : i < train + validation ? Split.VALIDATION : Split.TEST;
      boolean late = r.nextBoolean();
      int half = FRAMES / 2;
      int start = (late ? half : 0) + r.nextInt(half - TONE_FRAMES + 1);
      toneStart[i] = start;
      float[][] x = new float[FRAMES][MELS];
      for (int f = 0; f < FRAMES; f++) {
        for (int m = 0; m < MELS; m++) {
          x[f][m] = (float) (-5 + NOISE * r.nextGaussian());
        }
      }
      for (int f = start; f < Math.min(FRAMES, start + TONE_FRAMES); f++) {
        for (int m = 2; m <= 4; m++) {
          x[f][m] += 5f;
        }
      }
      String id = String.format("clip%03d", i);
      clips.add(new Clip(id, Path.of("/toy/" + id + ".wav"), late ? "late" : "early", split));
      feats.add(x);
    }
    data = new ClipTensors(clips, feats, List.of("early", "late"), false, List.of());
  }
}
