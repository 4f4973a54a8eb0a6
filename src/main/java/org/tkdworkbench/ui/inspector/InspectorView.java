package org.tkdworkbench.ui.inspector;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.tkdworkbench.distill.HeadFusion;
import org.tkdworkbench.distill.RolloutMethod;
import org.tkdworkbench.ui.browser.ClipRow;

/**
 * The Teacher section's nodes: the teacher chooser and selectors on top, the dataset's clips on the
 * left, the selected clip's panels ({@link AttentionPlot}) with its predicted and true label on the
 * right. Keys: up/down in the list, Page Up/Down or Ctrl+Up/Down anywhere step clip by clip, space
 * plays or stops.
 */
public final class InspectorView {
  private final InspectorViewModel vm;
  private final SplitPane root = new SplitPane();
  private final ListView<ClipRow> list = new ListView<>();
  private final AttentionPlot plot = new AttentionPlot();
  private final VBox panel = new VBox(6);
  private final Function<Window, Path> saveChooser;
  private final AnimationTimer cursorTimer;

  /**
   * @param saveChooser asks where to save the PNG (null: cancelled); the app passes a file chooser,
   *     tests a fixed path
   */
  private final Button train = new Button("Train teacher…");

  /** Shows "Train teacher…", which runs {@code action} (the app opens the dialog and queues it). */
  public void setOnTrainTeacher(Runnable action) {
    train.setOnAction(e -> action.run());
    train.setVisible(action != null);
  }

  public InspectorView(InspectorViewModel vm, Function<Window, Path> saveChooser) {
    this.vm = vm;
    this.saveChooser = saveChooser == null ? InspectorView::choosePng : saveChooser;
    root.setId("inspector");
    root.getItems().addAll(buildList(), buildDetail());
    root.setDividerPositions(0.26);
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
    // Teachers are listed (and the first one opened, which may start the model engine) only when
    // the section is shown, and again each time: one trained meanwhile appears in the chooser.
    // The shell keeps every section in the scene and flips visibility; on its own (tests) the
    // view is shown when it gets a parent.
    Runnable shown = () -> {
      if (root.getParent() != null && root.isVisible()) {
        vm.refreshTeachers();
      }
    };
    root.parentProperty().addListener((o, a, parent) -> shown.run());
    root.visibleProperty().addListener((o, a, visible) -> shown.run());
  }

  public Node root() {
    return root;
  }

  /** The panel that "Export PNG…" saves: labels and all four plots. */
  Node panel() {
    return panel;
  }

  public void dispose() {
    cursorTimer.stop();
    vm.dispose();
  }

  private void onKey(KeyEvent e) {
    boolean inText =
        root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl;
    int step = 0;
    if (e.getCode() == KeyCode.PAGE_DOWN || (e.isShortcutDown() && e.getCode() == KeyCode.DOWN)) {
      step = 1;
    } else if (e.getCode() == KeyCode.PAGE_UP
        || (e.isShortcutDown() && e.getCode() == KeyCode.UP)) {
      step = -1;
    }
    if (step != 0) {
      vm.step(step);
      e.consume();
    } else if (e.getCode() == KeyCode.SPACE && !inText) {
      vm.togglePlay();
      e.consume();
    }
  }

