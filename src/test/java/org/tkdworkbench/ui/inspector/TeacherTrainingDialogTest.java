package org.tkdworkbench.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tkdworkbench.distill.TrainingConfig;
import org.tkdworkbench.models.TeacherConfig;

class TeacherTrainingDialogTest {
  @Test
  void defaultsAreTheClisAndWrongFieldsAreNamed() {
    TeacherTrainingDialog d = new TeacherTrainingDialog();
    TeacherTrainingDialog.Choice c = d.choice().orElseThrow();
    assertThat(c.model()).isEqualTo(TeacherConfig.defaults());
    assertThat(c.training().epochs()).isEqualTo(TrainingConfig.defaults().epochs());
    assertThat(c.training().timeShift()).as("the CLI's default augmentation").isTrue();
    assertThat(c.training()).isEqualTo(TrainingConfig.teacherDefaults());
    assertThat(c.training().warp()).as("teachers warp by default").isEqualTo(0.1);

    d.form("training").value("epochs").set("many");
    d.form("teacher").value("conv_stem").set("-3");
    assertThat(d.choice()).isEmpty();
    assertThat(d.form("training").message("epochs").get()).isEqualTo("must be a whole number, found 'many'");
    d.form("training").value("epochs").set("4");
    d.form("training").value("warp").set("0.5");
    assertThat(d.choice()).isEmpty();
    assertThat(d.form("training").message("warp").get()).contains("0.5");
    d.form("training").value("warp").set("0");
    assertThat(d.choice()).isEmpty();
    assertThat(d.form("teacher").message("conv_stem").get()).contains("-3");
    d.form("teacher").value("conv_stem").set("0"); // "0 = none", whatever the kernel field says
    TeacherTrainingDialog.Choice none = d.choice().orElseThrow();
    assertThat(none.model().convStem()).isZero();
    assertThat(none.model().stemTimeKernel()).isZero();
    assertThat(none.training().warp()).isZero();
    assertThat(none.training().epochs()).isEqualTo(4);

    // The temporal stem: an odd kernel with channels; the core's rules reach the field.
    d.form("teacher").value("conv_stem").set("48");
    d.form("teacher").value("stem_time_kernel").set("8");
    assertThat(d.choice()).isEmpty();
    assertThat(d.form("teacher").message("stem_time_kernel").get()).contains("odd").contains("8");
    d.form("teacher").value("stem_time_kernel").set("9");
    TeacherConfig temporal = d.choice().orElseThrow().model();
    assertThat(temporal.convStem()).isEqualTo(48);
    assertThat(temporal.stemTimeKernel()).isEqualTo(9);
    assertThat(d.form("teacher").message("stem_time_kernel").get()).isNull();
  }
}
