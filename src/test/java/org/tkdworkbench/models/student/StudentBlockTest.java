package org.tkdworkbench.models.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("engine")
class StudentBlockTest {
  static final int MELS = 40;
  static final int CLASSES = 5;

  static Stream<Arguments> everyStudent() {
    List<Arguments> all = new ArrayList<>();
    for (StudentArchitecture a : StudentArchitecture.values()) {
      for (StudentPreset p : StudentPreset.values()) {
        all.add(Arguments.of(a, p));
      }
    }
    return all.stream();
  }

  /** A block initialised on {@code m} (its parameters live there). */
  static StudentBlock block(StudentSpec spec, NDManager m) {
    Engine.getInstance().setRandomSeed(3);
    StudentBlock b = Students.newBlock(spec);
    b.initialize(m, DataType.FLOAT32, Students.inputShape(spec, 20));
    return b;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyStudent")
  void outputsHaveTheContractShapesForTwoClipLengths(StudentArchitecture a, StudentPreset p) {
    StudentSpec spec = StudentSpec.of(a, p, MELS, CLASSES);
    try (NDManager m = NDManager.newBaseManager()) {
      StudentBlock b = block(spec, m);
      for (int frames : new int[] {37, 101}) {
        try (NDManager step = m.newSubManager()) {
          NDArray x = step.randomNormal(new Shape(3, frames, MELS));
          NDList out = b.forward(new ParameterStore(step, false), new NDList(x), false);
          int t = b.contextLength(frames);
          assertThat(out).hasSize(a.hasOwnAttention() ? 3 : 2);
          assertThat(b.hasOwnAttention()).isEqualTo(a.hasOwnAttention());
          assertThat(out.get(0).getShape()).isEqualTo(new Shape(3, CLASSES));
          assertThat(out.get(1).getShape()).isEqualTo(new Shape(3, t, b.contextDim()));
          assertThat(b.getOutputShapes(new Shape[] {x.getShape()}))
              .extracting(Shape::toString)
              .containsExactlyElementsOf(out.stream().map(o -> o.getShape().toString()).toList());
          if (a.hasOwnAttention()) {
            assertThat(out.get(2).getShape()).isEqualTo(new Shape(3, t));
            float[] attn = out.get(2).toFloatArray();
            for (int i = 0; i < 3; i++) {
              double sum = 0;
              for (int j = 0; j < t; j++) {
                assertThat(attn[i * t + j]).isBetween(0f, 1f);
                sum += attn[i * t + j];
              }
              assertThat(sum).as("attention row %d", i).isCloseTo(1.0, within(1e-4));
            }
          }
          for (float v : out.get(0).toFloatArray()) {
            assertThat(v).isFinite();
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyStudent")
  void analyticParameterCountEqualsTheInitialisedBlock(StudentArchitecture a, StudentPreset p) {
    for (StudentSpec spec :
        List.of(StudentSpec.of(a, p, MELS, CLASSES), new StudentSpec(a, p, 0.5, 2, 24, 3))) {
      try (NDManager m = NDManager.newBaseManager()) {
        StudentBlock b = block(spec, m);
        long tensors = b.getParameters().values().stream().filter(Parameter::requiresGradient).count();
        StudentCost cost = StudentCost.of(spec, 101);
        assertThat(cost.parameters()).as("%s", spec).isEqualTo(Students.trainableParameters(b));
        assertThat(cost.bytesFp32()).isEqualTo(4 * cost.parameters());
        assertThat(cost.bytesInt8()).isEqualTo(cost.parameters() + 4 * tensors);
      }
    }
  }

  /** Small preset, training mode: one backward pass of a loss on logits and context. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(StudentArchitecture.class)
  void gradientsReachEveryTrainableParameter(StudentArchitecture a) {
    StudentSpec spec = StudentSpec.of(a, StudentPreset.SMALL, 16, 3);
    try (NDManager m = NDManager.newBaseManager()) {
      StudentBlock b = block(spec, m);
      try (NDManager step = m.newSubManager();
          GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray x = step.randomNormal(new Shape(4, 24, 16));
        NDList out = b.forward(new ParameterStore(step, false), new NDList(x), true);
        NDArray loss = out.get(0).square().sum().add(out.get(1).square().sum().mul(0.1f));
        if (out.size() > 2) {
          NDArray w = step.randomNormal(out.get(2).getShape());
          loss = loss.add(out.get(2).mul(w).sum());
        }
        gc.backward(loss);
        List<String> dead = new ArrayList<>();
        for (Pair<String, Parameter> p : b.getParameters()) {
          if (!p.getValue().requiresGradient()) {
            continue;
          }
          NDArray g = p.getValue().getArray().getGradient();
          if (g.abs().max().getFloat() == 0f) {
            dead.add(p.getKey());
          }
        }
        assertThat(dead).as("parameters without gradient").isEmpty();
      }
    }
  }

  @Test
  void inputNormalizationIsStoredAndApplied() {
    StudentSpec spec = StudentSpec.of(StudentArchitecture.TC_RESNET, StudentPreset.SMALL, 8, 2);
    try (NDManager m = NDManager.newBaseManager()) {
      StudentBlock b = block(spec, m);
      try (NDManager step = m.newSubManager()) {
        NDArray x = step.randomNormal(new Shape(2, 30, 8));
        float[] plain = b.forward(new ParameterStore(step, false), new NDList(x), false).head().toFloatArray();
        b.setInputNormalization(3f, 2f);
        NDArray shifted = x.mul(2f).add(3f);
        float[] normed = b.forward(new ParameterStore(step, false), new NDList(shifted), false).head().toFloatArray();
        assertThat(normed).containsExactly(plain, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(Students.trainableParameters(b)).isEqualTo(StudentCost.of(spec, 30).parameters());
      }
    }
  }

  /**
   * The attention students' weights recomputed in plain Java from their own context and query
   * layer: {@code q_k = W_k·h[T/2] + b_k} per head, {@code a_k = softmax_t(h_t·q_k)}, heads averaged.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = StudentArchitecture.class, names = {"ATT_RNN", "MHATT_RNN"})
  void attentionIsTheSoftmaxOfTheContextAgainstAQueryFromTheMiddleStep(StudentArchitecture a) {
    StudentSpec spec = StudentSpec.of(a, StudentPreset.SMALL, 10, 3);
    int frames = 9;
    try (NDManager m = NDManager.newBaseManager()) {
      StudentBlock b = block(spec, m);
      int heads = ((AttRnnStudent) b).heads();
      assertThat(heads).isEqualTo(a == StudentArchitecture.MHATT_RNN ? 2 : 1);
      try (NDManager step = m.newSubManager()) {
        NDList out = b.forward(new ParameterStore(step, false), new NDList(step.randomNormal(new Shape(2, frames, 10))), false);
        int d = b.contextDim();
        float[] h = out.get(1).toFloatArray();
        float[] attention = out.get(2).toFloatArray();
        float[] w = parameter(b, "query_weight").toFloatArray(); // [heads·D, D]
        float[] bias = parameter(b, "query_bias").toFloatArray();
        for (int i = 0; i < 2; i++) {
          double[] expected = new double[frames];
          int mid = (i * frames + frames / 2) * d;
          for (int k = 0; k < heads; k++) {
            double[] q = new double[d];
            for (int r = 0; r < d; r++) {
              double s = bias[k * d + r];
              for (int c = 0; c < d; c++) {
                s += w[(k * d + r) * d + c] * h[mid + c];
              }
              q[r] = s;
            }
            double[] score = new double[frames];
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < frames; t++) {
              for (int c = 0; c < d; c++) {
                score[t] += h[(i * frames + t) * d + c] * q[c];
              }
              max = Math.max(max, score[t]);
            }
            double z = 0;
            for (int t = 0; t < frames; t++) {
              z += Math.exp(score[t] - max);
            }
            for (int t = 0; t < frames; t++) {
              expected[t] += Math.exp(score[t] - max) / z / heads;
            }
          }
          for (int t = 0; t < frames; t++) {
            assertThat((double) attention[i * frames + t]).as("clip %d step %d", i, t).isCloseTo(expected[t], within(1e-5));
          }
        }
      }
    }
  }

  /**
   * For the students whose classifier reads the pooled context directly, the logits must be the
   * classifier applied to the context's mean over time: the context is the map just before global
   * pooling, as the probe needs.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = StudentArchitecture.class, names = {"LSTM_P", "TC_RESNET"})
  void logitsAreTheClassifierOfTheContextsMeanOverTime(StudentArchitecture a) {
    StudentSpec spec = StudentSpec.of(a, StudentPreset.SMALL, 10, 3);
    try (NDManager m = NDManager.newBaseManager()) {
      StudentBlock b = block(spec, m);
      try (NDManager step = m.newSubManager()) {
        NDList out = b.forward(new ParameterStore(step, false), new NDList(step.randomNormal(new Shape(2, 17, 10))), false);
        int t = b.contextLength(17);
        int d = b.contextDim();
        float[] context = out.get(1).toFloatArray();
        float[] logits = out.get(0).toFloatArray();
        float[] w = parameter(b, "classifier_weight").toFloatArray(); // [3, D]
        float[] bias = parameter(b, "classifier_bias").toFloatArray();
        for (int i = 0; i < 2; i++) {
          for (int c = 0; c < 3; c++) {
            double z = bias[c];
            for (int k = 0; k < d; k++) {
              double mean = 0;
              for (int s = 0; s < t; s++) {
                mean += context[(i * t + s) * d + k];
              }
              z += w[c * d + k] * mean / t;
            }
            assertThat((double) logits[i * 3 + c]).isCloseTo(z, within(1e-4));
          }
        }
      }
    }
  }

  /** A parameter's array by the end of its name (DJL prefixes child blocks' names with their index). */
  private static NDArray parameter(StudentBlock b, String suffix) {
    return b.getParameters().stream()
        .filter(p -> p.getKey().endsWith(suffix))
        .map(p -> p.getValue().getArray())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no parameter named *" + suffix + " in " + b.getParameters().keys()));
  }
}
