package org.tkdworkbench.distill;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Mini-batches of clip indices: shuffled by a seeded {@link Random} for training, in order for evaluation. */
public final class Batches {
  private Batches() {}

  /** {@code indices} shuffled (Fisher–Yates with {@code random}) and cut into batches of {@code size}. */
  public static List<int[]> shuffled(int[] indices, int size, Random random) {
    int[] copy = indices.clone();
    for (int i = copy.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return inOrder(copy, size);
  }

  /** {@code indices} cut into consecutive batches of {@code size} (the last may be smaller). */
  public static List<int[]> inOrder(int[] indices, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, found " + size);
    }
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < indices.length; i += size) {
      out.add(Arrays.copyOfRange(indices, i, Math.min(indices.length, i + size)));
    }
    return out;
  }
}
