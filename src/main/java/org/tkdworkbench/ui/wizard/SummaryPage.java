package org.tkdworkbench.ui.wizard;

import org.tkdworkbench.ui.form.Forms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tkdworkbench.data.Refusal;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.ui.wizard.WizardViewModel.Step;

/**
 * Step 5: the import report of the dataset that will be registered (the noisy variant when one is
 * built): a progress bar with Cancel while the job runs, then the facts, a class-balance chart
 * stacked by split, and every refused file with its reason. Finish registers it.
 */
final class SummaryPage {
  private final WizardViewModel vm;
  private final SummaryModel summary;
  private final GridPane facts = Forms.grid();
  private final List<Label> values = new ArrayList<>();
  private final CategoryAxis classAxis = new CategoryAxis();
  private final StackedBarChart<String, Number> chart =
      new StackedBarChart<>(classAxis, new NumberAxis());
  private final TableView<Refusal> refused = new TableView<>();
  private final Label warnings = Forms.hint("");

  private SummaryPage(WizardViewModel vm) {
    this.vm = vm;
    this.summary = vm.summary();
  }

  static Node build(WizardViewModel vm) {
    return new SummaryPage(vm).layout();
  }

  private Node layout() {
    ProgressBar bar = new ProgressBar();
    bar.setId("wizardProgress");
    bar.setPrefWidth(260);
    bar.progressProperty().bind(summary.progressProperty());
    Label text = new Label();
    text.setId("wizardProgressText");
    text.getStyleClass().add("muted");
    text.textProperty().bind(summary.progressTextProperty());
    Button cancel = new Button("Cancel job");
    cancel.setId("wizardCancelJob");
    cancel.setOnAction(e -> summary.cancel());
    cancel.visibleProperty().bind(summary.runningProperty());
    Button retry = new Button("Run again");
    retry.setId("wizardRetry");
    retry.setOnAction(e -> vm.enter(Step.SUMMARY));
    retry.visibleProperty().bind(summary.runningProperty().not().and(summary.outcomeProperty().isNull()));
    cancel.managedProperty().bind(cancel.visibleProperty());
    retry.managedProperty().bind(retry.visibleProperty());
    HBox.setHgrow(text, Priority.ALWAYS);
    text.setMaxWidth(Double.MAX_VALUE);
    HBox progress = new HBox(10, bar, text, cancel, retry);
    progress.setAlignment(Pos.CENTER_LEFT);

    Label error = Forms.messageLabel("wizardSummaryError", summary.errorProperty());
    error.managedProperty().bind(error.visibleProperty());

    TextField name = Forms.text("wizardName", summary.nameProperty(), 24);
    Label nameLabel = new Label("Register as");
    HBox nameRow = new HBox(10, nameLabel, name);
    nameRow.setAlignment(Pos.CENTER_LEFT);
    nameRow.disableProperty().bind(summary.outcomeProperty().isNull());

    facts.setId("wizardSummary");
    facts.getColumnConstraints().get(0).setMinWidth(110);
    facts.getColumnConstraints().get(1).setPrefWidth(700);
    facts.setVgap(3);
    String[] rows = {"Dataset", "Classes", "Clips", "Durations", "Sample rates", "Refused", "Noisy variant"};
    String[] ids = {"Dataset", "Classes", "Clips", "Durations", "Rates", "Refused", "Noisy"};
    for (int i = 0; i < rows.length; i++) {
      Label key = new Label(rows[i]);
      key.getStyleClass().add("fact-key");
      Label value = new Label();
      value.setId("wizardSummary" + ids[i]);
      value.setWrapText(true);
      facts.add(key, 0, i);
      facts.add(value, 1, i, 2, 1);
      values.add(value);
    }
    facts.visibleProperty().bind(summary.outcomeProperty().isNotNull());

    chart.setId("wizardClassChart");
    chart.setAnimated(false);
    chart.setTitle("Clips per class");
    chart.setLegendVisible(true);
    chart.setCategoryGap(4);
    chart.getXAxis().setTickLabelRotation(-45);
    chart.setMinSize(300, 200);

    refused.setId("wizardRefusedTable");
    refused.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    refused.getColumns().add(column("path", 150, Refusal::path));
    refused.getColumns().add(column("reason", 110, r -> r.reason().phrase()));
    refused.getColumns().add(column("detail", 140, Refusal::detail));
    Label none = new Label();
    none.textProperty().bind(summary.outcomeProperty().map(o -> "No file was refused").orElse(""));
    refused.setPlaceholder(none);
    Label refusedTitle = new Label("Refused files");
    refusedTitle.getStyleClass().add("fact-key");
    VBox refusedBox = new VBox(4, refusedTitle, refused);
    VBox.setVgrow(refused, Priority.ALWAYS);

    ScrollPane chartScroll = new ScrollPane(chart);
    chartScroll.setFitToWidth(true);
    chartScroll.setFitToHeight(true);
    SplitPane lower = new SplitPane(chartScroll, refusedBox);
    lower.setDividerPositions(0.55);
    VBox.setVgrow(lower, Priority.ALWAYS);
    lower.visibleProperty().bind(summary.outcomeProperty().isNotNull());
    warnings.setId("wizardSummaryWarnings");
    warnings.managedProperty().bind(warnings.visibleProperty());

    summary.outcomeProperty().addListener((o, a, b) -> show(summary.facts()));
    show(summary.facts());

    VBox box = new VBox(8, progress, error, nameRow, facts, warnings, lower);
    box.setPadding(new Insets(8, 12, 8, 12));
    return box;
  }

  private void show(ReportFacts f) {
    if (f == null) {
      values.forEach(l -> l.setText(""));
      chart.getData().clear();
      refused.getItems().clear();
      warnings.setVisible(false);
      return;
    }
    String[] texts = {
      f.dataset(), f.classes(), f.clips(), f.durations(), f.sampleRates(), f.refusedCount(),
      f.noisy() == null ? "none" : f.noisy()
    };
    for (int i = 0; i < texts.length; i++) {
      values.get(i).setText(texts[i]);
    }
    warnings.setText(f.warnings().isEmpty() ? "" : "Notes: " + String.join(" · ", f.warnings()));
    warnings.setVisible(!f.warnings().isEmpty());
    refused.setItems(FXCollections.observableArrayList(f.refused()));
    fillChart(f.perClass());
  }

  /** One series per split, stacked; categories set first (JavaFX mislays them otherwise). */
  private void fillChart(Map<String, Map<Split, Integer>> perClass) {
    chart.getData().clear();
    classAxis.setCategories(FXCollections.observableArrayList(perClass.keySet()));
    for (Split split : Split.values()) {
      XYChart.Series<String, Number> series = new XYChart.Series<>();
      series.setName(split.displayName());
      boolean any = false;
      for (Map.Entry<String, Map<Split, Integer>> e : perClass.entrySet()) {
        int n = e.getValue().getOrDefault(split, 0);
        series.getData().add(new XYChart.Data<>(e.getKey(), n));
        any |= n > 0;
      }
      if (any) {
        chart.getData().add(series);
      }
    }
    // Many classes: let the chart grow sideways rather than squeeze the labels.
    chart.setMinWidth(Math.max(300, 22.0 * perClass.size()));
  }

  private static TableColumn<Refusal, String> column(
      String title, double width, java.util.function.Function<Refusal, String> value) {
    TableColumn<Refusal, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    return c;
  }

}
