package org.tkdworkbench.ui.runs;

import java.awt.Color;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.tkdworkbench.runs.RunListing;
import org.tkdworkbench.ui.plot.CurveChart;

/**
 * Every run in the store in a table (status, progress, best metric; a folder that cannot be read
 * is a row that says why), and for the selected run: live charts of each loss term and of the
 * validation metric with a smoothing slider (raw curve faint behind), Stop and Resume, the run's
 * log, and PNG export of the charts. "Compare selected" (when {@code onCompare} is given) hands
 * the selected rows on.
 */
public final class RunsView {
  private static final Color TRAIN = new Color(0x1F77B4);
  private static final Color CLS = new Color(0x2CA02C);
  private static final Color ATT = new Color(0xD62728);
  private static final Color LOGIT = new Color(0x9467BD);
  private static final Color VALIDATION = new Color(0xFF7F0E);
  private static final Color TEST = new Color(0x333333);

  private final RunsViewModel vm;
  private final SplitPane root = new SplitPane();
  private final TableView<RunRow> table = new TableView<>();
  private final CurveChart losses = new CurveChart("Loss terms", "epoch", "loss");
  private final CurveChart metric = new CurveChart("Validation metric", "epoch", "metric");
  private final Button stop = new Button("Stop");
  private final Button resume = new Button("Resume");
  private final Label title = new Label("Select a run");
  private final SplitPane charts = new SplitPane();
  /** Stands in for the charts while the followed run has no epoch yet. */
  private final Label waiting = new Label();
  private final Button export;

