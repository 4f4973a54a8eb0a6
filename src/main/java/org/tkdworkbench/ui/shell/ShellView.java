package org.tkdworkbench.ui.shell;

import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.tkdworkbench.jobs.JobHandle;

/**
 * The window's frame: section navigation on the left, the chosen section in the centre, and a
 * status bar (message, job progress with Cancel, dataset summary) at the bottom.
 *
 * <p>Job progress is polled ten times a second from {@link JobMonitor}: jobs never call into the
 * UI per unit of work, and the status bar costs the same whether a job reports 10 or 10^6 steps.
 */
public final class ShellView {
  private static final Duration POLL = Duration.millis(100);

  private final BorderPane root = new BorderPane();
  private final StatusBar statusBar = new StatusBar();
  private final Label jobLabel = new Label();
  /** Cancels the job the bar shows: a teacher training or a feature job has no other stop button. */
  private final Button jobCancel = new Button("Cancel");
  private final Tooltip jobCancelTip = new Tooltip();
  private JobHandle<?> shown;
  private final Timeline poller;
  private final List<JobMonitor> monitors;
  private final java.util.Map<String, ToggleButton> buttons = new java.util.HashMap<>();
  private VBox nav;

  public ShellView(ShellViewModel vm, JobMonitor monitor, List<Section> sections) {
    this(vm, List.of(monitor), sections);
  }

  /** With several job monitors (the app's jobs, the training queue): the bar shows the first busy one. */
  public ShellView(ShellViewModel vm, List<JobMonitor> monitors, List<Section> sections) {
    this.monitors = List.copyOf(monitors);
    root.setId("shell");
    root.getStyleClass().add("shell");

    VBox nav = new VBox(2);
    nav.setId("navigation");
    nav.getStyleClass().add("navigation");
    nav.setPadding(new Insets(8, 6, 8, 6));
    Label heading = new Label("WORKFLOW");
    heading.getStyleClass().add("nav-heading");
    nav.getChildren().addAll(heading, new Separator());
    ToggleGroup group = new ToggleGroup();
    // Every section stays in the scene, only the chosen one visible. Taking a section out of the
    // scene and putting it back re-applies its CSS and re-creates table cells: 50-270 ms on the FX
    // thread per switch on two cores busy training (measured by the pulse probe), a visible hitch.
    // Kept in the scene, a section pays that once, at start-up, and a switch only flips visibility.
    StackPane pages = new StackPane();
    pages.setId("sections");
    for (Section s : sections) {
      s.content().setVisible(false);
      pages.getChildren().add(s.content());
    }
    for (Section s : sections) {
      ToggleButton b = new ToggleButton(s.title());
      b.setId(s.navId());
      b.getStyleClass().add("nav-button");
      b.setMaxWidth(Double.MAX_VALUE);
      b.setToggleGroup(group);
      b.setOnAction(
          e -> {
            b.setSelected(true); // a section stays chosen when its button is clicked again
            showOnly(pages, s.content());
          });
      nav.getChildren().add(b);
      buttons.put(s.navId(), b);
    }
    if (!sections.isEmpty()) {
      ((ToggleButton) nav.getChildren().get(2)).setSelected(true);
      showOnly(pages, sections.get(0).content());
    }
    root.setCenter(pages);
    root.setLeft(nav);
    this.nav = nav;

    statusBar.setId("statusBar");
    statusBar.textProperty().bind(vm.messageProperty());
    jobLabel.setId("jobStatus");
    jobLabel.getStyleClass().add("muted");
    Label summary = new Label();
    summary.setId("datasetSummary");
    summary.textProperty().bind(vm.datasetSummaryProperty());
    jobCancel.setId("jobCancel");
    jobCancel.setTooltip(jobCancelTip);
    jobCancel.managedProperty().bind(jobCancel.visibleProperty());
    // The status bar squeezes its right items when the message is long: the label may shorten, the button not.
    jobCancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    jobCancel.setVisible(false);
    jobCancel.setOnAction(e -> {
      JobHandle<?> job = shown;
      if (job != null) {
        job.cancel();
        pollJobs();
      }
    });
    statusBar.getRightItems().addAll(jobLabel, jobCancel, new Separator(), summary);
    root.setBottom(statusBar);

    poller = new Timeline(new KeyFrame(POLL, e -> pollJobs()));
    poller.setCycleCount(Timeline.INDEFINITE);
    poller.play();
  }

  private static void showOnly(StackPane pages, javafx.scene.Node chosen) {
    for (javafx.scene.Node n : pages.getChildren()) {
      n.setVisible(n == chosen);
    }
  }

  public Parent root() {
    return root;
  }

  public StatusBar statusBar() {
    return statusBar;
  }

  /** Puts {@code nodes} at the bottom of the navigation column (Settings, About). */
  public void addFooter(javafx.scene.Node... nodes) {
    javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
    VBox.setVgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
    nav.getChildren().add(spacer);
    nav.getChildren().addAll(nodes);
  }

  /** Shows {@code banner} above the sections (the getting-started guide), or none for null. */
  public void setBanner(javafx.scene.Node banner) {
    root.setTop(banner);
  }

  /** Shows the section whose navigation button has id {@code navId}, as a click would. */
  public void show(String navId) {
    ToggleButton b = buttons.get(navId);
    if (b != null) {
      b.fire();
    }
  }

  private void pollJobs() {
    JobHandle<?> job = null;
    boolean cancellable = false;
    for (JobMonitor m : monitors) {
      job = m.current().orElse(null);
      if (job != null) {
        cancellable = m.cancellable();
        break;
      }
    }
    shown = cancellable ? job : null;
    jobCancel.setVisible(cancellable);
    // Once asked, a running job stops at its next boundary (a batch); until then it shows as cancelling.
    jobCancel.setDisable(job != null && job.isCancelled());
    String tip = job == null ? "" : "Cancel " + job.title();
    if (!tip.equals(jobCancelTip.getText())) {
      jobCancelTip.setText(tip);
    }
    if (job == null) {
      statusBar.setProgress(0);
      jobLabel.setText("");
      return;
    }
    JobHandle.Progress p = job.progress();
    double f = p.fraction();
    statusBar.setProgress(f < 0 ? -1 : Math.max(0.01, f)); // -1: the bar runs indeterminate
    String what = job.state() == JobHandle.State.QUEUED ? "waiting: " + job.title() : job.title();
    jobLabel.setText(job.isCancelled() ? "cancelling " + job.title() + "…" : p.message().isEmpty() ? what : p.message());
  }

  /** Stops polling; the window is closing. */
  public void dispose() {
    poller.stop();
  }
}
