package org.tkdworkbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.RegisteredDataset;
import org.tkdworkbench.data.Refusal;
import org.tkdworkbench.jobs.ExecutorJobRunner;

/**
 * The wizard's real nodes in the real ControlsFX dialog, headless, on fake services: ids, messages
 * beside fields, Next disabled while invalid, Finish registering before it closes, Cancel.
 */
@Tag("ui")
class WizardViewTest {
  private final FxRobot robot = new FxRobot();
  @TempDir Path tmp;
  private FakeServices services;
  private ExecutorJobRunner runner;
  private final List<RegisteredDataset> imported = new ArrayList<>();
  private WizardViewModel vm;

  @BeforeEach
  void openWizard() throws Exception {
    services = new FakeServices(tmp.resolve("ws"), tmp.resolve("sample"));
    services.refusals = List.of(new Refusal("yes/bad.wav", Refusal.Reason.NOT_AUDIO, "a text file"));
    runner = new ExecutorJobRunner(2);
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupStage(
        stage -> {
          Button open = new Button("Import");
          open.setId("openWizard");
          open.setOnAction(
              e ->
                  new WizardView(vm = new WizardViewModel(services, runner, Platform::runLater), open)
                      .showAndWait((stored, index) -> imported.add(stored)));
          stage.setScene(new Scene(new StackPane(open), 400, 300));
          stage.show();
        });
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#openWizard");
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void close() throws Exception {
    FxToolkit.cleanupStages();
    runner.close();
  }

  private Button button(String id) {
    return robot.lookup("#" + id).queryButton();
  }

  private void next() throws Exception {
    await("Next is enabled", () -> !button("wizardNext").isDisabled());
    robot.clickOn("#wizardNext");
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void type(String id, String text) {
    TextField f = robot.lookup("#" + id).queryAs(TextField.class);
    robot.clickOn(f);
    if (text.length() <= 4) {
      robot.interact(f::selectAll);
      robot.write(text); // short numbers are typed key by key
    } else {
      robot.interact(() -> f.setText(text)); // a long path would take seconds to type
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private String message(String fieldId) {
    Label l = robot.lookup("#" + fieldId + "Message").queryAs(Label.class);
    return l.isVisible() ? l.getText() : null;
  }

  private static void await(String what, Callable<Boolean> condition) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    } catch (TimeoutException e) {
      throw new AssertionError("timed out waiting until " + what, e);
    }
  }

  private boolean treeVisible(String id) {
    for (Node n = robot.lookup("#" + id).query(); n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private boolean showing(String id) {
    return robot.lookup("#" + id).tryQuery().map(Node::getScene).isPresent();
  }

  @Test
  void validationShowsBesideTheFieldAndFinishRegistersThenCloses() throws Exception {
    assertThat(robot.listWindows()).hasSize(2);
    assertThat(showing("wizardSourceSample")).isTrue();
    assertThat(button("wizardBack").isDisabled()).isTrue();
    next();

    ComboBox<Layout> layout = robot.lookup("#wizardLayout").queryComboBox();
    await("the layout is detected", () -> layout.getValue() == Layout.SPEECH_COMMANDS);
    assertThat(robot.lookup("#wizardDetected").queryAs(Label.class).getText())
        .isEqualTo("Detected: speech-commands");
    assertThat(treeVisible("wizardTestFold")).isFalse();
    assertThat(treeVisible("wizardSpeakerFolds")).isTrue();
    assertThat(robot.lookup("#wizardFolds").queryAs(Spinner.class).isDisabled()).isTrue();
    robot.clickOn("#wizardSpeakerFolds");
    assertThat(robot.lookup("#wizardFolds").queryAs(Spinner.class).isDisabled()).isFalse();
    assertThat(vm.layout().options()).isEqualTo(LayoutOptions.speakerFolds(10, 2, null));
    org.tkdworkbench.ui.Snapshots.save(
        org.tkdworkbench.ui.Snapshots.of(robot.lookup("#wizardSpeakerFolds").query().getScene().getRoot()),
        "wizard-speaker-folds");
    robot.interact(() -> vm.layout().foldsProperty().set(3));
    robot.interact(() -> vm.layout().speakerTestFoldProperty().set(5));
    assertThat(message("wizardSpeakerTestFold")).isEqualTo("must be in 1..3, found 5");
    assertThat(button("wizardNext").isDisabled()).isTrue();
    robot.interact(() -> vm.layout().speakerTestFoldProperty().set(1));
    assertThat(message("wizardSpeakerTestFold")).isNull();
    assertThat(vm.layout().options()).isEqualTo(LayoutOptions.speakerFolds(3, 1, null));
    robot.clickOn("#wizardSpeakerFolds");
    assertThat(vm.layout().options()).isEqualTo(LayoutOptions.defaults());
    robot.interact(() -> layout.setValue(Layout.ESC50));
    assertThat(treeVisible("wizardTestFold")).isTrue();
    assertThat(treeVisible("wizardSpeakerFolds")).isFalse();
    robot.interact(() -> layout.setValue(Layout.SPEECH_COMMANDS));
    next();

    type("wizardFeature_hop_length", "2048");
    assertThat(message("wizardFeature_hop_length")).isEqualTo("must be in 1..n_fft (512), found 2048");
    assertThat(message("wizardFeature_n_mels")).isNull();
    assertThat(button("wizardNext").isDisabled()).isTrue();
    type("wizardFeature_hop_length", "160");
    type("wizardFeature_n_mels", "64");
    assertThat(message("wizardFeature_hop_length")).isNull();
    next();

    robot.clickOn("#wizardNoisyEnabled");
    assertThat(robot.lookup("#wizardNoisyOutput").queryAs(TextField.class).getText())
        .isEqualTo(tmp.resolve("ws/datasets/sample-noisy-4s").toString());
    type("wizardSnrMin", "9");
    assertThat(message("wizardSnrMin")).contains("snr_min <= snr_max");
    assertThat(message("wizardSnrMax")).contains("snr_min <= snr_max");
    assertThat(button("wizardNext").isDisabled()).isTrue();
    type("wizardSnrMin", "-6");
    next();

    await("the summary is shown",
        () -> robot.lookup("#wizardSummaryClips").queryAs(Label.class).getText().startsWith("6 clips"));
    assertThat(robot.lookup("#wizardSummaryClasses").queryAs(Label.class).getText()).isEqualTo("2 classes");
    assertThat(robot.lookup("#wizardSummaryNoisy").queryAs(Label.class).getText()).startsWith("built 6 clips of 4 s");
    StackedBarChart<?, ?> chart = robot.lookup("#wizardClassChart").queryAs(StackedBarChart.class);
    assertThat(chart.getData()).extracting(s -> s.getName()).containsExactly("train", "test");
    TableView<Refusal> refused = robot.lookup("#wizardRefusedTable").queryTableView();
    assertThat(refused.getItems()).extracting(Refusal::path).containsExactly("yes/bad.wav");
    assertThat(robot.lookup("#wizardName").queryAs(TextField.class).getText()).isEqualTo("sample-noisy-4s");

    robot.clickOn("#wizardFinish");
    await("the wizard closes", () -> robot.listWindows().size() == 1);
    assertThat(imported).extracting(RegisteredDataset::name).containsExactly("sample-noisy-4s");
    assertThat(services.registered.get(0).features().nMels()).isEqualTo(64);
  }

  @Test
  void cancelClosesTheWizardWithoutRegistering() throws Exception {
    next();
    await("the layout is detected", () -> !button("wizardNext").isDisabled());
    robot.clickOn("#wizardCancel");
    await("the wizard closes", () -> robot.listWindows().size() == 1);
    assertThat(imported).isEmpty();
    assertThat(services.registered).isEmpty();
  }

  @Test
  void anUnreadableFolderIsAMessageOnThePageAndNextStaysDisabled() throws Exception {
    Path missing = tmp.resolve("nowhere");
    services.detectFailure = new java.nio.file.NoSuchFileException(missing.toString());
    robot.clickOn("#wizardSourceFolder");
    assertThat(button("wizardNext").isDisabled()).as("no folder yet").isTrue();
    type("wizardFolderPath", missing.toString());
    next();
    Label error = robot.lookup("#wizardLayoutError").queryAs(Label.class);
    await("the error shows", error::isVisible);
    assertThat(error.getText()).isEqualTo("Could not read " + missing + ": not found: " + missing);
    assertThat(button("wizardNext").isDisabled()).isTrue();
    assertThat(robot.listWindows()).as("no error dialog").hasSize(2);
  }
}
