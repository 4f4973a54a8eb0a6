package org.tkdworkbench.models.student;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * LSTM-P: an LSTM whose output is projected to a smaller width at every step (Sak et al. 2014), as
 * kws_streaming's {@code lstm} model with {@code num_proj}.
 *
 * <p>Per layer: {@code LSTM(units)} then a per-step {@code Linear(projection)}, which feeds the next
 * layer. DJL's LSTM has neither a projection nor peepholes, so the projection is this separate
 * linear layer outside the recurrence (the recurrent state is the unprojected {@code h}) and there
 * are no peepholes. The context {@code c'} is the last projection's sequence {@code [B, T, proj]}
 * (T' = T). Logits come from its mean over time, not from the last step as in kws_streaming: on 401
 * frames last-step pooling trains very slowly (STACK.md), and the paper's context probe needs every
 * step to matter anyway.
 *
 * <p>Sizes. {@code paper}: 500 units, projection 200, 1 layer, dropout 0.3 before the classifier:
 * kws_streaming {@code lstm_peep} in {@code kws_experiments_paper_12_labels.md} ({@code --lstm_units
 * 500 --num_proj 200 --use_peepholes 1 --dropout1 0.3}; 545k parameters there on 20 MFCCs, about
 * 1.19M here on 40 mels: without a true projection the recurrence reads the 500-wide {@code h}
 * instead of the 200-wide projection, 4·500·(40+500) weights instead of 4·500·(40+200)). {@code
 * small}: 48 units, projection 32, 1 layer, dropout 0.1 (19,244 parameters at 40 mels, 12 classes).
 */
final class LstmPStudent extends StudentBlock {
  record Sizes(int units, int projection, int layers, float dropout) {
    static Sizes of(StudentSpec spec) {
      boolean paper = spec.preset() == StudentPreset.PAPER;
      return new Sizes(
          spec.scaled(paper ? 500 : 48),
          spec.scaled(paper ? 200 : 32),
          spec.depthOr(1),
          paper ? 0.3f : 0.1f);
    }
  }

  private final StudentSpec spec;
  private final Sizes sizes;
  private final List<LSTM> lstms = new ArrayList<>();
  private final List<Linear> projections = new ArrayList<>();
  private final Linear classifier;

  LstmPStudent(StudentSpec spec) {
    this.spec = spec;
    this.sizes = Sizes.of(spec);
    for (int l = 0; l < sizes.layers; l++) {
      lstms.add(
          addChildBlock(
              "lstm" + (l + 1),
              LSTM.builder()
                  .setStateSize(sizes.units)
                  .setNumLayers(1)
                  .optBatchFirst(true)
                  .optReturnState(false)
                  .build()));
      projections.add(addChildBlock("proj" + (l + 1), Linear.builder().setUnits(sizes.projection).build()));
    }
    classifier = addChildBlock("classifier", Linear.builder().setUnits(spec.classes()).build());
  }

  static Tally cost(StudentSpec spec, int frames) {
    Sizes s = Sizes.of(spec);
    Tally t = new Tally();
    for (int l = 0; l < s.layers; l++) {
      t.recurrent(4, l == 0 ? spec.mels() : s.projection, s.units, 1, false, frames);
      t.linear(s.units, s.projection, frames);
    }
    return t.linear(s.projection, spec.classes(), 1);
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
    return sizes.projection;
  }



  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long b = inputShapes[0].get(0);
    long t = inputShapes[0].get(1);
    Shape x = inputShapes[0];
    for (int l = 0; l < sizes.layers; l++) {
      lstms.get(l).initialize(manager, dataType, x);
      Shape h = new Shape(b, t, sizes.units);
      projections.get(l).initialize(manager, dataType, h);
      x = new Shape(b, t, sizes.projection);
    }
    classifier.initialize(manager, dataType, new Shape(b, sizes.projection));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = normalize(ps, inputs.head(), training);
    for (int l = 0; l < sizes.layers; l++) {
      x = run(lstms.get(l), ps, x, training);
      x = run(projections.get(l), ps, x, training);
    }
    NDArray context = x; // [B, T, P]
    NDArray pooled = context.mean(new int[] {1});
    if (training && sizes.dropout > 0) {
      pooled = Dropout.dropout(pooled, sizes.dropout, true).head();
    }
    return new NDList(run(classifier, ps, pooled, training), context);
  }
}
