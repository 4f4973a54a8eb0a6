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

  /**
   * Off, the new fields are not written: a run.json is byte for byte what older versions wrote (a
   * sweep reuses a finished cell by comparing run.json trees; older versions refuse unknown fields).
   */
  @Test
  void augmentationOffWritesWhatOlderVersionsWrote() throws Exception {
    String json = Json.mapper().writeValueAsString(new TrainingConfig(30, 32, 1e-3, 0, 1, 0));
    assertThat(json).doesNotContain("spec_augment").doesNotContain("warp").contains("\"time_shift\" : false");
    assertThat(Json.mapper().writeValueAsString(TrainingConfig.defaults().withWarp(0.1))).contains("\"warp\" : 0.1");
  }

  /** A student's run refuses the teacher's augmentations instead of ignoring them. */
  @Test
  void aStudentRunRefusesTheTeachersAugmentations() throws Exception {
    String run = """
        {"student":"crnn","lambda":0.5,"alpha":0,"temperature":2,"target":"energy","seed":3,
         "student_spec":{"architecture":"CRNN","preset":"SMALL","width":1.0,"depth":0,"mels":40,"classes":2},
         "training":{"epochs":3,"batch_size":8,"learning_rate":0.003,"weight_decay":0,"seed":3,"patience":0,"time_shift":false%s},
         "features":{"sample_rate":16000,"n_fft":512,"win_length":400,"hop_length":160,"n_mels":40,"fmin":0.0,"fmax":null},
         "dataset":"/data/x","layout":"auto","rollout_method":"rollout","head_fusion":"mean","energy_smoothing_s":0.2}
        """;
    DistillRunConfig plain = Json.mapper().readValue(run.formatted(""), DistillRunConfig.class);
    assertThat(plain.validate()).noneMatch(p -> p.startsWith("training"));
    DistillRunConfig masked = Json.mapper().readValue(run.formatted(",\"spec_augment\":2"), DistillRunConfig.class);
    assertThat(masked.validate()).contains(
        "training: time_shift, spec_augment and warp train teachers only; a student trains on the clips as they are, found false, 2, 0.0");
  }

  @Test
  void tooManyMasksAreRefusedNamingTheField() {
    assertThat(TrainingConfig.defaults().withSpecAugment(11).validate())
        .containsExactly("training.spec_augment: must be in 0..10 masks per axis, found 11");
    assertThat(TrainingConfig.defaults().withSpecAugment(-1).validate()).hasSize(1);
    assertThat(TrainingConfig.defaults().withSpecAugment(10).validate()).isEmpty();
    assertThat(TrainingConfig.defaults().withWarp(0.4).validate()).containsExactly("training.warp: must be in [0, 0.3], found 0.4");
  }
}
