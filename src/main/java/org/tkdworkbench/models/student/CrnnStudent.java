package org.tkdworkbench.models.student;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * CRNN as kws_streaming's {@code crnn}: two 2-D convolutions on (time, mel) with ReLU and no padding
 * ("valid"), the feature map flattened per time step, a GRU, then two dense layers (linear, ReLU) and
 * the classifier. The context {@code c'} is the GRU's output sequence {@code [B, T', units]} with
 * {@code T' = T − 6} (kernels 3 and 5 along time, no padding).
 *
 * <p>Deviation: logits come from the GRU outputs' mean over time instead of the last step
 * ({@code --return_sequences 0}), which trains far faster on 401-frame clips (STACK.md).
 *
 * <p>Sizes. {@code paper}: filters 16, 16, kernels (3,3), (5,3), strides 1, GRU 256 units, 1 layer,
 * dense 128 (linear), 256 (ReLU), dropout 0.1: kws_streaming {@code crnn} in {@code
 * kws_experiments_paper_12_labels.md} (467k parameters there on 20 MFCCs; 713,532 here on 40
 * mels and 12 classes because the GRU reads 16 × 36 features). {@code small}: filters 8, 8, the second with stride 2
 * along mel, GRU 32 units, dense 32, 32, dropout 0.1: 20,644 parameters at 40 mels, 12 classes.
 */
final class CrnnStudent extends StudentBlock {
  static final int[][] KERNELS = {{3, 3}, {5, 3}};

  record Sizes(int filters1, int filters2, int melStride2, int units, int layers, int dense1, int dense2, float dropout) {
    static Sizes of(StudentSpec spec) {
      boolean paper = spec.preset() == StudentPreset.PAPER;
      return paper
          ? new Sizes(spec.scaled(16), spec.scaled(16), 1, spec.scaled(256), spec.depthOr(1),
              spec.scaled(128), spec.scaled(256), 0.1f)
          : new Sizes(spec.scaled(8), spec.scaled(8), 2, spec.scaled(32), spec.depthOr(1),
              spec.scaled(32), spec.scaled(32), 0.1f);
    }

    /** Mel positions after both convolutions. */
    int melsOut(int mels) {
      int m1 = mels - (KERNELS[0][1] - 1);
      return (m1 - KERNELS[1][1]) / melStride2 + 1;
    }
  }

  /** Fewest mel bands the unpadded convolutions accept. */
  static int minMels(StudentSpec spec) {
    return KERNELS[0][1] + KERNELS[1][1] - 1;
  }

  private final StudentSpec spec;
  private final Sizes sizes;
  private final Conv2d conv1;
  private final Conv2d conv2;
  private final GRU gru;
  private final Linear dense1;
  private final Linear dense2;
  private final Linear classifier;

  CrnnStudent(StudentSpec spec) {
    this.spec = spec;
    this.sizes = Sizes.of(spec);
    conv1 =
        addChildBlock(
            "conv1",
            Conv2d.builder().setFilters(sizes.filters1).setKernelShape(new Shape(KERNELS[0][0], KERNELS[0][1])).build());
    conv2 =
        addChildBlock(
            "conv2",
            Conv2d.builder()
                .setFilters(sizes.filters2)
                .setKernelShape(new Shape(KERNELS[1][0], KERNELS[1][1]))
                .optStride(new Shape(1, sizes.melStride2))
                .build());
    gru =
        addChildBlock(
            "gru",
            GRU.builder()
                .setStateSize(sizes.units)
                .setNumLayers(sizes.layers)
                .optBatchFirst(true)
                .optReturnState(false)
                .build());
    dense1 = addChildBlock("dense1", Linear.builder().setUnits(sizes.dense1).build());
    dense2 = addChildBlock("dense2", Linear.builder().setUnits(sizes.dense2).build());
    classifier = addChildBlock("classifier", Linear.builder().setUnits(spec.classes()).build());
  }

  static Tally cost(StudentSpec spec, int frames) {
    Sizes s = Sizes.of(spec);
    long t1 = frames - (KERNELS[0][0] - 1);
    long m1 = spec.mels() - (KERNELS[0][1] - 1);
    long t2 = t1 - (KERNELS[1][0] - 1);
    int m2 = s.melsOut(spec.mels());
    return new Tally()
        .conv(1, s.filters1, KERNELS[0][0], KERNELS[0][1], t1 * m1, true)
        .conv(s.filters1, s.filters2, KERNELS[1][0], KERNELS[1][1], t2 * m2, true)
        .recurrent(3, s.filters2 * m2, s.units, s.layers, false, t2)
        .linear(s.units, s.dense1, 1)
        .linear(s.dense1, s.dense2, 1)
        .linear(s.dense2, spec.classes(), 1);
  }

  @Override
  public StudentSpec spec() {
    return spec;
  }

  @Override
  public int contextLength(int frames) {
    return frames - (KERNELS[0][0] - 1) - (KERNELS[1][0] - 1);
  }

  @Override
  public int contextDim() {
    return sizes.units;
  }



  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long b = inputShapes[0].get(0);
    long t = inputShapes[0].get(1);
    Shape x = new Shape(b, 1, t, spec.mels());
    conv1.initialize(manager, dataType, x);
    x = conv1.getOutputShapes(new Shape[] {x})[0];
    conv2.initialize(manager, dataType, x);
    x = conv2.getOutputShapes(new Shape[] {x})[0];
    long steps = x.get(2);
    gru.initialize(manager, dataType, new Shape(b, steps, x.get(1) * x.get(3)));
    dense1.initialize(manager, dataType, new Shape(b, sizes.units));
    dense2.initialize(manager, dataType, new Shape(b, sizes.dense1));
    classifier.initialize(manager, dataType, new Shape(b, sizes.dense2));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = normalize(ps, inputs.head(), training);
    Shape s = x.getShape();
    x = x.reshape(s.get(0), 1, s.get(1), s.get(2)); // [B, 1, T, mels]
    x = Activation.relu(run(conv1, ps, x, training));
    x = Activation.relu(run(conv2, ps, x, training)); // [B, F, T', M']
    Shape f = x.getShape();
    x = x.transpose(0, 2, 1, 3).reshape(f.get(0), f.get(2), f.get(1) * f.get(3));
    NDArray context = run(gru, ps, x, training); // [B, T', units]
    NDArray pooled = context.mean(new int[] {1});
    if (training && sizes.dropout > 0) {
      pooled = Dropout.dropout(pooled, sizes.dropout, true).head();
    }
    NDArray h = run(dense1, ps, pooled, training);
    h = Activation.relu(run(dense2, ps, h, training));
    return new NDList(run(classifier, ps, h, training), context);
  }
}
