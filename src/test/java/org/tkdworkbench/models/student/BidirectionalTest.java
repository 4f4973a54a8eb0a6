package org.tkdworkbench.models.student;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The composed bidirectional block on whatever engine runs the tests (MXNet by default, PyTorch
 * with -Ppytorch): its shape, its parameter count against DJL's fused block, and which time steps
 * each direction has seen.
 */
@Tag("engine")
class BidirectionalTest {
  private static final int UNITS = 6;

  private static Bidirectional lstm(int layers) {
    return new Bidirectional(layers, UNITS, () -> LSTM.builder().setStateSize(UNITS).setNumLayers(1)
        .optBatchFirst(true).optReturnState(false).build());
  }

  @Test
  void theForwardHalfHasSeenOnlyThePastAndTheBackwardHalfOnlyTheFuture() {
    try (NDManager m = NDManager.newBaseManager()) {
      Bidirectional block = lstm(2);
      block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
      block.initialize(m, DataType.FLOAT32, new Shape(2, 7, 5));
      NDArray x = m.randomNormal(new Shape(2, 7, 5));
      ParameterStore ps = new ParameterStore(m, false);
      NDArray y = block.forward(ps, new NDList(x), false).head();
      assertThat(y.getShape()).isEqualTo(new Shape(2, 7, 2 * UNITS));

      // One layer: change only the first step, and the backward half at the last step has not
      // seen it while the forward half has (with two layers both halves of layer 2 read layer 1's
      // forward half, which has seen everything before).
      Bidirectional one = lstm(1);
      one.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
      one.initialize(m, DataType.FLOAT32, new Shape(2, 7, 5));
      NDArray a = one.forward(ps, new NDList(x), false).head();
      NDArray xFirst = x.duplicate();
      xFirst.set(new ai.djl.ndarray.index.NDIndex(":, 0, :"), 3f);
      NDArray b = one.forward(ps, new NDList(xFirst), false).head();
      NDArray diffLast = a.get(":, 6, :").sub(b.get(":, 6, :")).abs();
      assertThat(diffLast.get(":, 6:").max().getFloat()).as("backward half at the last step").isLessThan(1e-6f);
      assertThat(diffLast.get(":, :6").max().getFloat()).as("forward half at the last step").isGreaterThan(1e-4f);

      NDArray xLast = x.duplicate();
      xLast.set(new ai.djl.ndarray.index.NDIndex(":, 6, :"), 3f);
      NDArray c = one.forward(ps, new NDList(xLast), false).head();
      NDArray diffFirst = a.get(":, 0, :").sub(c.get(":, 0, :")).abs();
      assertThat(diffFirst.get(":, :6").max().getFloat()).as("forward half at the first step").isLessThan(1e-6f);
      assertThat(diffFirst.get(":, 6:").max().getFloat()).as("backward half at the first step").isGreaterThan(1e-4f);
    }
  }

  @Test
  void asManyParametersAsDjlsFusedBlock() {
    try (NDManager m = NDManager.newBaseManager()) {
      Shape in = new Shape(1, 4, 5);
      Bidirectional composed = new Bidirectional(2, UNITS, () -> GRU.builder().setStateSize(UNITS).setNumLayers(1)
          .optBatchFirst(true).optReturnState(false).build());
      composed.initialize(m, DataType.FLOAT32, in);
      GRU fused = GRU.builder().setStateSize(UNITS).setNumLayers(2).optBidirectional(true)
          .optBatchFirst(true).optReturnState(false).build();
      fused.initialize(m, DataType.FLOAT32, in);
      assertThat(Students.trainableParameters(composed)).isEqualTo(Students.trainableParameters(fused)).isPositive();
    }
  }
}
