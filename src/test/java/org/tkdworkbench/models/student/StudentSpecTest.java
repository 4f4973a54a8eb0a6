package org.tkdworkbench.models.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tkdworkbench.workspace.Json;

class StudentSpecTest {

  @Test
  void cliNamesRoundTripAndUnknownNamesListTheValidOnes() {
    for (StudentArchitecture a : StudentArchitecture.values()) {
      assertThat(StudentArchitecture.fromCliName(a.cliName())).isEqualTo(a);
    }
    assertThat(StudentArchitecture.fromCliName("MHATT_RNN")).isEqualTo(StudentArchitecture.MHATT_RNN);
    assertThat(StudentPreset.fromCliName("Paper")).isEqualTo(StudentPreset.PAPER);
    assertThatThrownBy(() -> StudentArchitecture.fromCliName("lstm"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown student architecture 'lstm': expected one of lstm-p, tc-resnet, crnn, att-rnn, mhatt-rnn");
    assertThatThrownBy(() -> StudentPreset.fromCliName(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown student preset 'null': expected one of small, paper");
  }

  @Test
  void aPresetAsIsIsValid() {
    for (StudentArchitecture a : StudentArchitecture.values()) {
      for (StudentPreset p : StudentPreset.values()) {
        assertThat(StudentSpec.of(a, p, 40, 12).validate()).isEmpty();
      }
    }
  }

  @Test
  void validateNamesEveryFieldTheRuleAndWhatWasFound() {
    StudentSpec bad = new StudentSpec(null, null, -1.5, 40, 0, 0);
    assertThat(bad.validate())
        .containsExactly(
            "student.architecture: must be one of lstm-p, tc-resnet, crnn, att-rnn, mhatt-rnn, found null",
            "student.preset: must be one of small, paper, found null",
            "student.width: must be in (0, 16], found -1.5",
            "student.depth: must be in 0..32 (0 = the preset's), found 40",
            "student.mels: must be in 1..1024, found 0",
            "student.classes: must be in 1..100000, found 0");
    assertThat(new StudentSpec(StudentArchitecture.CRNN, StudentPreset.SMALL, Double.NaN, 0, 4, 2).validate())
        .containsExactly(
            "student.width: must be in (0, 16], found NaN",
            "student.mels: must be at least 5 for crnn (its convolutions do not pad the mel axis), found 4");
    assertThatThrownBy(() -> Students.newBlock(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("student.width");
  }

  @Test
  void jsonUsesSnakeCaseAndCliNames() throws Exception {
    StudentSpec spec = new StudentSpec(StudentArchitecture.MHATT_RNN, StudentPreset.SMALL, 1.5, 2, 40, 12);
    String json = Json.mapper().writeValueAsString(spec);
    assertThat(json.replaceAll("\\s", ""))
        .contains("\"architecture\":\"mhatt-rnn\"")
        .contains("\"preset\":\"small\"")
        .contains("\"width\":1.5")
        .contains("\"depth\":2");
    assertThat(Json.mapper().readValue(json, StudentSpec.class)).isEqualTo(spec);
  }
}
