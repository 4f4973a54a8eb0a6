package org.tkdworkbench.ui.wizard;

import org.tkdworkbench.ui.form.Forms;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationSupport;
import org.tkdworkbench.data.Layout;

/**
 * Step 2: the layout detection found (run off the FX thread), changeable in a combo; ESC-50's folds
 * and the manifest's name appear only for their layouts, each with its problem beside it.
 */
final class LayoutPage {
  private LayoutPage() {}

  static String describe(Layout l) {
    if (l == null) {
      return "";
    }
    return switch (l) {
      case FOLDERS -> "Folder per class (folders)";
      case SPEECH_COMMANDS -> "Google Speech Commands (speech-commands)";
      case ESC50 -> "ESC-50 (esc50)";
      case FSD50K -> "FSD50K, multi-label (fsd50k)";
      case MANIFEST -> "CSV manifest (manifest)";
    };
  }

  private static String explain(Layout l) {
    if (l == null) {
      return "";
    }
    return switch (l) {
      case FOLDERS -> "root/<label>/…/*.wav: the first folder below the root is the label; every clip is train.";
      case SPEECH_COMMANDS -> "Label folders; validation_list.txt and testing_list.txt define the splits"
          + " (or speaker folds, below); _background_noise_/ is a noise source, not a class.";
      case ESC50 -> "meta/esc50.csv and audio/: the test fold (and optionally a validation fold) are held out.";
      case FSD50K -> "FSD50K.ground_truth/{dev,eval,vocabulary}.csv; clips may carry several labels.";
      case MANIFEST -> "A CSV with path,label[,split] relative to its folder; ';' separates labels.";
    };
  }

  static Node build(WizardViewModel vm) {
    LayoutSettings s = vm.layout();
    ValidationSupport support = new ValidationSupport();

    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(vm.detectingProperty());
    busy.managedProperty().bind(vm.detectingProperty());
    Label detected = new Label();
    detected.setId("wizardDetected");
    detected
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    vm.detectingProperty().get()
                        ? "Looking at the folder…"
                        : s.detectedProperty().get() == null
                            ? ""
                            : "Detected: " + s.detectedProperty().get().cliName(),
                vm.detectingProperty(),
                s.detectedProperty()));
    HBox status = new HBox(8, busy, detected);
    status.setAlignment(Pos.CENTER_LEFT);
    Label error = Forms.messageLabel("wizardLayoutError", vm.detectErrorProperty());
    error.managedProperty().bind(error.visibleProperty());

    ComboBox<Layout> combo = new ComboBox<>();
    combo.setId("wizardLayout");
    combo.getItems().setAll(Layout.values());
    combo.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Layout l) {
            return describe(l);
          }

          @Override
          public Layout fromString(String text) {
            return null;
          }
        });
    combo.valueProperty().bindBidirectional(s.layoutProperty());
    combo.disableProperty().bind(s.detectedProperty().isNull());
    Label explanation = Forms.hint("");
    explanation.textProperty().bind(s.layoutProperty().map(LayoutPage::explain).orElse(""));

    // ESC-50: test fold and an optional validation fold.
    GridPane esc = Forms.grid();
    Spinner<Integer> test = new Spinner<>(new IntegerSpinnerValueFactory(1, 5, 5));
    test.setId("wizardTestFold");
    test.getValueFactory().valueProperty().bindBidirectional(s.testFoldProperty());
    Forms.row(esc, 0, "Test fold", test, test, s.form().message("test_fold"), support);
    Spinner<Integer> val = new Spinner<>(new IntegerSpinnerValueFactory(1, 5, 4));
    val.setId("wizardValidationFold");
    CheckBox useVal = new CheckBox();
    useVal.setId("wizardUseValidationFold");
    useVal.setSelected(s.validationFoldProperty().get() != null);
    val.disableProperty().bind(useVal.selectedProperty().not());
    useVal
        .selectedProperty()
        .addListener((o, a, on) -> s.validationFoldProperty().set(on ? val.getValue() : null));
    val.valueProperty()
        .addListener((o, a, v) -> s.validationFoldProperty().set(useVal.isSelected() ? v : null));
    Forms.row(esc, 1, "Validation fold", val, new HBox(8, useVal, val),
        s.form().message("validation_fold"), support);
    showFor(esc, s, Layout.ESC50);

    // Speech Commands: the lists, or speaker folds for cross-validation.
    GridPane speech = Forms.grid();
    CheckBox byFolds = new CheckBox("by speaker folds, not the lists");
    byFolds.setId("wizardSpeakerFolds");
    byFolds.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    byFolds.selectedProperty().bindBidirectional(s.speakerFoldsProperty());
    Forms.row(speech, 0, "Splits", byFolds, byFolds, s.form().message("folds"), support);
    Spinner<Integer> count = new Spinner<>(new IntegerSpinnerValueFactory(3, 100, 10));
    count.setId("wizardFolds");
    count.setEditable(true);
    count.getValueFactory().valueProperty().bindBidirectional(s.foldsProperty());
    Spinner<Integer> testFold = new Spinner<>(new IntegerSpinnerValueFactory(1, 100, 2));
    testFold.setId("wizardSpeakerTestFold");
    testFold.setEditable(true);
    testFold.getValueFactory().valueProperty().bindBidirectional(s.speakerTestFoldProperty());
    count.disableProperty().bind(byFolds.selectedProperty().not());
    testFold.disableProperty().bind(byFolds.selectedProperty().not());
    Forms.row(speech, 1, "Folds", count, count, null, support);
    Forms.row(speech, 2, "Test fold", testFold, testFold, s.form().message("test_fold"), support);
    Label foldsHint =
        Forms.hint(
            "Speakers (the name before _nohash_) ordered by Speech Commands' hash and cut into equal"
                + " runs; validation is the fold before the test fold. 10 folds, test fold 2 is the"
                + " published split of a set made by that rule. Build a noisy variant per test fold"
                + " to cross-validate.");
    foldsHint.setWrapText(true);
    speech.add(foldsHint, 0, 3, 3, 1);
    showFor(speech, s, Layout.SPEECH_COMMANDS);

    GridPane manifest = Forms.grid();
    TextField name = Forms.text("wizardManifest", s.manifestProperty(), 18);
    name.setPromptText("the only .csv at the top");
    Forms.row(manifest, 0, "Manifest file", name, name, s.form().message("manifest"), support);
    showFor(manifest, s, Layout.MANIFEST);

    HBox choose = new HBox(10, new Label("Read it as"), combo);
    choose.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(10, status, error, choose, explanation, esc, speech, manifest);
    box.setPadding(new Insets(12));
    return box;
  }

  private static void showFor(Node n, LayoutSettings s, Layout layout) {
    n.visibleProperty().bind(s.layoutProperty().isEqualTo(layout));
    n.managedProperty().bind(n.visibleProperty());
  }
}
