package org.tkdworkbench.models;

import org.tkdworkbench.features.FeatureSpec;

/**
 * Turns log-mel matrices into the teacher's input: token {@code i} is frames {@code [i·stride, i·stride
 * + framesPerToken)} flattened frame by frame. Done in Java because the engine lacks {@code gather}
 * and {@code pad} (STACK.md). A batch pads shorter clips with the log floor (silence) and marks their
 * missing tokens in a key mask so that no real token attends to padding.
 */
public final class TeacherTokens {
  /** The value of a silent log-mel bin: {@code ln(LOG_FLOOR)}. */
  public static final float PAD = (float) Math.log(FeatureSpec.LOG_FLOOR);

  private TeacherTokens() {}

  /**
   * A padded batch, row-major.
   *
   * @param tokens {@code [batch][maxTokens][inputDim]} flattened
   * @param mask {@code [batch][maxTokens]}, 1 for a real token, 0 for padding
   * @param tokenCounts real tokens per clip
   */
  public record Batch(float[] tokens, float[] mask, int[] tokenCounts, int batch, int maxTokens, int inputDim) {}

  /** Packs {@code clips} (each {@code [frames][mels]}) into one padded batch. */
  public static Batch batch(java.util.List<float[][]> clips, TeacherConfig config, int mels) {
    int fpt = config.framesPerToken();
    int stride = config.tokenStride();
    int dim = fpt * mels;
    int n = clips.size();
    int[] counts = new int[n];
    int max = 1;
    for (int c = 0; c < n; c++) {
      counts[c] = config.tokenCount(clips.get(c).length);
      max = Math.max(max, counts[c]);
    }
    float[] tokens = new float[n * max * dim];
    float[] mask = new float[n * max];
    java.util.Arrays.fill(tokens, PAD);
    for (int c = 0; c < n; c++) {
      float[][] clip = clips.get(c);
      for (int i = 0; i < counts[c]; i++) {
        mask[c * max + i] = 1f;
        int base = (c * max + i) * dim;
        for (int f = 0; f < fpt; f++) {
          int frame = i * stride + f;
          if (frame >= clip.length) {
            break; // a clip shorter than one token: the rest stays silent
          }
          float[] row = clip[frame];
          if (row.length != mels) {
            throw new IllegalArgumentException(
                "clip " + c + " frame " + frame + " has " + row.length + " mels, expected " + mels);
          }
          System.arraycopy(row, 0, tokens, base + f * mels, mels);
        }
      }
    }
    return new Batch(tokens, mask, counts, n, max, dim);
  }
}
