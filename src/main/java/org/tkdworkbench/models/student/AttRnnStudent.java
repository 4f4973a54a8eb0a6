package org.tkdworkbench.models.student;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Att-RNN (de Andrade et al. 2018) and MHAtt-RNN as kws_streaming's {@code att_rnn} and {@code
 * att_mh_rnn}: two convolutions along time ((5,1), "same" padding, ReLU, batch-norm; the second has
 * one filter, so each frame keeps {@code mels} features), bidirectional recurrent layers, then
 * attention pooling over time. The query is a dense projection of the middle step's output ({@code
 * h[T/2]}); per head, {@code a = softmax_t(h_t · q)} and the attended vector is {@code Σ_t a_t h_t}.
 * The heads' vectors are concatenated, dropped out, and go through dense 64 (ReLU) and 32 (linear)
 * units before the classifier.
 *
 * <p>The context {@code c'} is the recurrent output sequence {@code [B, T, 2·units]} (T' = T); the
 * returned attention is {@code a} {@code [B, T]}, averaged over heads for MHAtt-RNN. The attention
 * is written with broadcast multiply-and-sum (no gather, no batched matMul: not on MXNet here).
 *
 * <p>Sizes. Att-RNN {@code paper}: filters 10, 1; 2 bidirectional LSTM layers of 64 units; 1 head;
 * dense 64, 32; dropout 0.5: the defaults of kws_streaming {@code models/att_rnn.py} (180,977
 * parameters at 40 mels, 12 classes). MHAtt-RNN {@code paper}: filters 10, 1; 2 bidirectional GRU layers of 128
 * units; 4 heads; dense 64, 32; dropout 0.2: kws_streaming {@code att_mh_rnn} in {@code
 * kws_experiments_paper_12_labels.md} (700k parameters there; 758,385 here at 40 mels). {@code
 * small}: filters 4, 1; 1 bidirectional layer of 32 units (LSTM, resp. GRU); 1, resp. 2 heads; dense
 * 32, 16; dropout 0.1: 25,971 and 27,443 parameters at 40 mels, 12 classes.
 */
final class AttRnnStudent extends StudentBlock {
  static final int KERNEL = 5;

  record Sizes(int filters, boolean lstm, int units, int layers, int heads, int dense1, int dense2, float dropout) {
    static Sizes of(StudentSpec spec) {
      boolean paper = spec.preset() == StudentPreset.PAPER;
      boolean multi = spec.architecture() == StudentArchitecture.MHATT_RNN;
      if (multi) {
        return paper
            ? new Sizes(spec.scaled(10), false, spec.scaled(128), spec.depthOr(2), 4, spec.scaled(64), spec.scaled(32), 0.2f)
            : new Sizes(spec.scaled(4), false, spec.scaled(32), spec.depthOr(1), 2, spec.scaled(32), spec.scaled(16), 0.1f);
      }
      return paper
          ? new Sizes(spec.scaled(10), true, spec.scaled(64), spec.depthOr(2), 1, spec.scaled(64), spec.scaled(32), 0.5f)
          : new Sizes(spec.scaled(4), true, spec.scaled(32), spec.depthOr(1), 1, spec.scaled(32), spec.scaled(16), 0.1f);
    }

    int dim() {
      return 2 * units;
    }
  }

  private final StudentSpec spec;
  private final Sizes sizes;
  private final Conv2d conv1;
  private final BatchNorm bn1;
  private final Conv2d conv2;
  private final BatchNorm bn2;
  private final Block rnn;
  private final Linear query;
  private final Linear dense1;
  private final Linear dense2;
  private final Linear classifier;

  AttRnnStudent(StudentSpec spec, String engine) {
    this.spec = spec;
    this.sizes = Sizes.of(spec);
    conv1 = addChildBlock("conv1", conv(sizes.filters));
    bn1 = addChildBlock("bn1", BatchNorm.builder().build());
    conv2 = addChildBlock("conv2", conv(1));
    bn2 = addChildBlock("bn2", BatchNorm.builder().build());
    // DJL's fused bidirectional block where the engine reads it right (MXNet), else the same
    // layers composed of unidirectional ones (Bidirectional says why).
    rnn =
        addChildBlock(
            sizes.lstm ? "lstm" : "gru",
            Bidirectional.fusedWorks(engine)
                ? recurrent(sizes.layers, true)
                : new Bidirectional(sizes.layers, sizes.units, () -> recurrent(1, false)));
    query = addChildBlock("query", Linear.builder().setUnits((long) sizes.heads * sizes.dim()).build());
    dense1 = addChildBlock("dense1", Linear.builder().setUnits(sizes.dense1).build());
    dense2 = addChildBlock("dense2", Linear.builder().setUnits(sizes.dense2).build());
    classifier = addChildBlock("classifier", Linear.builder().setUnits(spec.classes()).build());
  }

