package org.tkdworkbench.ui.wizard;

import org.tkdworkbench.ui.form.FieldForm;
import org.tkdworkbench.ui.form.Forms;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationSupport;

/**
 * Step 4: the optional noisy variant (the paper's Noisy Speech Commands): length, SNR range, seed,
 * noise folder and output folder, each with its problem beside it.
 */
final class NoisyPage {
  private NoisyPage() {}

  static Node build(WizardViewModel vm) {
    NoisySettings n = vm.noisy();
    FieldForm form = n.form();
    ValidationSupport support = new ValidationSupport();

    CheckBox enabled = new CheckBox("Build a noisy variant: each clip placed at a random offset in longer noise");
    enabled.setId("wizardNoisyEnabled");
    enabled.selectedProperty().bindBidirectional(n.enabledProperty());

    GridPane grid = Forms.grid();
    ComboBox<String> length = new ComboBox<>();
    length.setId("wizardNoisyLength");
    length.setEditable(true);
    length.getItems().setAll(NoisySettings.LENGTHS);
    length.getEditor().textProperty().bindBidirectional(form.value("length"));
    length.setValue(form.text("length"));
    length.setPrefWidth(90);
    length.valueProperty().addListener((o, a, v) -> {
      if (v != null && !v.equals(form.value("length").get())) {
        form.value("length").set(v);
      }
    });
    Forms.row(grid, 0, "Clip length (s)", length, length, form.message("length"), support);
    TextField min = Forms.text("wizardSnrMin", form.value("snr_min"), 6);
    Forms.row(grid, 1, "SNR from (dB)", min, min, form.message("snr_min"), support);
    TextField max = Forms.text("wizardSnrMax", form.value("snr_max"), 6);
    Forms.row(grid, 2, "SNR to (dB)", max, max, form.message("snr_max"), support);
    TextField seed = Forms.text("wizardNoisySeed", form.value("seed"), 8);
    Forms.row(grid, 3, "Seed", seed, seed, form.message("seed"), support);
    TextField copies = Forms.text("wizardNoisyCopies", form.value("copies"), 4);
    copies.setTooltip(new javafx.scene.control.Tooltip(
        "Training clips are written this many times, each at its own offset, SNR and noise:"
            + " more variety for a small dataset (tens of clips per class: try 10; the bundled"
            + " sample's teacher went from 13 % to 59 % test accuracy with 10). Validation and test"
            + " clips are written once."));
    Forms.row(grid, 4, "Copies per training clip", copies, copies, form.message("copies"), support);

    GridPane folders = Forms.grid();
    TextField noise = Forms.text("wizardNoiseFolder", form.value("noise"), 30);
    HBox noiseRow = new HBox(6, noise, Forms.chooseFolder("wizardChooseNoise", "Noise folder", form.value("noise")));
    HBox.setHgrow(noise, Priority.ALWAYS);
    Forms.wideRow(folders, 0, "Noise folder", noise, noiseRow, form.message("noise"), support);
    TextField output = Forms.text("wizardNoisyOutput", form.value("output"), 30);
    HBox outputRow = new HBox(6, output, Forms.chooseFolder("wizardChooseOutput", "Output folder", form.value("output")));
    HBox.setHgrow(output, Priority.ALWAYS);
    Forms.wideRow(folders, 2, "Output folder", output, outputRow, form.message("output"), support);

    Label general = Forms.messageLabel("wizardNoisyMessage", form.generalProperty());
    VBox settings = new VBox(8, grid, folders, general);
    settings.disableProperty().bind(enabled.selectedProperty().not());

    VBox box =
        new VBox(
            10,
            Forms.hint(
                "Optional. Writes a new dataset in Speech Commands layout where every keyword clip"
                    + " sits at a random place inside noise of the chosen length, at an SNR drawn"
                    + " from the range (−6..6 dB leaves the students room to improve), with"
                    + " keyword_spans.csv recording where each keyword is. The same seed gives the"
                    + " same dataset. The summary then reports, and Finish registers, the noisy"
                    + " dataset."),
            enabled,
            settings);
    box.setPadding(new Insets(12));
    return box;
  }
}
