package org.tkdworkbench.models;

/**
 * What the teacher says about one clip.
 *
 * @param logits one per class (pre-softmax / pre-sigmoid)
 * @param attention every layer's attention weights {@code [L][H][T+1][T+1]}, row = query, column =
 *     key; index 0 is {@code c1}, indices 1..T the input tokens; each row sums to 1
 * @param tokenTimes centre time in seconds of each input token (length T), for plotting against the
 *     spectrogram and interpolating to a student's frames
 */
public record TeacherOutput(float[] logits, float[][][][] attention, double[] tokenTimes) {
  public int layers() {
    return attention.length;
  }

  public int heads() {
    return attention.length == 0 ? 0 : attention[0].length;
  }

  /** Input tokens T (without c1). */
  public int tokens() {
    return tokenTimes.length;
  }
}
