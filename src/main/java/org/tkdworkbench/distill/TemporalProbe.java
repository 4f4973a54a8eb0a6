package org.tkdworkbench.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The temporal probe of DESIGN §1: a learnable vector {@code q} that turns a student's context
 * representation {@code c'} {@code [B, T', D]} into its attention over time, {@code a_S =
 * softmax_t(c'·q)}. It exists only in training: it is a separate block, never a child of the
 * student, so the exported student holds no probe parameter and computes the same logits with or
 * without it.
 *
 * <p>Input {@code NDList(context [B, T', D])}; output {@code NDList(log a_S [B, T'])} — the log of
 * the distribution, from a max-shifted log-softmax, so the KL term never takes the log of an
 * underflowed probability.
 */
public final class TemporalProbe extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int dim;
  private final Parameter query;

  /** A probe over contexts of width {@code dim}; {@code q} starts at N(0, 0.02²). */
  public TemporalProbe(int dim) {
    super(VERSION);
    if (dim < 1) {
      throw new IllegalArgumentException("probe: context width must be ≥ 1, found " + dim);
    }
    this.dim = dim;
    query =
        addParameter(
            Parameter.builder()
                .setName("q")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(dim))
                .optInitializer(new NormalInitializer(0.02f))
                .build());
  }

  public int dim() {
    return dim;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray context = inputs.head(); // [B, T, D]
    NDManager m = context.getManager();
    NDArray q = ps.getValue(query, context.getDevice(), training).reshape(1, 1, dim);
    // Derived from a parameter, so made on the parameter's manager: move it to the step's, or the
    // whole graph built from it outlives the step (STACK.md, the teacher's 190 MB/step leak).
    q.attach(m);
    NDArray scores = context.mul(q).sum(new int[] {2}); // [B, T]: c'·q, broadcast over B and T
    return new NDList(scores.logSoftmax(1));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape c = inputShapes[0];
    return new Shape[] {new Shape(c.get(0), c.get(1))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    // no children
  }
}
