package org.tkdworkbench.ui.wizard;

import org.tkdworkbench.ui.form.Forms;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tkdworkbench.ui.wizard.WizardViewModel.SourceKind;

/** Step 1: the bundled sample or a folder (typed, or picked with a chooser). */
final class SourcePage {
  private SourcePage() {}

  static Node build(WizardViewModel vm) {
    ToggleGroup group = new ToggleGroup();
    RadioButton sample =
        new RadioButton(
            vm.samplePath() == null
                ? "The bundled sample (not installed here)"
                : "The bundled sample: " + vm.samplePath());
    sample.setId("wizardSourceSample");
    sample.setToggleGroup(group);
    sample.setDisable(!vm.sampleAvailableProperty().get());
    RadioButton folder = new RadioButton("A dataset folder:");
    folder.setId("wizardSourceFolder");
    folder.setToggleGroup(group);
    group.selectToggle(vm.sourceKindProperty().get() == SourceKind.SAMPLE ? sample : folder);
    group
        .selectedToggleProperty()
        .addListener(
            (o, a, t) -> vm.sourceKindProperty().set(t == sample ? SourceKind.SAMPLE : SourceKind.FOLDER));

    TextField path = Forms.text("wizardFolderPath", vm.folderProperty(), 40);
    path.setPromptText("/data/speech_commands_v0.02");
    HBox.setHgrow(path, Priority.ALWAYS);
    // Typing or choosing a folder means "a folder".
    path.textProperty().addListener((o, a, b) -> group.selectToggle(folder));
    Button choose = Forms.chooseFolder("wizardChooseFolder", "Dataset folder", vm.folderProperty());
    HBox folderRow = new HBox(8, path, choose);
    folderRow.setPadding(new Insets(0, 0, 0, 24));

    Label message = Forms.messageLabel("wizardSourceMessage", vm.sourceMessageProperty());

    VBox box =
        new VBox(
            10,
            Forms.hint(
                "Where is the dataset? The next step looks at the folder and recognises its layout:"
                    + " folder-per-class, Google Speech Commands, ESC-50, FSD50K or a CSV manifest."),
            sample,
            folder,
            folderRow,
            message);
    box.setPadding(new Insets(12));
    return box;
  }
}
