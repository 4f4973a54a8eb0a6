package org.tkdworkbench.models.student;

/**
 * Adds up trainable parameters and multiply-accumulates layer by layer, with the same conventions
 * as the DJL layers the students use.
 *
 * <p>MACs count the multiplications of convolutions, dense layers, recurrent gates and attention
 * (one per weight use); biases, batch-norm, activations, softmax, pooling and element-wise gate
 * arithmetic are not counted, as is usual for on-device budgets.
 */
final class Tally {
  long parameters;
  long macs;
  /** Parameter arrays (each gets one int8 scale). */
  long tensors;

  /** A 2-D convolution with {@code outPositions} output positions (height × width). */
  Tally conv(int in, int out, int kh, int kw, long outPositions, boolean bias) {
    long weights = (long) in * out * kh * kw;
    parameters += weights + (bias ? out : 0);
    tensors += bias ? 2 : 1;
    macs += weights * outPositions;
    return this;
  }

  /** Batch normalisation: a trainable scale and shift per channel (running statistics are not trained). */
  Tally batchNorm(int channels) {
    parameters += 2L * channels;
    tensors += 2;
    return this;
  }

  /** A dense layer with bias applied {@code applications} times (e.g. once per time step). */
  Tally linear(int in, int out, long applications) {
    parameters += (long) in * out + out;
    tensors += 2;
    macs += (long) in * out * applications;
    return this;
  }

  /**
   * A stacked recurrent block as DJL builds it (cuDNN/MXNet layout): per layer and direction an
   * input-to-hidden and a hidden-to-hidden matrix of {@code gates·hidden} rows, each with its own
   * bias; layers after the first read {@code directions·hidden} inputs.
   */
  Tally recurrent(int gates, int in, int hidden, int layers, boolean bidirectional, long steps) {
    int dirs = bidirectional ? 2 : 1;
    for (int l = 0; l < layers; l++) {
      int input = l == 0 ? in : dirs * hidden;
      long weights = (long) gates * hidden * (input + hidden);
      parameters += dirs * (weights + 2L * gates * hidden);
      tensors += 4L * dirs;
      macs += dirs * weights * steps;
    }
    return this;
  }

  /** Dot-product attention of {@code heads} queries over {@code steps} vectors of {@code dim}: scores and weighted sum. */
  Tally attention(int heads, int dim, long steps) {
    macs += 2L * heads * dim * steps;
    return this;
  }
}
