package org.tkdworkbench.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationSupport;
import org.tkdworkbench.distill.TrainingConfig;
import org.tkdworkbench.models.TeacherConfig;
import org.tkdworkbench.ui.form.FieldForm;
import org.tkdworkbench.ui.form.Forms;
import org.tkdworkbench.ui.form.Numbers;

/**
 * "Train teacher…": the few settings a user changes (epochs, batch size, seed, speaker-like warping,
 * the convolutional stem's channels and whether it is temporal) with the CLI's defaults, each
 * checked by the core as typed; the transformer's other sizes are {@link TeacherConfig#defaults()},
 * as with {@code tkd teacher train}.
 */
public final class TeacherTrainingDialog {
  /** What the user chose. */
  public record Choice(TeacherConfig model, TrainingConfig training) {}

  private final FieldForm training;
  private final FieldForm teacher;

  public TeacherTrainingDialog() {
    TrainingConfig t = TrainingConfig.teacherDefaults();
    training = new FieldForm("training")
        .field("epochs", Integer.toString(t.epochs()))
        .field("batch_size", Integer.toString(t.batchSize()))
        .field("seed", Long.toString(t.seed()))
        .field("warp", Numbers.format(t.warp()));
    TeacherConfig m = TeacherConfig.defaults();
    teacher = new FieldForm("teacher")
        .field("conv_stem", Integer.toString(m.convStem()))
        .field("stem_time_kernel", Integer.toString(m.stemTimeKernel()));
  }

  /** The {@code training} or {@code teacher} fields (tests). */
  FieldForm form(String section) {
    return section.equals("teacher") ? teacher : training;
  }

  /** The settings as records, or empty with every problem shown beside its field. */
  Optional<Choice> choice() {
    List<String> problems = new ArrayList<>();
    Integer epochs = Numbers.parseInt(training.text("epochs"));
    Integer batch = Numbers.parseInt(training.text("batch_size"));
    Long seed = Numbers.parseLong(training.text("seed"));
    Double warp = Numbers.parseDouble(training.text("warp"));
    Integer stem = Numbers.parseInt(teacher.text("conv_stem"));
    Integer kernel = Numbers.parseInt(teacher.text("stem_time_kernel"));
    if (epochs == null) problems.add(training.notANumber("epochs", "a whole number"));
    if (batch == null) problems.add(training.notANumber("batch_size", "a whole number"));
    if (seed == null) problems.add(training.notANumber("seed", "a whole number"));
    if (warp == null) problems.add(training.notANumber("warp", "a number"));
    if (stem == null) problems.add(teacher.notANumber("conv_stem", "a whole number"));
    if (kernel == null) problems.add(teacher.notANumber("stem_time_kernel", "a whole number"));
    Choice c = null;
    if (problems.isEmpty()) {
      TeacherConfig d = TeacherConfig.defaults();
      TeacherConfig model = new TeacherConfig(d.framesPerToken(), d.tokenStride(), d.modelDim(), d.layers(), d.heads(), d.ffDim(), d.dropout(), stem, kernel);
      TrainingConfig t = TrainingConfig.teacherDefaults();
      TrainingConfig tc = new TrainingConfig(epochs, batch, t.learningRate(), t.weightDecay(), seed, 0, t.timeShift(), t.specAugment(), warp);
      problems.addAll(model.validate());
      problems.addAll(tc.validate());
      c = new Choice(model, tc);
    }
    training.show(problems);
    teacher.show(problems);
    return problems.isEmpty() ? Optional.ofNullable(c) : Optional.empty();
  }

  /** Shows the dialog; empty when cancelled. */
  public Optional<Choice> show(Window owner, String datasetName) {
    Dialog<ButtonType> d = new Dialog<>();
    d.initOwner(owner);
    d.setTitle("Train a teacher");
    ValidationSupport support = new ValidationSupport();
    GridPane g = Forms.grid();
    int r = 0;
    r = row(g, r, training, "epochs", "Epochs", null, support);
    r = row(g, r, training, "batch_size", "Batch size", null, support);
    r = row(g, r, training, "seed", "Seed", null, support);
    r = row(g, r, training, "warp", "Warp (0 = off)", "Speaker-like augmentation: each training clip is stretched in time"
        + " and its mel axis warped by factors in [1 − x, 1 + x] at every step (at most " + Numbers.format(TrainingConfig.MAX_WARP) + ").",
        support);
    r = row(g, r, teacher, "conv_stem", "Conv stem channels (0 = none)", null, support);
    row(g, r, teacher, "stem_time_kernel", "Stem time kernel (0 = 2-D)", "An odd width k makes the stem temporal: two 1-D"
        + " convolutions of width k over time with the mel bins as channels (the TC-ResNet student's bias). 0 = two 3×3"
        + " convolutions over (time, mel).", support);
    Label note = new Label("A transformer on " + datasetName + " with the default sizes, trained on the training queue;"
        + " it appears in the Teacher list when done. On 2 cores the 4 s noisy sample (10 copies)"
        + " takes about 13 minutes for 30 epochs on MXNet, 5 on PyTorch (Settings → Engine)."
        + " A run from scratch needs a few thousand optimizer steps.");
    note.setWrapText(true);
    note.setMaxWidth(520);
    note.getStyleClass().add("muted");
    d.getDialogPane().setContent(new VBox(10, g, note));
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    // Keep the dialog open while a field is wrong.
    d.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
      if (choice().isEmpty()) {
        e.consume();
      }
    });
    Optional<ButtonType> b = d.showAndWait();
    return b.isPresent() && b.get() == ButtonType.OK ? choice() : Optional.empty();
  }

  /** A text row with the field's message beside it and, when {@code tip} is not null, a tooltip. */
  private static int row(GridPane g, int r, FieldForm form, String name, String label, String tip, ValidationSupport support) {
    TextField t = Forms.text("teacher" + name.replace("_", ""), form.value(name), 8);
    if (tip != null) {
      t.setTooltip(new Tooltip(tip));
    }
    Forms.row(g, r, label, t, t, form.message(name), support);
    return r + 1;
  }
}
