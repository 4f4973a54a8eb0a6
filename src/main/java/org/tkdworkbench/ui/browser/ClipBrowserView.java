package org.tkdworkbench.ui.browser;

import java.util.Comparator;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.ui.plot.ColorMap;

/**
 * The clip browser's nodes: filters and the clip table on the left; the selected clip's title,
 * colour map, play button, waveform and spectrogram on the right. Built in code and bound to a
 * {@link ClipBrowserViewModel}; it holds no state of its own beyond what the screen needs.
 *
 * <p>Keys: up/down move through the table (the table's own behaviour), space plays or stops
 * anywhere except in a text field.
 */
public final class ClipBrowserView {
  static final String ALL_LABELS = "All labels";
  static final String ALL_SPLITS = "All splits";

  private final ClipBrowserViewModel vm;
  private final SplitPane root = new SplitPane();
  private final TableView<ClipRow> table = new TableView<>();
  private final ClipPlotPane plot = new ClipPlotPane();
  private final AnimationTimer cursorTimer;

  public ClipBrowserView(ClipBrowserViewModel vm) {
    this.vm = vm;
    root.setId("clipBrowser");
    root.getStyleClass().add("clip-browser");
    root.getItems().addAll(buildListSide(), buildDetailSide());
    root.setDividerPositions(0.42);
    SplitPane.setResizableWithParent(root.getItems().get(0), false);

    cursorTimer =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            plot.setCursor(vm.playback().position());
          }
        };
    vm.playback()
        .playingProperty()
        .addListener(
            (o, was, playing) -> {
              if (playing) {
                cursorTimer.start();
              } else {
                cursorTimer.stop();
                plot.setCursor(-1);
              }
            });
    root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
  }

  /** The view's top node. */
  public Node root() {
    return root;
  }

  /** Puts the keyboard on the clip table, so up/down and space work at once. */
  public void focusTable() {
    table.requestFocus();
  }

  /** Stops the cursor timer and the model's jobs and playback. */
  public void dispose() {
    cursorTimer.stop();
    vm.dispose();
  }

  private void onKey(KeyEvent e) {
    if (e.getCode() == KeyCode.SPACE
        && !(root.getScene() != null
            && root.getScene().getFocusOwner() instanceof TextInputControl)) {
      vm.togglePlay();
      e.consume();
    }
  }

  private Node buildListSide() {
    TextField filter = new TextField();
    filter.setId("clipFilter");
    filter.setPromptText("Filter by label or file name");
    filter.textProperty().bindBidirectional(vm.filterTextProperty());
    HBox.setHgrow(filter, Priority.ALWAYS);

    ComboBox<String> labels = new ComboBox<>();
    labels.setId("labelFilter");
    labels.getItems().add(ALL_LABELS);
    vm.labels()
        .addListener(
            (ListChangeListener<String>)
                c -> {
                  labels.getItems().setAll(ALL_LABELS);
                  labels.getItems().addAll(vm.labels());
                  labels.setValue(
                      vm.labelFilterProperty().get() == null
                          ? ALL_LABELS
                          : vm.labelFilterProperty().get());
                });
    labels.setValue(ALL_LABELS);
    labels
        .valueProperty()
        .addListener(
            (o, a, v) -> vm.labelFilterProperty().set(v == null || v.equals(ALL_LABELS) ? null : v));

    ComboBox<String> splits = new ComboBox<>();
    splits.setId("splitFilter");
    splits.getItems().add(ALL_SPLITS);
    for (Split s : Split.values()) {
      splits.getItems().add(s.displayName());
    }
    splits.setValue(ALL_SPLITS);
    splits
        .valueProperty()
        .addListener(
            (o, a, v) ->
                vm.splitFilterProperty()
                    .set(
                        v == null || v.equals(ALL_SPLITS)
                            ? null
                            : Split.valueOf(v.toUpperCase(Locale.ROOT))));

    HBox combos = new HBox(6, labels, splits);
    Label count = new Label();
    count.setId("clipCount");
    count.getStyleClass().add("muted");
    count.textProperty().bind(vm.countTextProperty());

    buildTable();
    VBox.setVgrow(table, Priority.ALWAYS);
    VBox side = new VBox(6, filter, combos, table, count);
    side.setPadding(new Insets(8));
    side.setMinWidth(280);
    return side;
  }

  private void buildTable() {
    table.setId("clipTable");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    TableColumn<ClipRow, String> label = new TableColumn<>("label");
    label.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().clip().label()));
    label.setPrefWidth(58);
    TableColumn<ClipRow, String> split = new TableColumn<>("split");
    split.setCellValueFactory(
        c -> new ReadOnlyStringWrapper(c.getValue().clip().split().displayName()));
    split.setPrefWidth(80);
    split.setMinWidth(76);
    TableColumn<ClipRow, Double> duration = new TableColumn<>("duration (s)");
    duration.setCellValueFactory(c -> c.getValue().durationProperty());
    duration.setCellFactory(c -> new DurationCell());
    duration.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
    duration.setPrefWidth(96);
    duration.setMinWidth(92);
    duration.getStyleClass().add("numeric");
    TableColumn<ClipRow, String> file = new TableColumn<>("file");
    file.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().clip().fileName()));
    file.setPrefWidth(160);
    table.getColumns().addAll(java.util.List.of(label, split, duration, file));

    SortedList<ClipRow> sorted = new SortedList<>(vm.visibleRows());
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    Label placeholder = new Label();
    placeholder.textProperty().bind(vm.countTextProperty().map(t -> placeholderFor(t)));
    table.setPlaceholder(placeholder);
    // Only a real row changes the plot: a filter that hides the selected row keeps it shown.
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, row) -> {
              if (row != null) {
                vm.select(row);
              }
            });
  }

  private static String placeholderFor(String countText) {
    return countText.equals("No dataset") ? "No dataset open" : "No clips match the filters";
  }

  private Node buildDetailSide() {
    Label title = new Label();
    title.setId("clipTitle");
    title.getStyleClass().add("clip-title");
    title
        .textProperty()
        .bind(
            vm.selectedProperty()
                .map(
                    r ->
                        r.clip().id()
                            + "   ·   "
                            + r.clip().label()
                            + ", "
                            + r.clip().split().displayName())
                .orElse("No clip selected"));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);

    ComboBox<ColorMap> colours = new ComboBox<>();
    colours.setId("colorMapChoice");
    colours.getItems().setAll(ColorMap.values());
    colours.valueProperty().bindBidirectional(vm.colorMapProperty());
    colours.setTooltip(new Tooltip("Colour map of the spectrogram"));
    colours.setMinWidth(Region.USE_PREF_SIZE);

    Button play = new Button();
    play.setId("playButton");
    play.getStyleClass().add("play-button");
    play.textProperty().bind(vm.playback().buttonTextProperty());
    play.disableProperty().bind(vm.canPlayProperty().not());
    Tooltip playTip = new Tooltip();
    playTip.textProperty().bind(vm.playback().tooltipProperty());
    play.setTooltip(playTip);
    play.setOnAction(e -> vm.togglePlay());
    play.setMinWidth(Region.USE_PREF_SIZE);
    play.setFocusTraversable(false); // keep the keyboard on the table; space plays anyway

    Label coloursLabel = new Label("Colours");
    coloursLabel.setMinWidth(Region.USE_PREF_SIZE);
    // When the side is narrow the clip's title gives way (ellipsis), not the controls.
    title.setMinWidth(0);
    HBox header = new HBox(10, title, spacer, coloursLabel, colours, play);
    header.setAlignment(Pos.CENTER_LEFT);

    Label info = new Label(describeDisplay());
    info.setId("spectrogramInfo");
    info.getStyleClass().add("muted");
    info.setTooltip(new Tooltip(DecodingClipAnalyzer.describe(DecodingClipAnalyzer.DISPLAY_SPEC)));

    // A slow decode (a long clip, ffmpeg) dims the old picture; quick ones never flicker.
    PauseTransition dimLater = new PauseTransition(Duration.millis(150));
    dimLater.setOnFinished(e -> plot.setOpacity(0.45));
    vm.loadingProperty()
        .addListener(
            (o, was, loading) -> {
              if (loading) {
                dimLater.playFromStart();
              } else {
                dimLater.stop();
                plot.setOpacity(1);
              }
            });
    vm.analysisProperty().addListener((o, a, b) -> plot.setAnalysis(b));
    vm.rasterProperty().addListener((o, a, b) -> plot.setRaster(b));
    Label message = plot.messageLabel();
    message.textProperty().bind(vm.messageProperty());
    message.visibleProperty().bind(vm.messageProperty().isNotNull());
    vm.failedProperty()
        .addListener(
            (o, a, failed) -> {
              message.getStyleClass().remove("plot-error");
              if (failed) {
                message.getStyleClass().add("plot-error");
              }
            });
    Tooltip.install(plot.spectrogramCanvas(), new Tooltip(info.getTooltip().getText()));

    VBox.setVgrow(plot, Priority.ALWAYS);
    VBox side = new VBox(6, header, plot, info);
    side.setPadding(new Insets(8));
    return side;
  }

  private static String describeDisplay() {
    var s = DecodingClipAnalyzer.DISPLAY_SPEC;
    return String.format(
        Locale.ROOT,
        "Log-mel spectrogram: %d mel bands, n_fft %d, hop %.0f ms · colour: loudest cell down to 80 dB below",
        s.nMels(),
        s.nFft(),
        1000.0 * s.hopLength() / s.sampleRate());
  }
}
