package org.tkdworkbench.models.student;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.tkdworkbench.models.Engines;

/**
 * Stacked bidirectional recurrent layers made of unidirectional DJL blocks: per layer one block
 * reads the sequence forward, one reads it reversed in time (and its output is reversed back),
 * and the two are concatenated, {@code [B, T, F] → [B, T, 2·units]}, the next layer reading that.
 * The same arithmetic and parameter count as DJL's own {@code optBidirectional(true)}.
 *
 * <p>Why it exists: DJL 0.36 passes a bidirectional LSTM/GRU's parameters to the PyTorch engine
 * as all weights then all biases, while PyTorch reads them per direction (weights then biases), so
 * the fused block fails there with a shape error. MXNet reads DJL's order; {@link #fusedWorks(String)}
 * says which to use, so MXNet keeps the fused block (and the parameter names of runs already
 * saved) and other engines get this one.
 */
final class Bidirectional extends AbstractBlock {
  private final List<Block> forward = new ArrayList<>();
  private final List<Block> backward = new ArrayList<>();
  private final long units;

  /**
   * @param layers stacked bidirectional layers
   * @param units state size of each direction
   * @param unidirectional makes one single-layer, batch-first, unidirectional block of {@code units}
   */
  Bidirectional(int layers, long units, Supplier<Block> unidirectional) {
    this.units = units;
    for (int l = 0; l < layers; l++) {
      forward.add(addChildBlock("forward" + l, unidirectional.get()));
      backward.add(addChildBlock("backward" + l, unidirectional.get()));
    }
  }

  /** Whether {@code engine} runs DJL's fused bidirectional blocks correctly (MXNet does). */
  static boolean fusedWorks(String engine) {
    return Engines.MXNET.equals(engine);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.head();
    for (int l = 0; l < forward.size(); l++) {
      NDArray f = forward.get(l).forward(ps, new NDList(x), training).head();
      NDArray b = backward.get(l).forward(ps, new NDList(x.flip(1)), training).head().flip(1);
      x = f.concat(b, 2);
    }
    return new NDList(x);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), in.get(1), 2 * units)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    for (int l = 0; l < forward.size(); l++) {
      forward.get(l).initialize(manager, dataType, in);
      backward.get(l).initialize(manager, dataType, in);
      in = new Shape(in.get(0), in.get(1), 2 * units);
    }
  }
}
