package org.tkdworkbench.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tkdworkbench.features.FeatureSpec;

@Tag("engine")
class TeacherBlockTest {
  static final int MELS = 8;

  static TeacherSpec spec(TeacherConfig config, int classes) {
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < classes; i++) {
      names.add("c" + i);
    }
    return new TeacherSpec(
        1, new FeatureSpec(16000, 512, 400, 160, MELS, 0.0, null), names, false, config, "MXNet", "1.9.1", "test", 1);
  }

  static DjlAttentionTeacher teacher(TeacherConfig config, int classes, long seed) {
    Engine.getInstance().setRandomSeed((int) seed);
    Model model = DjlAttentionTeacher.newModel(config, MELS, classes);
    DjlAttentionTeacher.initialize(model);
    return new DjlAttentionTeacher(model, spec(config, classes));
  }

  static float[][] noise(int frames, long seed) {
    Random r = new Random(seed);
    float[][] x = new float[frames][MELS];
    for (float[] row : x) {
      for (int j = 0; j < MELS; j++) {
        row[j] = (float) r.nextGaussian();
      }
    }
    return x;
  }

  @Test
  void attentionRowsAreDistributionsInEveryLayerAndHead() {
    TeacherConfig config = new TeacherConfig(4, 2, 16, 3, 4, 32, 0.1);
    try (DjlAttentionTeacher t = teacher(config, 3, 7)) {
      // Different lengths in one batch: padding must get no weight and rows still sum to 1.
      List<TeacherOutput> outs = t.inferAll(List.of(noise(40, 1), noise(23, 2), noise(3, 3)));
      int[] expectedTokens = {config.tokenCount(40), config.tokenCount(23), 1};
      for (int c = 0; c < outs.size(); c++) {
        TeacherOutput o = outs.get(c);
        assertThat(o.logits()).hasSize(3);
        assertThat(o.layers()).isEqualTo(3);
        assertThat(o.heads()).isEqualTo(4);
        assertThat(o.tokens()).isEqualTo(expectedTokens[c]);
        for (float[][][] layer : o.attention()) {
          for (float[][] head : layer) {
            assertThat(head).hasNumberOfRows(expectedTokens[c] + 1);
            for (float[] row : head) {
              assertThat(row).hasSize(expectedTokens[c] + 1);
              double sum = 0;
              for (float v : row) {
                assertThat(v).isBetween(0f, 1f);
                sum += v;
              }
              assertThat(sum).isCloseTo(1.0, within(1e-5));
            }
          }
        }
      }
      // Batched and single inference agree: the key mask hides the padding completely.
      TeacherOutput alone = t.infer(noise(23, 2));
      assertThat(alone.logits()).containsExactly(outs.get(1).logits(), org.assertj.core.data.Offset.offset(1e-4f));
      assertThat(alone.tokenTimes()[0]).isCloseTo(1.5 * 160 / 16000.0, within(1e-12));
    }
  }

  @Test
  void aConvStemKeepsRowsDistributionsAndAClipsOutputIndependentOfItsBatch() {
    assertBatchIndependentWithDistributionRows(new TeacherConfig(4, 4, 16, 2, 2, 32, 0.0, 4));
    assertThat(new TeacherConfig(4, 2, 16, 2, 2, 32, 0.0, 4).validate())
        .containsExactly("teacher.conv_stem: needs token_stride = frames_per_token (4), found 2");
  }

  /**
   * The temporal stem really is one: its convolutions are 1-D over time with the mel bins as input
   * channels (weights [channels, mels, k]), and it keeps the 2-D stem's guarantees.
   */
  @Test
  void aTemporalStemConvolvesOverTimeWithMelsAsChannelsAndKeepsTheGuarantees() {
    TeacherConfig config = new TeacherConfig(4, 4, 16, 2, 2, 32, 0.0, 4, 5);
    assertThat(config.validate()).isEmpty();
    Model model = DjlAttentionTeacher.newModel(config, MELS, 3);
    DjlAttentionTeacher.initialize(model);
    java.util.Map<String, Shape> shapes = new java.util.HashMap<>();
    model.getBlock().getParameters().forEach(pr -> shapes.put(pr.getKey(), pr.getValue().getArray().getShape()));
    assertThat(shapes).containsEntry("01stem1_weight", new Shape(4, MELS, 5)).containsEntry("02stem2_weight", new Shape(4, 4, 5));
    model.close();
    assertBatchIndependentWithDistributionRows(config);
    assertThat(new TeacherConfig(4, 4, 16, 2, 2, 32, 0.0, 4, 4).validate())
        .containsExactly("teacher.stem_time_kernel: must be 0 (2-D stem) or an odd width in 1..63, found 4");
    TeacherConfig noStem = new TeacherConfig(4, 4, 16, 2, 2, 32, 0.0, 0, 5);
    assertThat(noStem.validate()).as("no stem, so its kernel does not matter").isEmpty();
    assertThat(noStem.stemTimeKernel()).isZero();
  }

  /** Clips of mixed lengths batched give each clip's lone output (padded frames zeroed around each convolution). */
  private static void assertBatchIndependentWithDistributionRows(TeacherConfig config) {
    try (DjlAttentionTeacher t = teacher(config, 3, 9)) {
      List<float[][]> clips = List.of(noise(40, 4), noise(23, 5), noise(9, 6));
      List<TeacherOutput> batched = t.inferAll(clips);
      for (int c = 0; c < clips.size(); c++) {
        TeacherOutput alone = t.infer(clips.get(c));
        assertThat(batched.get(c).logits()).as("clip %d", c)
            .containsExactly(alone.logits(), org.assertj.core.data.Offset.offset(1e-4f));
        for (float[] row : batched.get(c).attention()[1][0]) {
          double sum = 0;
          for (float v : row) {
            sum += v;
          }
          assertThat(sum).isCloseTo(1.0, within(1e-5));
        }
      }
    }
  }

  @Test
  void temporalStemGradientMatchesFiniteDifferences() {
    gradientCheck(new TeacherConfig(2, 2, 8, 1, 2, 16, 0.0, 2, 3));
  }

  @Test
  void forwardReturnsLogitsAndOneAttentionPerLayerWithBatchShapes() {
    TeacherConfig config = new TeacherConfig(4, 4, 16, 2, 2, 32, 0.0);
    try (DjlAttentionTeacher t = teacher(config, 5, 3);
        NDManager m = t.model().getNDManager().newSubManager()) {
      TeacherBlock block = (TeacherBlock) t.model().getBlock();
      NDArray tokens = m.randomNormal(new Shape(3, 6, block.inputDim()));
      NDList out = block.forward(new ParameterStore(m, false), new NDList(tokens), false);
      assertThat(out).hasSize(3);
      assertThat(out.get(0).getShape()).isEqualTo(new Shape(3, 5));
      assertThat(out.get(1).getShape()).isEqualTo(new Shape(3, 2, 7, 7));
      assertThat(out.get(2).getShape()).isEqualTo(new Shape(3, 2, 7, 7));
    }
  }

  /**
   * DJL's gradient of a scalar mixing logits and attention, with respect to the input tokens,
   * against central finite differences. MXNet's blocks cannot be cast to float64 here ({@code
   * Block.cast} is not implemented), so this runs in float32 with a step of 1e-2 and a relative
   * tolerance of 2e-2 (truncation error ~eps², rounding ~1e-7/eps).
   */
  @Test
  void attentionBlockGradientMatchesFiniteDifferences() {
    gradientCheck(new TeacherConfig(1, 1, 8, 1, 2, 16, 0.0));
  }

  /** The same check through the convolutional stem (2 frames per token, 2 channels). */
  @Test
  void convStemGradientMatchesFiniteDifferences() {
    gradientCheck(new TeacherConfig(2, 2, 8, 1, 2, 16, 0.0, 2));
  }

  private static void gradientCheck(TeacherConfig config) {
    // Engines whose kernels run in float64 (PyTorch) check there: no float32 rounding in the way.
    // MXNet's (MKL-DNN) are float32 only.
    DataType type = "MXNet".equals(Engine.getInstance().getEngineName()) ? DataType.FLOAT32 : DataType.FLOAT64;
    Engine.getInstance().setRandomSeed(11);
    try (Model model = DjlAttentionTeacher.newModel(config, MELS, 3);
        NDManager m = model.getNDManager().newSubManager()) {
      TeacherBlock block = (TeacherBlock) model.getBlock();
      block.initialize(model.getNDManager(), type, DjlAttentionTeacher.inputShapes(block));
      ParameterStore ps = new ParameterStore(m, false);
      Random r = new Random(5);
      double[] x = new double[3 * block.inputDim()];
      for (int i = 0; i < x.length; i++) {
        x[i] = r.nextGaussian();
      }
      double[] w = new double[2 * 4 * 4];
      for (int i = 0; i < w.length; i++) {
        w[i] = r.nextGaussian();
      }
      Shape shape = new Shape(1, 3, block.inputDim());
      double[] analytic;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray in = m.create(x, shape).toType(type, false);
        in.setRequiresGradient(true);
        NDArray loss = scalar(block, ps, m, in, w);
        gc.backward(loss);
        analytic = in.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
      }
      double eps = type == DataType.FLOAT64 ? 1e-5 : 1e-2;
      double worst = 0;
      for (int i = 0; i < x.length; i++) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[i] += eps;
        minus[i] -= eps;
        double fp = scalar(block, ps, m, m.create(plus, shape).toType(type, false), w).toType(DataType.FLOAT64, false).getDouble();
        double fm = scalar(block, ps, m, m.create(minus, shape).toType(type, false), w).toType(DataType.FLOAT64, false).getDouble();
        double numeric = (fp - fm) / (2 * eps);
        // Gradients are summed in float32, inputs differenced in float32 too.
        double err = Math.abs(numeric - analytic[i]) / Math.max(1e-2, Math.abs(numeric) + Math.abs(analytic[i]));
        worst = Math.max(worst, err);
      }
      System.out.printf("gradient check on %s in %s: worst relative error %.2e%n", Engine.getInstance().getEngineName(), type, worst);
      // float32: step 1e-2, tolerance 2e-2 (truncation ~eps², rounding ~1e-7/eps); float64: step
      // 1e-5, tolerance 1e-4 (truncation ~1e-10, rounding ~1e-11).
      assertThat(worst).as("worst relative gradient error").isLessThan(type == DataType.FLOAT64 ? 1e-4 : 2e-2);
      assertThat(java.util.Arrays.stream(analytic).map(Math::abs).max().orElse(0)).as("largest gradient").isGreaterThan(1e-3);
    }
  }

  private static NDArray scalar(TeacherBlock block, ParameterStore ps, NDManager m, NDArray in, double[] w) {
    NDList out = block.forward(ps, new NDList(in), false);
    NDArray attn = out.get(1);
    NDArray weights = m.create(w, attn.getShape()).toType(attn.getDataType(), false);
    return out.get(0).square().sum().add(attn.mul(weights).sum());
  }
}