  /** One LSTM or GRU block (batch first, outputs only) of this student's size. */
  private Block recurrent(int layers, boolean bidirectional) {
    return sizes.lstm
        ? LSTM.builder()
            .setStateSize(sizes.units)
            .setNumLayers(layers)
            .optBidirectional(bidirectional)
            .optBatchFirst(true)
            .optReturnState(false)
            .build()
        : GRU.builder()
            .setStateSize(sizes.units)
            .setNumLayers(layers)
            .optBidirectional(bidirectional)
            .optBatchFirst(true)
            .optReturnState(false)
            .build();
  }

  private static Conv2d conv(int filters) {
    return Conv2d.builder()
        .setFilters(filters)
        .setKernelShape(new Shape(KERNEL, 1))
        .optPadding(new Shape(KERNEL / 2, 0))
        .build();
  }

  static Tally cost(StudentSpec spec, int frames) {
    Sizes s = Sizes.of(spec);
    long positions = (long) frames * spec.mels();
    return new Tally()
        .conv(1, s.filters, KERNEL, 1, positions, true)
        .batchNorm(s.filters)
        .conv(s.filters, 1, KERNEL, 1, positions, true)
        .batchNorm(1)
        .recurrent(s.lstm ? 4 : 3, spec.mels(), s.units, s.layers, true, frames)
        .linear(s.dim(), s.heads * s.dim(), 1)
        .attention(s.heads, s.dim(), frames)
        .linear(s.heads * s.dim(), s.dense1, 1)
        .linear(s.dense1, s.dense2, 1)
        .linear(s.dense2, spec.classes(), 1);
  }

  /** Attention heads. */
  int heads() {
    return sizes.heads;
  }

  @Override
  public StudentSpec spec() {
    return spec;
  }

  @Override
  public int contextLength(int frames) {
    return frames;
  }

  @Override
  public int contextDim() {
    return sizes.dim();
  }



  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long b = inputShapes[0].get(0);
    long t = inputShapes[0].get(1);
    int mels = spec.mels();
    conv1.initialize(manager, dataType, new Shape(b, 1, t, mels));
    bn1.initialize(manager, dataType, new Shape(b, sizes.filters, t, mels));
    conv2.initialize(manager, dataType, new Shape(b, sizes.filters, t, mels));
    bn2.initialize(manager, dataType, new Shape(b, 1, t, mels));
    rnn.initialize(manager, dataType, new Shape(b, t, mels));
    query.initialize(manager, dataType, new Shape(b, sizes.dim()));
    dense1.initialize(manager, dataType, new Shape(b, (long) sizes.heads * sizes.dim()));
    dense2.initialize(manager, dataType, new Shape(b, sizes.dense1));
    classifier.initialize(manager, dataType, new Shape(b, sizes.dense2));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = normalize(ps, inputs.head(), training);
    Shape s = x.getShape();
    long b = s.get(0);
    long t = s.get(1);
    long mels = s.get(2);
    x = x.reshape(b, 1, t, mels);
    x = run(bn1, ps, Activation.relu(run(conv1, ps, x, training)), training);
    x = run(bn2, ps, Activation.relu(run(conv2, ps, x, training)), training); // [B, 1, T, mels]
    x = x.reshape(b, t, mels);
    NDArray h = run(rnn, ps, x, training); // [B, T, D]
    int d = sizes.dim();
    int heads = sizes.heads;
    NDArray middle = h.get(":, " + (t / 2) + ", :"); // [B, D]
    NDArray q = run(query, ps, middle, training).reshape(b, heads, 1, d);
    NDArray seq = h.expandDims(1); // [B, 1, T, D]
    NDArray weights = seq.mul(q).sum(new int[] {3}).softmax(-1); // [B, H, T]
    NDArray attended = weights.expandDims(3).mul(seq).sum(new int[] {2}).reshape(b, (long) heads * d);
    if (training && sizes.dropout > 0) {
      attended = Dropout.dropout(attended, sizes.dropout, true).head();
    }
    NDArray z = Activation.relu(run(dense1, ps, attended, training));
    z = run(dense2, ps, z, training);
    NDArray attention = heads == 1 ? weights.reshape(b, t) : weights.mean(new int[] {1});
    return new NDList(run(classifier, ps, z, training), h, attention);
  }
}