  public RunsView(RunsViewModel vm, java.util.function.Consumer<List<RunListing>> onCompare) {
    this.vm = vm;
    table.setId("runsTable");
    // The table keeps its own copy, brought up to each re-list in place (relisted()).
    table.getItems().setAll(rows(vm.runs()));
    vm.runs().addListener((javafx.collections.ListChangeListener<RunListing>) c -> relisted());
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.setPlaceholder(new Label("No runs yet in " + vm.training().runsRoot() + ". Launch one from the Student section."));
    table.getColumns().add(column("Run", 190, 90, RunListing::name));
    table.getColumns().add(column("Student", 80, 70, l -> text(l.student())));
    table.getColumns().add(column("λ", 45, 36, l -> l.lambda() == null ? "" : trim(l.lambda())));
    table.getColumns().add(column("Seed", 45, 45, l -> l.seed() == null ? "" : l.seed().toString()));
    table.getColumns().add(column("State", 85, 75, l -> l.ok() ? l.state().id() : "error"));
    table.getColumns().add(progressColumn());
    table.getColumns().add(column("Best", 130, 130, RunsView::best));
    // Every column in view, never a scroll bar hiding Progress and Best: the columns share the
    // table's width (a constrained policy has no horizontal scroll bar), and the table is never
    // narrower than their minimums, so the divider stops there. The run name gives most (its
    // student, λ and seed have their own columns); its tooltip has the whole name.
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_NEXT_COLUMN);
    table.setMinWidth(table.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum() + 20); // + vertical scroll bar
    ((TableColumn<RunRow, String>) table.getColumns().get(0)).setCellFactory(col -> new TableCell<>() {
      @Override
      protected void updateItem(String name, boolean empty) {
        super.updateItem(name, empty);
        setText(empty ? null : name);
        setTooltip(empty || name == null ? null : new Tooltip(name));
      }
    });
    table.setRowFactory(t -> new TableRow<>() {
      /** The row shown, whose listing may turn to an error (or back) in place. */
      private RunRow shown;
      private final javafx.beans.value.ChangeListener<RunListing> restyle = (o, a, b) -> style(b);

      @Override
      protected void updateItem(RunRow item, boolean empty) {
        super.updateItem(item, empty);
        RunRow now = empty ? null : item;
        if (now != shown) {
          if (shown != null) {
            shown.listingProperty().removeListener(restyle);
          }
          shown = now;
          if (now != null) {
            now.listingProperty().addListener(restyle);
          }
        }
        style(now == null ? null : now.get());
      }

      private void style(RunListing listing) {
        boolean error = listing != null && !listing.ok();
        if (error == getStyleClass().contains("run-error")
            && (!error || getTooltip() != null && listing.error().equals(getTooltip().getText()))) {
          return; // unchanged: touching the style class would restyle the row for nothing
        }
        getStyleClass().remove("run-error");
        setTooltip(null);
        if (error) {
          getStyleClass().add("run-error");
          setTooltip(new Tooltip(listing.error()));
        }
      }
    });
    table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
      if (!relisting && b != null) {
        vm.selectedProperty().set(b.get());
      }
    });
    // The view-model chose another run (one launched here, or a fresh listing): select its row.
    vm.selectedProperty().addListener((o, a, b) -> {
      if (b != null && !relisting && table.getSelectionModel().getSelectedItems().stream().noneMatch(r -> r.folder().equals(b.folder()))) {
        relisting = true;
        try {
          table.getItems().stream().filter(r -> r.folder().equals(b.folder())).findFirst().ifPresent(r -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(r);
          });
        } finally {
          relisting = false;
        }
      }
      update();
      if (vm.curvesProperty().get().isEmpty()) {
        redraw(); // the sentence names the run now followed (cheap: no chart is drawn)
      }
    });

    losses.node().setId("lossChart");
    metric.node().setId("metricChart");
    vm.curvesProperty().addListener((o, a, b) -> redraw());
    // Hidden (another section shown): the charts keep their curves and draw them when shown.
    losses.paintWhile(root.visibleProperty());
    metric.paintWhile(root.visibleProperty());
    Slider smoothing = new Slider(0, 0.99, vm.smoothingProperty().get());
    smoothing.setId("smoothingSlider");
    smoothing.valueProperty().bindBidirectional(vm.smoothingProperty());
    vm.smoothingProperty().addListener((o, a, b) -> redraw());

    stop.setId("stopRun");
    stop.setOnAction(e -> vm.stop());
    resume.setId("resumeRun");
    resume.setOnAction(e -> vm.resume());
    Button compare = new Button("Compare selected");
    compare.setId("compareRuns");
    compare.setOnAction(e -> onCompare.accept(table.getSelectionModel().getSelectedItems().stream().map(RunRow::get).toList()));
    compare.disableProperty().bind(javafx.beans.binding.Bindings.size(table.getSelectionModel().getSelectedItems()).lessThan(2));
    export = new Button("Export charts…");
    export.setId("exportCharts");
    export.setOnAction(e -> exportCharts());
    smoothing.setPrefWidth(110);
    Label smoothingLabel = new Label("Smoothing");
    for (javafx.scene.control.Control c : List.of(smoothingLabel, stop, resume, compare, export)) {
      c.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
    }
    javafx.scene.layout.FlowPane controls = new javafx.scene.layout.FlowPane(8, 6, smoothingLabel, smoothing, stop, resume, export);
    if (onCompare != null) {
      controls.getChildren().add(4, compare);
    }
    controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    controls.setMinWidth(0);

    // One cell per line, virtualised: a TextArea is a single text node, so every epoch's lines
    // re-laid out and (in software rendering) re-drew the whole log, 90+ lines by the end of a run.
    javafx.scene.control.ListView<String> log = new javafx.scene.control.ListView<>();
    log.setId("runLog");
    log.getStyleClass().add("run-log");
    log.setPrefHeight(130);
    log.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    log.setOnKeyPressed(e -> {
      if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.C) {
        javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
        List<String> chosen = log.getSelectionModel().getSelectedItems();
        c.putString(String.join("\n", chosen.isEmpty() ? log.getItems() : chosen) + "\n");
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        e.consume();
      }
    });
    showLog(log, vm.logProperty().get());
    vm.logProperty().addListener((o, a, b) -> showLog(log, b));

    title.setId("runTitle");
    title.getStyleClass().add("section-title");
    charts.getItems().setAll(losses.node(), metric.node());
    waiting.setId("chartsWaiting");
    waiting.getStyleClass().add("muted");
    waiting.setVisible(false);
    javafx.scene.layout.StackPane chartArea = new javafx.scene.layout.StackPane(charts, waiting);
    VBox.setVgrow(chartArea, Priority.ALWAYS);
    export.disableProperty().bind(charts.visibleProperty().not());
    VBox right = new VBox(8, title, chartArea, controls, log);
    right.setPadding(new Insets(8));
    root.setOrientation(Orientation.HORIZONTAL);
    root.getItems().addAll(table, right);
    root.setDividerPositions(0.5);
    update();
    redraw();
  }

  /**
   * Makes the table's rows before they are needed: a screenful of placeholder runs is laid out and
   * taken away again, leaving the row and cell skins in the table's pool for reuse. Otherwise the
   * first time runs appear, creating those skins held the FX thread for 150–220 ms while the
   * first run trained. Call once the window is shown; does nothing
   * when the table already has runs.
   */
  public void warmUp() {
    if (!table.getItems().isEmpty()) {
      return;
    }
    List<RunListing> placeholders = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      placeholders.add(new RunListing(java.nio.file.Path.of("warm-up-" + i), org.tkdworkbench.runs.RunState.RUNNING, "tc-resnet",
          0.25, (long) i, 1, 30, 1, 0.5, "accuracy", java.time.Instant.EPOCH, null));
    }
    table.getItems().setAll(rows(placeholders));
    table.applyCss();
    table.layout();
    table.getItems().setAll(rows(vm.runs()));
  }

  /** The log's lines; lines added at the end (the usual case) are appended, and the end kept in view. */
  static void showLog(javafx.scene.control.ListView<String> view, String text) {
    List<String> lines = text == null || text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines = lines.subList(0, lines.size() - 1); // the final newline
    }
    javafx.collections.ObservableList<String> items = view.getItems();
    // The log view reads the file's last 64 kB: past that the text is a sliding window, so the new
    // lines may continue the old ones after dropping some from the front. Find that overlap and
    // patch the list (the user's selected lines stay selected); anything else replaces it.
    int drop = -1;
    for (int k = 0; k <= items.size(); k++) {
      int keep = items.size() - k;
      if (keep <= lines.size() && (keep == 0 || items.get(k).equals(lines.get(0)))
          && items.subList(k, items.size()).equals(lines.subList(0, keep))) {
        drop = k;
        break;
      }
    }
    if (drop < 0 || drop == items.size() && !items.isEmpty()) {
      items.setAll(lines); // no overlap: another run's log
    } else {
      int keep = items.size() - drop;
      items.addAll(lines.subList(keep, lines.size()));
      items.remove(0, drop);
    }
    if (!items.isEmpty()) {
      view.scrollTo(items.size() - 1);
    }
  }

  public Node root() {
    return root;
  }

  /** The loss chart and the metric chart (tests). */
  public CurveChart lossChart() {
    return losses;
  }

  public CurveChart metricChart() {
    return metric;
  }

  private boolean relisting;

  /**
   * Brings the table up to the view-model's new list in place: a changed run gets the new listing
   * in its own row (only its changed cells redraw, see {@link RunRow}), a new run is inserted at
   * its place in the store's order, a vanished one removed. The rows the user selected (several,
   * for Compare) stay selected, without the view-model seeing a transient empty selection.
   */
  private void relisted() {
    java.util.Set<java.nio.file.Path> selectedFolders = new java.util.HashSet<>();
    table.getSelectionModel().getSelectedItems().forEach(r -> selectedFolders.add(r.folder()));
    RunListing focus = vm.selectedProperty().get();
    java.util.Map<java.nio.file.Path, RunListing> fresh = new java.util.HashMap<>();
    vm.runs().forEach(r -> fresh.put(r.folder(), r));
    javafx.collections.ObservableList<RunRow> items = table.getItems();
    relisting = true;
    try {
      java.util.Set<java.nio.file.Path> shown = new java.util.HashSet<>();
      for (int i = items.size() - 1; i >= 0; i--) {
        RunListing now = fresh.get(items.get(i).folder());
        if (now == null) {
          items.remove(i);
        } else {
          shown.add(now.folder());
          items.get(i).set(now);
        }
      }
      // New runs at their place in the store's order (by name: by time), the order the rows
      // follow unless the user sorted them.
      List<RunListing> all = vm.runs();
      for (int i = 0; i < all.size(); i++) {
        if (!shown.contains(all.get(i).folder())) {
          items.add(Math.min(i, items.size()), new RunRow(all.get(i)));
        }
      }
      java.util.Set<java.nio.file.Path> stillSelected = new java.util.HashSet<>();
      table.getSelectionModel().getSelectedItems().forEach(r -> stillSelected.add(r.folder()));
      boolean focusKept = focus == null || focus.folder().equals(
          table.getSelectionModel().getSelectedItem() == null ? null : table.getSelectionModel().getSelectedItem().folder());
      if (!stillSelected.equals(selectedFolders) || !focusKept) {
        table.getSelectionModel().clearSelection();
        for (int i = 0; i < items.size(); i++) {
          if (selectedFolders.contains(items.get(i).folder())) {
            table.getSelectionModel().select(i);
          }
        }
        if (focus != null) {
          for (int i = 0; i < items.size(); i++) {
            if (items.get(i).folder().equals(focus.folder())) {
              table.getSelectionModel().select(i); // last: the focused row
            }
          }
        }
      }
    } finally {
      relisting = false;
    }
    update();
  }

  private static List<RunRow> rows(List<RunListing> listings) {
    return listings.stream().map(RunRow::new).toList();
  }

  /** Enables Stop/Resume for the selected run and titles the panel. */
  private void update() {
    RunListing run = vm.selectedProperty().get();
    stop.setDisable(!vm.canStop(run));
    resume.setDisable(!vm.canResume(run));
    if (run == null) {
      title.setText("Select a run");
    } else if (!run.ok()) {
      title.setText(run.name() + ": " + run.error());
    } else {
      title.setText(run.name() + " · " + run.state().id()
          + (run.epoch() == null ? "" : " · epoch " + run.epoch() + (run.epochs() == null ? "" : "/" + run.epochs())));
    }
  }

  private void redraw() {
    double s = vm.smoothingProperty().get();
    List<CurveChart.Line> l = new ArrayList<>();
    List<CurveChart.Line> m = new ArrayList<>();
    for (RunCurves.Curve c : vm.curvesProperty().get()) {
      if (!c.hasData()) {
        continue;
      }
      if (RunCurves.LOSS_COLUMNS.contains(c.column()) && c.split().equals("train")) {
        l.add(new CurveChart.Line("train " + c.column(), c.x(), c.y(), lossColor(c.column()), false));
      } else if (c.column().equals("loss") && c.split().equals("validation")) {
        l.add(new CurveChart.Line("validation loss", c.x(), c.y(), VALIDATION, true));
      } else if (RunCurves.METRIC_COLUMNS.contains(c.column()) && !c.split().equals("train")) {
        String metricName = c.column().equals("map") ? "mAP" : c.column();
        // Test rows are written only when validation improves: the test metric at each new best.
        String name = c.split().equals("test") ? "test " + metricName + " at each new best" : c.split() + " " + metricName;
        m.add(new CurveChart.Line(name, c.x(), c.y(), c.split().equals("test") ? TEST : VALIDATION, c.split().equals("test")));
      }
    }
    if (l.isEmpty() && m.isEmpty()) {
      // A run without epochs yet (just started, or just selected and not read): a sentence instead
      // of two empty charts. Drawing them would cost two full chart draws and their repaint at the
      // moment a sweep's next run starts, when the table and the log repaint too (the FX pulse
      // probe showed 50-150 ms frames there); the charts draw once, with the first epoch.
      RunListing run = vm.selectedProperty().get();
      waiting.setText(run == null ? "Select a run" : "No epoch of " + run.name() + " yet: its curves appear with the first epoch.");
      charts.setVisible(false);
      waiting.setVisible(true);
      return;
    }
    waiting.setVisible(false);
    charts.setVisible(true);
    losses.show(l, s);
    metric.show(m, 0); // a handful of points where each one matters: never smoothed
  }

  private static Color lossColor(String column) {
    return switch (column) {
      case "loss_cls" -> CLS;
      case "loss_att" -> ATT;
      case "loss_logit" -> LOGIT;
      default -> TRAIN;
    };
  }

  private void exportCharts() {
    RunListing run = vm.selectedProperty().get();
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export the charts as PNG");
    chooser.setInitialFileName((run == null ? "run" : run.name()) + "-loss.png");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
    File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
    if (f == null) {
      return;
    }
    try {
      losses.savePng(f, 900, 500);
      File other = new File(f.getParentFile(), f.getName().replaceFirst("(-loss)?\\.png$", "") + "-metric.png");
      metric.savePng(other, 900, 500);
    } catch (java.io.IOException e) {
      new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, "Cannot write " + f + ": " + e.getMessage()).show();
    }
  }

  private static TableColumn<RunRow, String> column(String name, double width, double min, Function<RunListing, String> value) {
    TableColumn<RunRow, String> c = new TableColumn<>(name);
    c.setPrefWidth(width);
    c.setMinWidth(min);
    // Observed by the cell: a new listing sets this cell's text again, which repaints it only when
    // the text changed.
    c.setCellValueFactory(cell -> cell.getValue().listingProperty().map(value));
    return c;
  }

  private TableColumn<RunRow, RunListing> progressColumn() {
    TableColumn<RunRow, RunListing> c = new TableColumn<>("Progress");
    c.setPrefWidth(80);
    c.setMinWidth(72);
    c.setCellValueFactory(cell -> cell.getValue().listingProperty());
    // Sorting by the column sorts by finished/planned epochs: a stable key (the job's live
    // progress changes while a sort runs, which breaks the sort's contract).
    c.setComparator(java.util.Comparator.comparingDouble(RunsViewModel::epochProgress));
    c.setCellFactory(col -> {
      TableCell<RunRow, RunListing> cell = new TableCell<>() {
        private final ProgressBar bar = new ProgressBar();
        private final javafx.beans.value.ChangeListener<Number> tick = (o, a, b) -> show(getItem());

        {
          bar.setMaxWidth(Double.MAX_VALUE);
          // Job progress moves between re-lists: each poll tick moves the bar, nothing else.
          vm.progressTicksProperty().addListener(new javafx.beans.value.WeakChangeListener<>(tick));
        }

        @Override
        protected void updateItem(RunListing item, boolean empty) {
          super.updateItem(item, empty);
          show(empty ? null : item);
        }

        private void show(RunListing item) {
          if (item == null || !item.ok()) {
            setGraphic(null);
            return;
          }
          double p = vm.progress(item);
          bar.setProgress(p < 0 ? 0 : p);
          setGraphic(bar);
        }
      };
      return cell;
    });
    return c;
  }

  private static String best(RunListing l) {
    if (l.bestMetric() == null) {
      return "";
    }
    // Number first: it is what a narrow column must not cut off.
    String metric = l.metric() == null ? "" : switch (l.metric()) {
      case "accuracy" -> " acc";
      default -> " " + l.metric();
    };
    return String.format(Locale.ROOT, "%.3f%s (ep %d)", l.bestMetric(), metric, l.bestEpoch() == null ? 0 : l.bestEpoch());
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : Double.toString(v);
  }

  /** Stops polling. */
  public void dispose() {
    vm.close();
  }
}