  private Node buildList() {
    TextField filter = new TextField();
    filter.setId("inspectorFilter");
    filter.setPromptText("Filter by label or file name");
    filter.textProperty().bindBidirectional(vm.filterTextProperty());
    list.setId("inspectorClipList");
    list.setItems(vm.visibleRows());
    list.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(ClipRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(
                    empty || r == null
                        ? null
                        : r.clip().id() + "   " + r.clip().split().displayName());
              }
            });
    list.setPlaceholder(new Label("No dataset open"));
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, row) -> {
              if (row != null) {
                vm.select(row);
              }
            });
    vm.selectedProperty()
        .addListener(
            (o, a, row) -> {
              if (row != null && list.getSelectionModel().getSelectedItem() != row) {
                list.getSelectionModel().select(row);
                list.scrollTo(row);
              }
            });
    VBox.setVgrow(list, Priority.ALWAYS);
    VBox side = new VBox(6, filter, list);
    side.setPadding(new Insets(8));
    side.setMinWidth(200);
    return side;
  }

  private Node buildDetail() {
    ComboBox<Path> teacher = new ComboBox<>(vm.teacherFolders());
    teacher.setId("teacherChoice");
    teacher.setPromptText("No teacher");
    teacher.valueProperty().bindBidirectional(vm.teacherFolderProperty());
    teacher.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Path p) {
            return p == null ? "" : p.getFileName().toString();
          }

          @Override
          public Path fromString(String s) {
            return null;
          }
        });
    teacher.setTooltip(new Tooltip("Teacher folders under <workspace>/teachers"));
    Button open = new Button("Open teacher folder…");
    open.setId("openTeacher");
    open.setOnAction(
        e -> {
          DirectoryChooser c = new DirectoryChooser();
          c.setTitle("Open a teacher folder (with spec.json)");
          java.io.File dir = c.showDialog(root.getScene().getWindow());
          if (dir != null) {
            vm.openTeacherFolder(dir.toPath());
          }
        });

    ComboBox<RolloutMethod> method = new ComboBox<>();
    method.setId("methodChoice");
    method.getItems().setAll(RolloutMethod.values());
    method.valueProperty().bindBidirectional(vm.methodProperty());
    method.setConverter(names(RolloutMethod.class, "rollout", "last layer", "mean of layers"));
    ComboBox<HeadFusion> fusion = new ComboBox<>();
    fusion.setId("fusionChoice");
    fusion.getItems().setAll(HeadFusion.values());
    fusion.valueProperty().bindBidirectional(vm.fusionProperty());
    fusion.setConverter(names(HeadFusion.class, "heads: mean", "heads: max"));
    ComboBox<Integer> layer = new ComboBox<>(vm.layerChoices());
    layer.setId("layerChoice");
    layer.valueProperty().bindBidirectional(vm.layerProperty());
    layer.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Integer i) {
            return i == null ? "" : "heads of layer " + (i + 1);
          }

          @Override
          public Integer fromString(String s) {
            return null;
          }
        });
    Button play = new Button();
    play.setId("inspectorPlay");
    play.textProperty().bind(vm.playback().buttonTextProperty());
    play.disableProperty().bind(vm.analysisProperty().isNull());
    play.setOnAction(e -> vm.togglePlay());
    play.setFocusTraversable(false);
    Button export = new Button("Export PNG…");
    export.setId("exportPng");
    export.setOnAction(e -> exportPng());
    for (Region r : new Region[] {method, fusion, layer, export}) {
      r.disableProperty().bind(vm.specProperty().isNull());
    }
    for (Region r : new Region[] {teacher, open, method, fusion, layer, play, export}) {
      r.setMinWidth(Region.USE_PREF_SIZE);
    }
    Label teacherLabel = new Label("Teacher");
    teacherLabel.setMinWidth(Region.USE_PREF_SIZE);
    // Two groups that wrap onto a second line in a narrow window, rather than pushing the panels
    // (and the Export button) past the window's right edge.
    train.setId("trainTeacher");
    train.setMinWidth(Region.USE_PREF_SIZE);
    train.setVisible(false);
    train.managedProperty().bind(train.visibleProperty());
    HBox teacherGroup = new HBox(8, teacherLabel, teacher, open, train);
    teacherGroup.setAlignment(Pos.CENTER_LEFT);
    HBox viewGroup = new HBox(8, method, fusion, layer, play, export);
    viewGroup.setAlignment(Pos.CENTER_LEFT);
    javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(16, 6, teacherGroup, viewGroup);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setMinWidth(0);
    bar.setPrefWrapLength(400);

    Label title = new Label();
    title.getStyleClass().add("clip-title");
    title
        .textProperty()
        .bind(vm.selectedProperty().map(r -> r.clip().id()).orElse("No clip selected"));
    title.setMinWidth(0);
    Label prediction = new Label();
    prediction.setId("predictionLabel");
    prediction.textProperty().bind(vm.predictionProperty().map(Prediction::text).orElse(""));
    vm.predictionProperty()
        .addListener(
            (o, a, p) -> {
              prediction.getStyleClass().removeAll("prediction-right", "prediction-wrong");
              if (p != null) {
                prediction
                    .getStyleClass()
                    .add(p.correct() ? "prediction-right" : "prediction-wrong");
              }
            });
    Label peak = new Label();
    peak.setId("spanCheckLabel");
    peak.textProperty().bind(vm.spanCheckProperty().map(SpanCheck::text).orElse(""));
    vm.spanCheckProperty()
        .addListener(
            (o, a, c) -> {
              peak.getStyleClass().removeAll("prediction-right", "prediction-wrong");
              if (c != null) {
                peak.getStyleClass().add(c.inside() ? "prediction-right" : "prediction-wrong");
              }
            });
    // The clip id on its own line; what the teacher did with it below, where neither the peak nor
    // the prediction is cut short by a long id.
    HBox facts = new HBox(16, peak, prediction);
    facts.setAlignment(Pos.CENTER_LEFT);
    VBox heading = new VBox(2, title, facts);

    Label message = new Label();
    message.setId("inspectorMessage");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());
    message.visibleProperty().bind(vm.messageProperty().isNotNull());
    message.managedProperty().bind(message.visibleProperty());
    vm.errorProperty()
        .addListener(
            (o, a, err) -> {
              message.getStyleClass().remove("inspector-error");
              if (err) {
                message.getStyleClass().add("inspector-error");
              }
            });

    vm.analysisProperty()
        .addListener(
            (o, a, b) ->
                plot.setClip(
                    b == null ? null : b.spec(),
                    b == null ? 0 : b.durationSeconds(),
                    vm.rasterProperty().get()));
    vm.rasterProperty()
        .addListener(
            (o, a, r) -> {
              var an = vm.analysisProperty().get();
              plot.setClip(an == null ? null : an.spec(), an == null ? 0 : an.durationSeconds(), r);
            });
    vm.attentionProperty().addListener((o, a, v) -> plot.setAttention(v));
    vm.spanProperty().addListener((o, a, s) -> plot.setSpan(s));

    VBox.setVgrow(plot, Priority.ALWAYS);
    panel.getStyleClass().add("inspector-panel");
    panel.getChildren().addAll(heading, plot);
    VBox.setVgrow(panel, Priority.ALWAYS);
    VBox side = new VBox(6, bar, message, panel);
    side.setPadding(new Insets(8));
    side.setMinWidth(0);
    return side;
  }

  /** Snapshot of the panel on the FX thread; the PNG is written by a job. */
  void exportPng() {
    Path file = saveChooser.apply(root.getScene() == null ? null : root.getScene().getWindow());
    if (file == null) {
      return;
    }
    BufferedImage img = SwingFXUtils.fromFXImage(panel.snapshot(null, null), null);
    vm.exportPng(img, file);
  }

  private static Path choosePng(Window owner) {
    FileChooser c = new FileChooser();
    c.setTitle("Export the inspector as PNG");
    c.setInitialFileName("attention.png");
    c.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
    java.io.File f = c.showSaveDialog(owner);
    return f == null ? null : f.toPath();
  }

  private static <E extends Enum<E>> StringConverter<E> names(Class<E> type, String... names) {
    return new StringConverter<>() {
      @Override
      public String toString(E e) {
        return e == null ? "" : names[e.ordinal()];
      }

      @Override
      public E fromString(String s) {
        return null;
      }
    };
  }
}
