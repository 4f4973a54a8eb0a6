package org.tkdworkbench.models.student;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * A student network as a DJL block.
 *
 * <p>{@code forward(ps, NDList(x [B, T, mels] float32), training)} returns {@code NDList(logits [B,
 * classes], context [B, T', D])}, and for students with their own attention ({@link
 * #hasOwnAttention()}) a third array {@code attention [B, T']} whose rows sum to 1 (heads averaged
 * for MHAtt-RNN). {@code context} is {@code c'} of the method: a CNN's feature map before global
 * pooling, averaged over frequency, or a recurrent network's output sequence.
 *
 * <p>Inputs are standardised inside the block by two stored, non-trained constants ({@link
 * #setInputNormalization}), saved with the parameters, as in the teacher. Arrays computed in a
 * forward pass live on the input's manager (give each step its own sub-manager).
 */
public abstract class StudentBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  private final Parameter inputNorm;

  /** Adds the stored input normalisation (mean 0, 1/std 1 until {@link #setInputNormalization}). */
  protected StudentBlock() {
    super(VERSION);
    inputNorm =
        addParameter(
            Parameter.builder()
                .setName("input_norm")
                .setType(Parameter.Type.OTHER)
                .optShape(new Shape(2))
                // (mean 0, 1/std 1): the identity until the training features are known.
                .optInitializer((m, shape, type) -> m.create(new float[] {0f, 1f}).toType(type, false))
                .optRequiresGrad(false)
                .build());
  }

  /** The spec this block was built from. */
  public abstract StudentSpec spec();

  /** {@code T'}: context (and attention) steps for an input of {@code frames} frames. */
  public abstract int contextLength(int frames);

  /** {@code D}: channels of the context. */
  public abstract int contextDim();

  /**
   * Whether {@code forward} also returns the student's own attention over time: a property of the
   * architecture ({@link StudentArchitecture#hasOwnAttention()}).
   */
  public final boolean hasOwnAttention() {
    return spec().architecture().hasOwnAttention();
  }

  /**
   * Sets the input standardisation (the training features' mean and standard deviation): the block
   * computes {@code (x − mean) / std}. Stored with the parameters as mean and 1/std, never trained;
   * 0 and 1 until set.
   */
  public final void setInputNormalization(float mean, float std) {
    inputNorm.getArray().set(new float[] {mean, 1f / Math.max(std, 1e-6f)});
  }

  /** {@code x} standardised by the stored constants, on the input's manager. */
  protected final NDArray normalize(ParameterStore ps, NDArray x, boolean training) {
    NDArray norm = ps.getValue(inputNorm, x.getDevice(), training);
    // Arrays derived from a parameter attach to the model's manager: move them to the step's.
    NDArray mean = norm.get(0);
    NDArray invStd = norm.get(1);
    mean.attach(x.getManager());
    invStd.attach(x.getManager());
    return x.sub(mean).mul(invStd);
  }

  /** Shapes of the outputs for an input {@code [B, T, mels]}. */
  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long b = inputShapes[0].get(0);
    int t = contextLength((int) inputShapes[0].get(1));
    Shape logits = new Shape(b, spec().classes());
    Shape context = new Shape(b, t, contextDim());
    return hasOwnAttention()
        ? new Shape[] {logits, context, new Shape(b, t)}
        : new Shape[] {logits, context};
  }

  /** Runs {@code block} on one array and returns its first output. */
  protected static NDArray run(ai.djl.nn.Block block, ParameterStore ps, NDArray x, boolean training) {
    return block.forward(ps, new NDList(x), training).head();
  }
}
