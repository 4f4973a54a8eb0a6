package org.tkdworkbench.distill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tkdworkbench.workspace.Json;

/** The training settings as stored in run.json and a teacher's spec.json, old files included. */
class TrainingConfigTest {
  @Test
  void aFileFromBeforeSpecAugmentReadsAsOffAndANewOneRoundTrips() throws Exception {
    TrainingConfig old = Json.mapper().readValue(
        """
        {"epochs":30,"batch_size":32,"learning_rate":0.001,"weight_decay":0,"seed":1,"patience":0,"time_shift":true}
        """, TrainingConfig.class);
    assertThat(old.specAugment()).isZero();
    assertThat(old.warp()).isZero();
    assertThat(old.timeShift()).isTrue();
    TrainingConfig now = old.withSpecAugment(2).withWarp(0.1);
    String json = Json.mapper().writeValueAsString(now);
    assertThat(json).contains("\"spec_augment\" : 2");
    assertThat(Json.mapper().readValue(json, TrainingConfig.class)).isEqualTo(now);
  }

  @Test
  void tooManyMasksAreRefusedNamingTheField() {
    assertThat(TrainingConfig.defaults().withSpecAugment(11).validate())
        .containsExactly("training.spec_augment: must be in 0..10 masks per axis, found 11");
    assertThat(TrainingConfig.defaults().withSpecAugment(-1).validate()).hasSize(1);
    assertThat(TrainingConfig.defaults().withSpecAugment(10).validate()).isEmpty();
    assertThat(TrainingConfig.defaults().withWarp(0.6).validate()).containsExactly("training.warp: must be in [0, 0.5], found 0.6");
  }
}
