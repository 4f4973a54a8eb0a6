package org.tkdworkbench.ui.designer;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationSupport;
import org.tkdworkbench.distill.AttentionTarget;
import org.tkdworkbench.jobs.JobHandle;
import org.tkdworkbench.models.student.StudentArchitecture;
import org.tkdworkbench.models.student.StudentPreset;
import org.tkdworkbench.ui.form.FieldForm;
import org.tkdworkbench.ui.form.Forms;

/**
 * The student designer: the student (architecture, preset, width, depth), the loss (λ, α, T, the
 * attention target and the teacher), training (epochs, batch, learning rate, seed), the cost panel,
 * and Launch run; below, the sweep grid and Launch sweep. Each field's problem shows beside it.
 */
public final class DesignerView {
  private final ScrollPane root;

  /**
   * @param onCreated gets each launched run's folder and job once the run starts (the app follows
   *     it in the runs view)
   * @param onQueued runs when a click queued a run or a sweep (the app shows the runs view then,
   *     not when a queued run starts later, while the user may be elsewhere)
   */
  public DesignerView(DesignerViewModel vm, BiConsumer<Path, JobHandle<?>> onCreated, Runnable onQueued) {
    ValidationSupport support = new ValidationSupport();
    GridPane g = Forms.grid();
    int r = 0;
    g.add(heading("Student"), 0, r++, 3, 1);
    ChoiceBox<StudentArchitecture> arch = choice("architecture", StudentArchitecture.values(), StudentArchitecture::cliName);
    arch.valueProperty().bindBidirectional(vm.architectureProperty());
    Forms.row(g, r++, "Architecture", arch, arch, null, support);
    ChoiceBox<StudentPreset> preset = choice("preset", StudentPreset.values(), p -> p.name().toLowerCase(java.util.Locale.ROOT));
    preset.valueProperty().bindBidirectional(vm.presetProperty());
    Forms.row(g, r++, "Preset", preset, preset, null, support);
    r = field(g, r, vm.studentForm(), "width", "Width ×", support);
    r = field(g, r, vm.studentForm(), "depth", "Depth (0 = preset's)", support);

    g.add(heading("Loss"), 0, r++, 3, 1);
    r = field(g, r, vm.lossForm(), "lambda", "λ (attention)", support);
    ChoiceBox<AttentionTarget> target = choice("target", AttentionTarget.values(), AttentionTarget::cliName);
    target.valueProperty().bindBidirectional(vm.targetProperty());
    Forms.row(g, r++, "Attention target", target, target, null, support);
    ChoiceBox<Path> teacher = new ChoiceBox<>(vm.teachers());
    teacher.setId("teacher");
    teacher.setConverter(converter(p -> p == null ? "" : p.getFileName().toString()));
    teacher.valueProperty().bindBidirectional(vm.teacherProperty());
    Forms.row(g, r++, "Teacher", teacher, teacher, null, support);
    r = field(g, r, vm.lossForm(), "alpha", "α (logits, 0 = off)", support);
    r = field(g, r, vm.lossForm(), "temperature", "Temperature T", support);

    g.add(heading("Training"), 0, r++, 3, 1);
    r = field(g, r, vm.trainingForm(), "epochs", "Epochs", support);
    r = field(g, r, vm.trainingForm(), "batch_size", "Batch size", support);
    r = field(g, r, vm.trainingForm(), "learning_rate", "Learning rate", support);
    r = field(g, r, vm.trainingForm(), "seed", "Seed", support);

    Label cost = new Label();
    cost.setId("costPanel");
    cost.setWrapText(true);
    cost.textProperty().bind(vm.costProperty());
    Label latency = new Label();
    latency.setId("latency");
    latency.getStyleClass().add("muted");
    latency.textProperty().bind(vm.latencyProperty());
    Button launch = new Button("Launch run");
    launch.setId("launchRun");
    launch.setDefaultButton(true);
    launch.disableProperty().bind(vm.validProperty().not());
    launch.setOnAction(e -> vm.launchRun(onCreated).ifPresent(h -> onQueued.run()));

    GridPane sweep = Forms.grid();
    int s = 0;
    s = field(sweep, s, vm.sweepForm(), "students", "Students", support);
    s = field(sweep, s, vm.sweepForm(), "lambdas", "λ values", support);
    s = field(sweep, s, vm.sweepForm(), "seeds", "Seeds (1..N)", support);
    Button launchSweep = new Button("Launch sweep");
    launchSweep.setId("launchSweep");
    launchSweep.disableProperty().bind(vm.validProperty().not());
    launchSweep.setOnAction(e -> vm.launchSweep(onCreated).ifPresent(h -> onQueued.run()));

    Label message = new Label();
    message.setId("designerMessage");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());

    VBox box = new VBox(10,
        g,
        heading("Cost"), cost, latency,
        new HBox(10, launch),
        heading("Sweep (students × λ × seeds, the settings above otherwise)"), sweep, launchSweep,
        message);
    box.setPadding(new Insets(12));
    box.setMaxWidth(760);
    root = new ScrollPane(box);
    root.setFitToWidth(true);
  }

  public Node root() {
    return root;
  }

  private static int field(GridPane g, int row, FieldForm form, String name, String label, ValidationSupport support) {
    TextField t = Forms.text(name, form.value(name), 10);
    t.setId(name.replace("_", "") + "Field");
    Forms.row(g, row, label, t, t, form.message(name), support);
    return row + 1;
  }

  private static Label heading(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("section-title");
    return l;
  }

  private static <T> ChoiceBox<T> choice(String id, T[] values, java.util.function.Function<T, String> name) {
    ChoiceBox<T> c = new ChoiceBox<>();
    c.getItems().addAll(values);
    c.setId(id);
    c.setConverter(converter(name));
    return c;
  }

  private static <T> StringConverter<T> converter(java.util.function.Function<T, String> name) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return t == null ? "" : name.apply(t);
      }

      @Override
      public T fromString(String s) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
