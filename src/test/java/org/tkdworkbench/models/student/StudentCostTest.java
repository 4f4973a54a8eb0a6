package org.tkdworkbench.models.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Costs against counts worked by hand (no engine needed). */
class StudentCostTest {

  /**
   * TC-ResNet's first layer at 40 mels, 16 filters, kernel (3,1), 401 frames, "same" padding: the
   * kernel has 40 · 16 · 3 = 1,920 weights, plus 16 biases = 1,936 parameters; it is applied at 401
   * time positions (× 1 frequency position): 1,920 · 401 = 769,920 MACs.
   */
  @Test
  void oneConvolutionLayerCountedByHand() {
    Tally t = new Tally().conv(40, 16, 3, 1, 401, true);
    assertThat(t.parameters).isEqualTo(1_936);
    assertThat(t.macs).isEqualTo(769_920);
    assertThat(t.tensors).isEqualTo(2);
  }

  /**
   * One GRU layer reading 144 features with 32 units over 395 steps: 3 gates · 32 units = 96 rows,
   * each reading 144 inputs + 32 recurrent values = 176, so 96 · 176 = 16,896 weights and as many
   * MACs per step; 16,896 · 395 = 6,673,920 MACs. Parameters add two biases of 96 (input and
   * recurrent, DJL's layout): 16,896 + 192 = 17,088.
   */
  @Test
  void oneGruLayerCountedByHand() {
    Tally t = new Tally().recurrent(3, 144, 32, 1, false, 395);
    assertThat(t.parameters).isEqualTo(17_088);
    assertThat(t.macs).isEqualTo(6_673_920);
    assertThat(t.tensors).isEqualTo(4);
  }

  /**
   * The whole small CRNN at 40 mels, 12 classes, 401 frames:
   *
   * <pre>
   * conv1 (3,3), 1→8, valid: out 399 × 38 = 15,162 positions; 72 weights → 1,091,664 MACs; 80 params
   * conv2 (5,3), 8→8, mel stride 2: out 395 × ((38−3)/2+1 = 18) = 7,110 positions;
   *       960 weights → 6,825,600 MACs; 968 params
   * GRU 144 (= 8 · 18) → 32 over 395 steps: 6,673,920 MACs; 17,088 params (above)
   * dense 32→32: 1,024 MACs, 1,056 params; dense 32→32: 1,024, 1,056; classifier 32→12: 384, 396
   * total: 14,593,616 MACs; 20,644 params in 14 tensors → int8 20,644 + 4 · 14 = 20,700 bytes
   * </pre>
   */
  @Test
  void smallCrnnCountedByHand() {
    StudentCost c = StudentCost.of(StudentSpec.of(StudentArchitecture.CRNN, StudentPreset.SMALL, 40, 12), 401);
    assertThat(c.parameters()).isEqualTo(20_644);
    assertThat(c.macsPerClip()).isEqualTo(14_593_616);
    assertThat(c.bytesFp32()).isEqualTo(82_576);
    assertThat(c.bytesInt8()).isEqualTo(20_700);
  }

  @Test
  void macsGrowWithTheClipAndParametersDoNot() {
    for (StudentArchitecture a : StudentArchitecture.values()) {
      StudentSpec spec = StudentSpec.of(a, StudentPreset.SMALL, 40, 12);
      StudentCost short1 = StudentCost.of(spec, 101);
      StudentCost long4 = StudentCost.of(spec, 401);
      assertThat(long4.parameters()).isEqualTo(short1.parameters());
      assertThat(long4.macsPerClip()).as("%s", a).isGreaterThan(3 * short1.macsPerClip());
    }
  }

  @Test
  void smallPresetsStayInTheirBudgetAndPaperPresetsAreLarger() {
    for (StudentArchitecture a : StudentArchitecture.values()) {
      long small = StudentCost.of(StudentSpec.of(a, StudentPreset.SMALL, 40, 12), 401).parameters();
      long paper = StudentCost.of(StudentSpec.of(a, StudentPreset.PAPER, 40, 12), 401).parameters();
      assertThat(small).as("%s small", a).isBetween(10_000L, 50_000L);
      assertThat(paper).as("%s paper", a).isBetween(150_000L, 1_500_000L);
    }
  }

  @Test
  void widthAndDepthScaleTheCost() {
    StudentSpec base = StudentSpec.of(StudentArchitecture.TC_RESNET, StudentPreset.SMALL, 40, 12);
    StudentSpec wide = new StudentSpec(StudentArchitecture.TC_RESNET, StudentPreset.SMALL, 2.0, 0, 40, 12);
    StudentSpec deep = new StudentSpec(StudentArchitecture.TC_RESNET, StudentPreset.SMALL, 1.0, 5, 40, 12);
    long p = StudentCost.of(base, 401).parameters();
    assertThat(StudentCost.of(wide, 401).parameters()).isGreaterThan(3 * p);
    assertThat(StudentCost.of(deep, 401).parameters()).isGreaterThan(p);
  }

  @Test
  void tooShortClipsAndInvalidSpecsAreRefusedWithTheReason() {
    StudentSpec crnn = StudentSpec.of(StudentArchitecture.CRNN, StudentPreset.SMALL, 40, 12);
    assertThatThrownBy(() -> StudentCost.of(crnn, 6)).hasMessageContaining("at least 7").hasMessageContaining("found 6");
    assertThatThrownBy(() -> StudentCost.of(new StudentSpec(StudentArchitecture.CRNN, StudentPreset.SMALL, 0, 0, 40, 12), 100))
        .hasMessageContaining("student.width");
  }
}
