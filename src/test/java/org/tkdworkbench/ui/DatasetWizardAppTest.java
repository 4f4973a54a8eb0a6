package org.tkdworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.Refusal;
import org.tkdworkbench.data.RegisteredDataset;
import org.tkdworkbench.data.SampleDataset;
import org.tkdworkbench.ui.browser.ClipRow;
import org.tkdworkbench.ui.shell.AppArgs;

/**
 * Walks the whole dataset wizard in the real app on the bundled sample with the real core: the
 * detected layout, 64 mels, a 4 s noisy variant built and reported, Finish, and the registered
 * noisy dataset open in the clip browser.
 */
@Tag("ui")
class DatasetWizardAppTest {
  private final FxRobot robot = new FxRobot();
  private Application app;
  @TempDir Path tmp;

  @AfterEach
  void stopApp() throws Exception {
    AppTestSupport.close(app);
  }


  private Button button(String id) {
    return robot.lookup("#" + id).queryButton();
  }

  private void next() throws Exception {
    AppTestSupport.await("Next is enabled", 20, () -> !button("wizardNext").isDisabled());
    robot.clickOn("#wizardNext");
    WaitForAsyncUtils.waitForFxEvents();
  }

  private String text(String id) {
    return robot.lookup("#" + id).queryAs(Label.class).getText();
  }

  @Test
  void importsANoisyVariantOfTheSampleAndOpensIt() throws Exception {
    assumeThat(SampleDataset.locate()).as("sample-audio/ is bundled in this checkout").isPresent();
    Path ws = tmp.resolve("ws");
    FxToolkit.registerPrimaryStage();
    app =
        FxToolkit.setupApplication(
            () -> new WorkbenchApp(new AppArgs(ws, null, List.of()), WorkbenchAppTest.NoOutput::new));
    WaitForAsyncUtils.waitForFxEvents();
    ListView<RegisteredDataset> registered = robot.lookup("#registeredDatasets").queryListView();
    // A new workspace registers the bundled sample by itself (the first start): nothing else.
    AppTestSupport.await("the bundled sample is registered", 20, () -> registered.getItems().size() == 1);
    assertThat(registered.getItems().get(0).name()).isEqualTo(SampleDataset.REGISTERED_NAME);

    // 1. Source: the bundled sample.
    robot.clickOn("#importDataset");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.listWindows()).hasSize(2);
    robot.clickOn("#wizardSourceSample");
    assertThat(robot.lookup("#wizardSourceSample").queryAs(RadioButton.class).isSelected()).isTrue();
    next();

    // 2. Layout: detected off the FX thread as Speech Commands.
    ComboBox<Layout> layout = robot.lookup("#wizardLayout").queryComboBox();
    AppTestSupport.await("the layout is detected", 20, () -> layout.getValue() == Layout.SPEECH_COMMANDS);
    assertThat(text("wizardDetected")).isEqualTo("Detected: speech-commands");
    next();

    // 3. Features: 64 mel bands.
    TextField mels = robot.lookup("#wizardFeature_n_mels").queryAs(TextField.class);
    robot.doubleClickOn(mels);
    robot.interact(mels::selectAll);
    robot.write("64");
    assertThat(mels.getText()).isEqualTo("64");
    next();

    // 4. A 4 s noisy variant from the sample's own _background_noise_, into the workspace.
    robot.clickOn("#wizardNoisyEnabled");
    ComboBox<String> length = robot.lookup("#wizardNoisyLength").queryComboBox();
    robot.interact(() -> length.setValue("4"));
    Path output = ws.resolve("datasets/sample-audio-noisy-4s");
    assertThat(robot.lookup("#wizardNoisyOutput").queryAs(TextField.class).getText())
        .isEqualTo(output.toString());
    assertThat(robot.lookup("#wizardNoiseFolder").queryAs(TextField.class).getText())
        .endsWith("_background_noise_");
    next();

    // 5. Summary: the NOISY dataset's import report.
    AppTestSupport.await("the import report is shown", 120, () -> text("wizardSummaryClips").startsWith("332 clips"));
    WaitForAsyncUtils.waitForFxEvents(); // the chart and table fill in the same FX event
    assertThat(text("wizardSummaryClasses")).isEqualTo("10 classes");
    assertThat(text("wizardSummaryDataset")).isEqualTo(output + " (speech-commands)");
    assertThat(text("wizardSummaryDurations")).endsWith("per clip 4.00–4.00 s");
    assertThat(text("wizardSummaryRates")).isEqualTo("16000 Hz (332 clips)");
    assertThat(text("wizardSummaryNoisy")).startsWith("built 332 clips of 4 s at -6..6 dB SNR");
    StackedBarChart<?, ?> chart = robot.lookup("#wizardClassChart").queryAs(StackedBarChart.class);
    assertThat(chart.getData()).extracting(s -> s.getName()).contains("train", "validation", "test");
    assertThat(chart.getData().get(0).getData()).hasSize(10);
    TableView<Refusal> refused = robot.lookup("#wizardRefusedTable").queryTableView();
    assertThat(refused.getItems())
        .allSatisfy(r -> assertThat(r.path()).isNotBlank())
        .allSatisfy(r -> assertThat(r.reason()).isNotNull());
    Snapshots.save(Snapshots.of(robot.lookup("#wizardPage_summary").query()), "wizard-summary");

    robot.clickOn("#wizardFinish");
    AppTestSupport.await("the wizard closes", 20, () -> robot.listWindows().size() == 1);

    // Registered in the workspace ...
    Path registry = ws.resolve("datasets.json");
    AppTestSupport.await("the registry is written", 10, () -> Files.exists(registry));
    JsonNode json = new ObjectMapper().readTree(registry.toFile());
    JsonNode entry = json.findValue("datasets").get(1); // after the bundled sample of the first start
    assertThat(entry.get("name").asText()).isEqualTo("sample-audio-noisy-4s");
    assertThat(entry.get("root").asText()).isEqualTo(output.toString());
    assertThat(entry.get("layout").asText()).isEqualTo("speech-commands");
    assertThat(entry.get("clips").asInt()).isEqualTo(332);
    assertThat(entry.get("features").get("n_mels").asInt()).isEqualTo(64);

    // ... listed, selected, and open in the clip browser with 4 s clips.
    AppTestSupport.await("the registered list shows it", 10, () -> registered.getItems().size() == 2);
    assertThat(registered.getSelectionModel().getSelectedItem().name()).isEqualTo("sample-audio-noisy-4s");
    TableView<ClipRow> clips = robot.lookup("#clipTable").queryTableView();
    AppTestSupport.await("the browser shows the noisy clips", 20, () -> clips.getItems().size() == 332);
    assertThat(robot.lookup("#clipCount").queryAs(Label.class).getText()).isEqualTo("332 clips");
    assertThat(robot.lookup("#datasetSummary").queryAs(Label.class).getText())
        .startsWith("sample-audio-noisy-4s: 332 clips, 10 labels");
    AppTestSupport.await("durations are read", 30,
        () -> clips.getItems().stream().allMatch(r -> r.durationProperty().get() != null));
    assertThat(clips.getItems()).allSatisfy(r -> assertThat(r.durationProperty().get()).isEqualTo(4.0));
    Snapshots.save(Snapshots.of(robot.lookup("#shell").query()), "app-after-wizard");
  }
}
