package org.tkdworkbench.ui.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tkdworkbench.audio.PlaybackOutput;
import org.tkdworkbench.runs.ConfigTable;
import org.tkdworkbench.runs.ParetoFront;
import org.tkdworkbench.runs.ResultsTable;
import org.tkdworkbench.ui.plot.CurveChart;

/**
 * Runs side by side, in tabs: overlaid curves of a chosen metric with a pinned baseline and the
 * deltas to it; the config table ("differences only"); the Table-2 pivot; test metric against a
 * chosen cost with the Pareto front; and per clip, the clips run A gets right and run B wrong,
 * each shown as its spectrogram with every run's attention (Fig. 2) and playable. Charts export as
 * PNG, tables as CSV.
 */
public final class CompareView {
  private static final Color[] COLOURS = {
    new Color(0x1F77B4), new Color(0xD62728), new Color(0x2CA02C), new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2),
    new Color(0xFF7F0E), new Color(0x17BECF)
  };

  private final CompareViewModel vm;
  private final PlaybackOutput output;
  private final BorderPane root = new BorderPane();
  private final CurveChart overlay = new CurveChart("Runs overlaid", "epoch", "value");
  private final TableView<CompareViewModel.Delta> deltas = new TableView<>();
  private final TableView<ConfigTable.Row> config = new TableView<>();
  private final TableView<List<String>> table2 = new TableView<>();
  private final XYSeriesCollection scatterData = new XYSeriesCollection();
  private final JFreeChart scatter;
  private final ListView<String> clips = new ListView<>();
  private final ClipAttentionPlot fig2 = new ClipAttentionPlot();

  public CompareView(CompareViewModel vm, PlaybackOutput output) {
    this.vm = vm;
    this.output = output;
    Label problems = new Label();
    problems.setId("compareProblems");
    problems.getStyleClass().add("field-message");
    problems.textProperty().bind(vm.problemsProperty());
    problems.managedProperty().bind(problems.textProperty().isNotEmpty());

    scatter = ChartFactory.createXYLineChart("Test metric against cost", "cost", "test metric", scatterData, PlotOrientation.VERTICAL, true, true, false);
    scatter.setBackgroundPaint(Color.WHITE);
    scatter.getXYPlot().setBackgroundPaint(Color.WHITE);

    TabPane tabs = new TabPane(curvesTab(), configTab(), table2Tab(), costTab(), clipsTab());
    tabs.setId("compareTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    root.setTop(problems);
    root.setCenter(tabs);
    vm.runsProperty().addListener((o, a, b) -> refresh());
  }

  public Node root() {
    return root;
  }

  /** The overlay chart (tests). */
  public CurveChart overlayChart() {
    return overlay;
  }

  private Tab curvesTab() {
    ChoiceBox<String> metric = new ChoiceBox<>(FXCollections.observableArrayList(CompareViewModel.METRICS));
    metric.setId("overlayMetric");
    metric.valueProperty().bindBidirectional(vm.metricProperty());
    metric.valueProperty().addListener((o, a, b) -> drawOverlay());
    ChoiceBox<String> baseline = new ChoiceBox<>();
    baseline.setId("baselineRun");
    vm.runsProperty().addListener((o, a, b) -> baseline.getItems().setAll(b.stream().map(CompareViewModel.Run::name).toList()));
    baseline.valueProperty().bindBidirectional(vm.baselineProperty());
    baseline.valueProperty().addListener((o, a, b) -> deltas.getItems().setAll(vm.deltas()));
    deltas.setId("deltaTable");
    deltas.getColumns().add(col("Run", 220, d -> d.soFar() ? d.run() + " (so far)" : d.run()));
    deltas.getColumns().add(col("Best validation", 110, d -> num(d.validation())));
    deltas.getColumns().add(col("Test", 80, d -> num(d.test())));
    deltas.getColumns().add(col("Δ validation", 100, d -> signed(d.dValidation())));
    deltas.getColumns().add(col("Δ test", 80, d -> signed(d.dTest())));
    deltas.setPrefHeight(170);
    Button png = new Button("Export PNG…");
    png.setOnAction(e -> save("overlay.png", f -> overlay.savePng(f, 1000, 560)));
    Button csv = new Button("Export CSV…");
    csv.setOnAction(e -> save("deltas.csv", f -> writeCsv(f, List.of("run", "validation", "test", "d_validation", "d_test"),
        vm.deltas().stream().map(d -> List.of(d.run(), num(d.validation()), num(d.test()), num(d.dValidation()), num(d.dTest()))).toList())));
    HBox bar = bar(new Label("Metric"), metric, new Label("Baseline"), baseline, png, csv);
    overlay.paintWhile(root.visibleProperty()); // the shell hides the section by its root
    VBox box = new VBox(8, bar, overlay.node(), deltas);
    VBox.setVgrow(overlay.node(), Priority.ALWAYS);
    box.setPadding(new Insets(8));
    return new Tab("Curves", box);
  }

  private Tab configTab() {
    CheckBox diff = new CheckBox("Differences only");
    diff.setId("differencesOnly");
    diff.selectedProperty().bindBidirectional(vm.differencesOnlyProperty());
    diff.selectedProperty().addListener((o, a, b) -> fillConfig());
    config.setId("configTable");
    Button csv = new Button("Export CSV…");
    csv.setOnAction(e -> {
      List<String> header = new ArrayList<>(List.of("key"));
      vm.runsProperty().get().forEach(r -> header.add(r.name()));
      save("config.csv", f -> writeCsv(f, header, vm.config().stream().map(r -> {
        List<String> row = new ArrayList<>(List.of(r.key()));
        r.values().forEach(v -> row.add(v == null ? "" : v));
        return row;
      }).toList()));
    });
    VBox box = new VBox(8, bar(diff, csv), config);
    VBox.setVgrow(config, Priority.ALWAYS);
    box.setPadding(new Insets(8));
    return new Tab("Config", box);
  }

  private Tab table2Tab() {
    table2.setId("table2");
    table2.setPlaceholder(new Label("Table 2 needs finished runs (run.json with student and lambda, summary.json with test_metric)"));
    Button csv = new Button("Export CSV…");
    csv.setOnAction(e -> save("table2.csv", f -> Files.writeString(f.toPath(), ResultsTable.csv(vm.table2()), StandardCharsets.UTF_8)));
    Label note = new Label("Cells: mean ± std of the test metric over seeds at the best validation epoch; * the best λ of a row; "
        + "W/T/L: the seeds on which λ beats, ties or loses to λ = 0.");
    note.setWrapText(true);
    note.getStyleClass().add("muted");
    VBox box = new VBox(8, bar(csv), note, table2);
    VBox.setVgrow(table2, Priority.ALWAYS);
    box.setPadding(new Insets(8));
    return new Tab("Table 2", box);
  }

  private Tab costTab() {
    ChoiceBox<String> cost = new ChoiceBox<>(FXCollections.observableArrayList(CompareViewModel.COSTS));
    cost.setId("costAxis");
    cost.valueProperty().bindBidirectional(vm.costProperty());
    cost.valueProperty().addListener((o, a, b) -> drawScatter());
    ChartViewer viewer = new ChartViewer(scatter);
    viewer.setId("costScatter");
    Button png = new Button("Export PNG…");
    png.setOnAction(e -> save("cost.png", f -> ChartUtils.saveChartAsPNG(f, scatter, 1000, 560)));
    VBox box = new VBox(8, bar(new Label("Cost"), cost, png), viewer);
    VBox.setVgrow(viewer, Priority.ALWAYS);
    box.setPadding(new Insets(8));
    return new Tab("Accuracy vs cost", box);
  }

  private Tab clipsTab() {
    ChoiceBox<String> a = new ChoiceBox<>();
    a.setId("runA");
    ChoiceBox<String> b = new ChoiceBox<>();
    b.setId("runB");
    vm.runsProperty().addListener((o, x, list) -> {
      List<String> names = list.stream().map(CompareViewModel.Run::name).toList();
      a.getItems().setAll(names);
      b.getItems().setAll(names);
    });
    a.valueProperty().bindBidirectional(vm.runAProperty());
    b.valueProperty().bindBidirectional(vm.runBProperty());
    a.valueProperty().addListener((o, x, y) -> fillClips());
    b.valueProperty().addListener((o, x, y) -> fillClips());
    clips.setId("clipDiffList");
    clips.setPlaceholder(new Label("No clip that A gets right and B wrong"));
    clips.getSelectionModel().selectedItemProperty().addListener((o, x, id) -> vm.showClip(id));
    vm.clipProperty().addListener((o, x, v) -> fig2.setView(v));
    Button play = new Button("Play");
    play.setId("playClip");
    play.setOnAction(e -> {
      CompareViewModel.ClipView v = vm.clipProperty().get();
      if (v != null) {
        try {
          output.play(v.samples(), v.sampleRate(), () -> {});
        } catch (org.tkdworkbench.audio.PlaybackUnavailableException ex) {
          new Alert(Alert.AlertType.INFORMATION, "No sound output: " + ex.getMessage()).show();
        }
      }
    });
    Button png = new Button("Export PNG…");
    png.setOnAction(e -> save("fig2.png", f -> {
      var img = fig2.snapshot(null, null);
      javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png", f);
    }));
    Label right = new Label("Right in A, wrong in B:");
    VBox left = new VBox(6, bar(new Label("A"), a), bar(new Label("B"), b), right, clips);
    VBox.setVgrow(clips, Priority.ALWAYS);
    left.setPadding(new Insets(8));
    VBox plot = new VBox(6, bar(play, png), fig2);
    VBox.setVgrow(fig2, Priority.ALWAYS);
    plot.setPadding(new Insets(8));
    SplitPane split = new SplitPane(left, plot);
    split.setDividerPositions(0.3);
    return new Tab("Per clip (Fig. 2)", split);
  }

  private void refresh() {
    drawOverlay();
    deltas.getItems().setAll(vm.deltas());
    fillConfig();
    fillTable2();
    drawScatter();
    fillClips();
  }

  private void drawOverlay() {
    List<CurveChart.Line> lines = new ArrayList<>();
    int k = 0;
    for (CompareViewModel.Series s : vm.overlay()) {
      lines.add(new CurveChart.Line(s.run(), s.x(), s.y(), COLOURS[k++ % COLOURS.length], false));
    }
    overlay.show(lines, 0);
  }

  private void fillConfig() {
    config.getColumns().clear();
    config.getColumns().add(col("Key", 200, ConfigTable.Row::key));
    List<CompareViewModel.Run> runs = vm.runsProperty().get();
    for (int i = 0; i < runs.size(); i++) {
      int idx = i;
      config.getColumns().add(col(runs.get(i).name(), 170, r -> r.values().get(idx) == null ? "—" : r.values().get(idx)));
    }
    config.getItems().setAll(vm.config());
  }

  private void fillTable2() {
    table2.getColumns().clear();
    table2.getItems().clear();
    List<ResultsTable.Table> tables = vm.table2();
    List<Double> lambdas = tables.stream().flatMap(t -> t.lambdas().stream()).distinct().sorted().toList();
    List<String> header = new ArrayList<>(List.of("target", "student"));
    lambdas.forEach(l -> header.add("λ = " + trim(l)));
    for (int c = 0; c < header.size(); c++) {
      int idx = c;
      table2.getColumns().add(new TableColumn<List<String>, String>(header.get(c)) {
        {
          setPrefWidth(idx < 2 ? 90 : 230);
          setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().get(idx)));
        }
      });
    }
    for (ResultsTable.Table t : tables) {
      for (String student : t.students()) {
        List<String> row = new ArrayList<>(List.of(t.target(), student));
        for (double l : lambdas) {
          ResultsTable.Stats s = t.stats().get(student).get(l);
          ResultsTable.Paired p = t.paired().get(student).get(l);
          String text = s == null ? "" : String.format(Locale.ROOT, "%.3f ± %.3f%s", s.mean(), s.std(), Double.valueOf(l).equals(t.bestLambda().get(student)) ? " *" : "");
          if (p != null) {
            text += String.format(Locale.ROOT, "  (%+.3f, %d/%d/%d)", p.meanDiff(), p.wins(), p.ties(), p.losses());
          }
          row.add(text);
        }
        table2.getItems().add(row);
      }
    }
  }

  private void drawScatter() {
    scatterData.removeAllSeries();
    List<ParetoFront.Point> points = vm.points();
    XYSeries all = new XYSeries("runs", false, true);
    points.stream().filter(p -> Double.isFinite(p.cost()) && Double.isFinite(p.metric())).forEach(p -> all.add(p.cost(), p.metric()));
    XYSeries front = new XYSeries("Pareto front", false, true);
    ParetoFront.of(points).forEach(p -> front.add(p.cost(), p.metric()));
    scatterData.addSeries(all);
    scatterData.addSeries(front);
    XYPlot plot = scatter.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    r.setSeriesLinesVisible(0, false);
    r.setSeriesShapesVisible(0, true);
    r.setSeriesPaint(0, COLOURS[0]);
    r.setSeriesLinesVisible(1, true);
    r.setSeriesShapesVisible(1, true);
    r.setSeriesPaint(1, COLOURS[1]);
    r.setSeriesStroke(1, new BasicStroke(2f));
    r.setDefaultToolTipGenerator((data, s, i) -> {
      double x = data.getXValue(s, i);
      double y = data.getYValue(s, i);
      return points.stream().filter(p -> p.cost() == x && p.metric() == y).map(ParetoFront.Point::id).findFirst().orElse("");
    });
    plot.setRenderer(r);
    plot.getDomainAxis().setLabel(vm.costProperty().get().replace('_', ' '));
  }

  private void fillClips() {
    clips.getItems().setAll(vm.rightInAWrongInB());
  }

  private static HBox bar(Node... nodes) {
    HBox b = new HBox(8, nodes);
    b.setAlignment(Pos.CENTER_LEFT);
    return b;
  }

  private static <T> TableColumn<T, String> col(String name, double width, Function<T, String> value) {
    TableColumn<T, String> c = new TableColumn<>(name);
    c.setPrefWidth(width);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    return c;
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String signed(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%+.4f", v);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : Double.toString(v);
  }

  /** Something that writes a file. */
  private interface Writer {
    void write(File f) throws IOException;
  }

  private void save(String name, Writer w) {
    FileChooser chooser = new FileChooser();
    chooser.setInitialFileName(name);
    File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
    if (f == null) {
      return;
    }
    try {
      w.write(f);
    } catch (IOException | RuntimeException e) {
      new Alert(Alert.AlertType.ERROR, "Cannot write " + f + ": " + e.getMessage()).show();
    }
  }

  private static void writeCsv(File f, List<String> header, List<List<String>> rows) throws IOException {
    StringBuilder b = new StringBuilder(String.join(",", header.stream().map(org.tkdworkbench.workspace.Csv::quote).toList())).append('\n');
    for (List<String> r : rows) {
      b.append(String.join(",", r.stream().map(org.tkdworkbench.workspace.Csv::quote).toList())).append('\n');
    }
    Files.writeString(f.toPath(), b, StandardCharsets.UTF_8);
  }
}
