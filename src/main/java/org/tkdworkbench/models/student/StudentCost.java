package org.tkdworkbench.models.student;

import java.util.List;

/**
 * What a student costs on a device, computed from its spec without building it.
 *
 * <p>{@code parameters}: trainable parameters (batch-norm's running statistics and the stored input
 * normalisation are not counted; after folding into the preceding layer they add nothing).
 * {@code macsPerClip}: multiply-accumulates of one forward pass over one clip of {@code frames}
 * frames, counting convolutions, dense layers, recurrent gate matrices and attention dot products
 * (biases, batch-norm, activations, softmax, pooling and element-wise gate arithmetic are not
 * counted). {@code bytesFp32 = 4 · parameters}. {@code bytesInt8 = parameters + 4 · tensors}:
 * one byte per weight plus one float32 scale per parameter tensor (per-tensor symmetric
 * quantisation; DJL's layout, where each layer's weight and bias and each recurrent matrix is its own
 * tensor).
 *
 * @param parameters trainable parameters
 * @param macsPerClip multiply-accumulates per clip
 * @param bytesFp32 model size in float32
 * @param bytesInt8 model size quantised to 8 bits per weight with per-tensor float32 scales
 */
public record StudentCost(long parameters, long macsPerClip, long bytesFp32, long bytesInt8) {

  /**
   * The cost of {@code spec} for clips of {@code frames} frames.
   *
   * @throws IllegalArgumentException if the spec is invalid or the clip shorter than the student accepts
   */
  public static StudentCost of(StudentSpec spec, int frames) {
    List<String> problems = spec.validate();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    if (frames < Students.minFrames(spec)) {
      throw new IllegalArgumentException(
          "frames: must be at least " + Students.minFrames(spec) + " for " + spec.architecture() + ", found " + frames);
    }
    Tally t =
        switch (spec.architecture()) {
          case LSTM_P -> LstmPStudent.cost(spec, frames);
          case TC_RESNET -> TcResNetStudent.cost(spec, frames);
          case CRNN -> CrnnStudent.cost(spec, frames);
          case ATT_RNN, MHATT_RNN -> AttRnnStudent.cost(spec, frames);
        };
    return new StudentCost(t.parameters, t.macs, 4 * t.parameters, t.parameters + 4L * t.tensors);
  }
}
