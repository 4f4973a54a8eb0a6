package org.tkdworkbench.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.tkdworkbench.models.student.StudentBlock;

/**
 * What is trained in a distillation run: the student and, unless the student attends over time
 * itself or the run has no attention term, the {@link TemporalProbe} on its context.
 *
 * <p>Input {@code NDList(x [B, T, mels])}; output {@code NDList(logits [B, C])} or {@code
 * NDList(logits, ln a_S [B, T'])}. The student is initialised before the probe, so the student's
 * starting weights are the same with or without a probe for a given engine seed.
 */
final class DistillNet extends AbstractBlock {
  private static final byte VERSION = 1;

  private final StudentBlock student;
  private final TemporalProbe probe;
  private final boolean attention;

  /**
   * @param student the student (a child of this block)
   * @param attention whether {@code ln a_S} is produced: by the student's own attention when it has
   *     one, else by a probe
   */
  DistillNet(StudentBlock student, boolean attention) {
    super(VERSION);
    this.student = addChildBlock("student", student);
    this.attention = attention;
    this.probe =
        attention && !student.hasOwnAttention()
            ? addChildBlock("probe", new TemporalProbe(student.contextDim()))
            : null;
  }

  StudentBlock student() {
    return student;
  }

  boolean hasProbe() {
    return probe != null;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList out = student.forward(ps, inputs, training, params);
    if (!attention) {
      return new NDList(out.get(0));
    }
    NDArray logA;
    if (student.hasOwnAttention()) {
      // The student's own attention (heads averaged), supervised directly.
      logA = out.get(2).clip(1e-12f, 1f).log();
    } else {
      logA = probe.forward(ps, new NDList(out.get(1)), training).head();
    }
    return new NDList(out.get(0), logA);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    student.initialize(manager, dataType, inputShapes);
    if (probe != null) {
      Shape x = inputShapes[0];
      int frames = (int) x.get(1);
      probe.initialize(
          manager, dataType, new Shape(x.get(0), student.contextLength(frames), student.contextDim()));
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] s = student.getOutputShapes(inputShapes);
    if (!attention) {
      return new Shape[] {s[0]};
    }
    Shape x = inputShapes[0];
    return new Shape[] {s[0], new Shape(x.get(0), student.contextLength((int) x.get(1)))};
  }
}
