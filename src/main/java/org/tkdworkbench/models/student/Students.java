package org.tkdworkbench.models.student;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import java.util.List;
import org.tkdworkbench.RuntimeSetup;
import org.tkdworkbench.models.Engines;

/** Builds student blocks from their spec. */
public final class Students {
  private Students() {}

  /**
   * A new, uninitialised student: weights (convolution, dense and recurrent matrices) start
   * Xavier-uniform, biases 0, batch-norm at scale 1 and shift 0. Initialise it with {@link
   * #inputShape} (any batch and frame count; a DJL trainer's {@code initialize} works too).
   *
   * @throws IllegalArgumentException listing every problem of an invalid spec
   */
  public static StudentBlock newBlock(StudentSpec spec) {
    return newBlock(spec, Engines.current());
  }

  /**
   * A new student for {@code engine} (the block's layout can depend on it: {@link Bidirectional}).
   *
   * @throws IllegalArgumentException listing every problem of an invalid spec
   */
  public static StudentBlock newBlock(StudentSpec spec, String engine) {
    List<String> problems = spec.validate();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    RuntimeSetup.apply();
    StudentBlock block =
        switch (spec.architecture()) {
          case LSTM_P -> new LstmPStudent(spec);
          case TC_RESNET -> new TcResNetStudent(spec);
          case CRNN -> new CrnnStudent(spec);
          case ATT_RNN, MHATT_RNN -> new AttRnnStudent(spec, engine);
        };
    block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
    return block;
  }

  /** An input shape to initialise a student with: one clip of {@code frames} frames. */
  public static Shape inputShape(StudentSpec spec, int frames) {
    return new Shape(1, frames, spec.mels());
  }

  /** Fewest frames a student accepts (its context must have at least one step). */
  public static int minFrames(StudentSpec spec) {
    return spec.architecture() == StudentArchitecture.CRNN
        ? CrnnStudent.KERNELS[0][0] + CrnnStudent.KERNELS[1][0] - 1
        : 1;
  }

  /** Trainable parameters of an initialised block (what an optimiser updates). */
  public static long trainableParameters(ai.djl.nn.Block block) {
    long n = 0;
    for (Parameter p : block.getParameters().values()) {
      if (p.requiresGradient()) {
        n += p.getArray().size();
      }
    }
    return n;
  }
}
