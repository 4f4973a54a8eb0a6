package org.tkdworkbench.ui.wizard;

import org.tkdworkbench.ui.form.FieldForm;
import org.tkdworkbench.ui.form.Forms;
import org.tkdworkbench.ui.form.Numbers;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationSupport;
import org.tkdworkbench.features.FeatureSpec;

/**
 * Step 3: the log-mel settings, one field per {@link FeatureSpec} field ({@code
 * #wizardFeature_<name>}, librosa's names), each with {@link FeatureSpec#validate()}'s message
 * beside it and a ControlsFX decoration on it; Next stays disabled while any is invalid.
 */
final class FeaturesPage {
  private static final Map<String, String> LABELS =
      Map.of(
          "sample_rate", "Sample rate (Hz)",
          "n_fft", "FFT size (n_fft)",
          "win_length", "Window (win_length)",
          "hop_length", "Hop (hop_length)",
          "n_mels", "Mel bands (n_mels)",
          "fmin", "Lowest freq. (fmin, Hz)",
          "fmax", "Highest freq. (fmax, Hz)");

  private FeaturesPage() {}

  static Node build(WizardViewModel vm) {
    FeatureSettings settings = vm.features();
    FieldForm form = settings.form();
    ValidationSupport support = new ValidationSupport();
    GridPane grid = Forms.grid();
    int row = 0;
    for (String name : FeatureSettings.FIELDS) {
      TextField field = Forms.text("wizardFeature_" + name, form.value(name), 10);
      if (name.equals("fmax")) {
        field.setPromptText("sample_rate / 2");
      }
      Forms.row(grid, row++, LABELS.get(name), field, field, form.message(name), support);
    }
    Label timing = Forms.hint("");
    timing.setId("wizardFeatureTiming");
    timing.textProperty().bind(Bindings.createStringBinding(() -> timing(settings.specProperty().get()),
        settings.specProperty()));
    VBox box =
        new VBox(
            10,
            Forms.hint(
                "Log-mel features exactly as librosa computes them (Hann window, centred frames,"
                    + " Slaney mel filters, ln(mel + 1e-6)). They are stored with the dataset and"
                    + " used by every teacher and student trained on it."),
            grid,
            timing);
    box.setPadding(new Insets(12));
    return box;
  }

  private static String timing(FeatureSpec s) {
    if (s == null) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "Window %.1f ms, hop %.1f ms: %d frames for one second of audio, %d mel bands from %s to %s Hz.",
        1000.0 * s.winLength() / s.sampleRate(),
        1000.0 * s.hopLength() / s.sampleRate(),
        s.frameCount(s.sampleRate()),
        s.nMels(),
        Numbers.format(s.fmin()),
        Numbers.format(s.effectiveFmax()));
  }
}
