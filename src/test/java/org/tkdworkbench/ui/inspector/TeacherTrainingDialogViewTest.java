package org.tkdworkbench.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real "Train a teacher" dialog, headless: its rows, a wrong value named beside its field
 * keeping the dialog open, and OK returning what was typed.
 */
@Tag("ui")
class TeacherTrainingDialogViewTest {
  private final FxRobot robot = new FxRobot();
  private final AtomicReference<Optional<TeacherTrainingDialog.Choice>> chosen = new AtomicReference<>();

  @BeforeEach
  void open() throws Exception {
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupStage(stage -> {
      Button open = new Button("Train teacher…");
      open.setId("openDialog");
      open.setOnAction(e -> chosen.set(new TeacherTrainingDialog().show(stage, "sample-audio-noisy-4s")));
      stage.setScene(new Scene(new StackPane(open), 400, 300));
      stage.show();
    });
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#openDialog");
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void close() throws Exception {
    FxToolkit.cleanupStages();
  }

  private void type(String id, String text) {
    TextField f = robot.lookup("#" + id).queryAs(TextField.class);
    robot.interact(() -> f.setText(text));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void everyRowIsThereAWrongKernelKeepsItOpenAndOkReturnsWhatWasTyped() throws Exception {
    for (String id : new String[] {"teacherepochs", "teacherbatchsize", "teacherseed", "teacherwarp", "teacherconvstem",
        "teacherstemtimekernel"}) {
      assertThat(robot.lookup("#" + id).tryQuery()).as(id).isPresent();
    }
    assertThat(robot.lookup("#teacherwarp").queryAs(TextField.class).getText()).isEqualTo("0.1");
    assertThat(robot.lookup("#teacherstemtimekernel").queryAs(TextField.class).getText()).isEqualTo("9");
    assertThat(robot.lookup("#teacherwarp").queryAs(TextField.class).getTooltip().getText()).contains("at most 0.3");
    assertThat(robot.lookup("#teacherepochs").queryAs(TextField.class).getTooltip()).isNull();

    type("teacherstemtimekernel", "8");
    type("teacherwarp", "0.2");
    robot.clickOn("OK");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(chosen.get()).as("still open: the kernel is even").isNull();
    Label kernelMessage = robot.lookup("#teacherstemtimekernelMessage").queryAs(Label.class);
    assertThat(kernelMessage.getText()).contains("odd").contains("found 8");

    type("teacherstemtimekernel", "5");
    robot.clickOn("OK");
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chosen.get() != null);
    TeacherTrainingDialog.Choice c = chosen.get().orElseThrow();
    assertThat(c.model().stemTimeKernel()).isEqualTo(5);
    assertThat(c.model().convStem()).isEqualTo(48);
    assertThat(c.training().warp()).isEqualTo(0.2);
  }
}
