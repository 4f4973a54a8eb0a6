package org.tkdworkbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.distill.DistillRunConfig;
import org.tkdworkbench.jobs.JobHandle;
import org.tkdworkbench.runs.RunListing;
import org.tkdworkbench.runs.RunStore;
import org.tkdworkbench.runs.RunWriter;

/**
 * The runs table across re-lists, on real run folders: a run that moved an epoch updates its own
 * row's cells in place, a new run takes its place in the store's order, a deleted one leaves, and the user's
 * multi-row selection stays.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RunsViewTest {
  private Path root;
  private RunsViewModel vm;
  private final List<List<RunListing>> comparedSelections = new ArrayList<>();

  @Start
  void start(Stage stage) throws Exception {
    root = Files.createTempDirectory("runs-view").resolve("runs");
    Training storeOnly = new Training() {
      @Override
      public Path runsRoot() {
        return root;
      }

      @Override
      public JobHandle<?> start(DistillRunConfig config, DatasetIndex dataset, Consumer<Path> created) {
        throw new UnsupportedOperationException();
      }

      @Override
      public JobHandle<?> resume(Path folder) {
        throw new UnsupportedOperationException();
      }

      @Override
      public JobHandle<?> sweep(List<DistillRunConfig> cells, DatasetIndex dataset, Consumer<Path> created) {
        throw new UnsupportedOperationException();
      }
    };
    vm = new RunsViewModel(storeOnly, Platform::runLater);
    RunsView view = new RunsView(vm, comparedSelections::add);
    stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1100, 600));
    stage.show();
  }

  private RunWriter run(RunStore store, String name, int epochsDone) throws Exception {
    RunWriter w = store.create(name, Map.of("student", "tc-resnet", "lambda", 0.25, "seed", 1), List.of("epoch", "split", "loss"));
    w.start(5, "accuracy");
    for (int e = 1; e <= epochsDone; e++) {
      w.epochFinished(e, 0.1 * e, true);
    }
    return w;
  }

  /** One poll that re-lists, then the FX thread's share of it. */
  private void relist() {
    vm.refreshSoon();
    vm.pollNow();
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The store prefixes folder names with the time: the part the test chose. */
  private static String name(RunListing r) {
    return r.name().substring(r.name().lastIndexOf('-') + 1);
  }

  /** The table cell showing column {@code column} of the run the test named {@code run}. */
  @SuppressWarnings("unchecked")
  private static javafx.scene.control.TableCell<?, ?> cell(FxRobot robot, String run, String column) {
    return robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
        .filter(c -> c.getTableColumn() != null && c.getTableColumn().getText().equals(column))
        .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() instanceof RunRow r && name(r.get()).equals(run))
        .findFirst().orElseThrow(() -> new AssertionError("no " + column + " cell for run " + run));
  }

  private static List<String> names(TableView<RunRow> table) {
    return table.getItems().stream().map(r -> name(r.get())).toList();
  }

  /** At the default divider every column is in view: no horizontal scroll bar hides Progress or Best. */
  @Test
  void everyColumnFitsTheTableAtTheDefaultDivider(FxRobot robot) {
    TableView<RunRow> table = robot.lookup("#runsTable").queryTableView();
    robot.interact(() -> {
      double columns = table.getColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getWidth).sum();
      assertThat(table.getWidth()).as("table width").isLessThan(1100 * 0.6);
      assertThat(columns).as("columns' widths").isLessThanOrEqualTo(table.getWidth());
      assertThat(table.getColumns().get(table.getColumns().size() - 1).getText()).isEqualTo("Best");
      assertThat(table.getColumns().get(table.getColumns().size() - 1).getWidth()).as("Best").isGreaterThanOrEqualTo(130);
    });
    // The divider dragged far left stops where the columns still fit (no scroll bar would reach them).
    robot.interact(() -> ((javafx.scene.control.SplitPane) table.getParent().getParent()).setDividerPositions(0.05));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> {
      double columns = table.getColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getWidth).sum();
      assertThat(columns).as("columns' widths at the narrowest").isLessThanOrEqualTo(table.getWidth());
      assertThat(table.getColumns().get(table.getColumns().size() - 1).getWidth()).as("Best").isGreaterThanOrEqualTo(120);
    });
  }

  /**
   * The log list follows log.txt's tail: new lines are appended, a tail window that slid past its
   * first lines drops them and keeps the user's selection, another run's log replaces the list.
   */
  @Test
  void theLogListAppendsSlidesAndReplaces(FxRobot robot) {
    robot.interact(() -> {
      javafx.scene.control.ListView<String> log = new javafx.scene.control.ListView<>();
      RunsView.showLog(log, "a\nb\n");
      assertThat(log.getItems()).containsExactly("a", "b");
      RunsView.showLog(log, "a\nb\nc\n");
      assertThat(log.getItems()).containsExactly("a", "b", "c");
      log.getSelectionModel().select(2);
      RunsView.showLog(log, "b\nc\nd\ne\n"); // the 64 kB window slid past "a"
      assertThat(log.getItems()).containsExactly("b", "c", "d", "e");
      assertThat(log.getSelectionModel().getSelectedItem()).as("the selected line stays selected").isEqualTo("c");
      RunsView.showLog(log, "x\ny\n"); // another run
      assertThat(log.getItems()).containsExactly("x", "y");
      RunsView.showLog(log, "");
      assertThat(log.getItems()).isEmpty();
    });
  }

  @Test
  void aReListChangesOnlyWhatChangedAndKeepsTheSelection(FxRobot robot) throws Exception {
    RunStore store = new RunStore(root);
    try (RunWriter a = run(store, "a", 1); RunWriter b = run(store, "b", 2); RunWriter c = run(store, "c", 3)) {
      relist();
      TableView<RunRow> table = robot.lookup("#runsTable").queryTableView();
      assertThat(names(table)).containsExactly("a", "b", "c");
      robot.interact(() -> {
        table.getSelectionModel().select(0);
        table.getSelectionModel().select(2); // a and c, c focused (shown in the charts)
      });
      assertThat(name(vm.selectedProperty().get())).isEqualTo("c");
      RunRow aRow = table.getItems().get(0);
      RunListing bBefore = table.getItems().get(1).get();
      RunListing cBefore = table.getItems().get(2).get();
      javafx.scene.control.TableCell<?, ?> aBest = cell(robot, "a", "Best");
      assertThat(aBest.getText()).isEqualTo("0.100 acc (ep 1)");
      // A rebuild of the table's cells (what replacing an item makes the skin do) gives every row
      // index -1 and back: count the index changes of b's row, which must not move.
      javafx.scene.control.TableRow<?> bRowNode = robot.lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
          .filter(r -> r.getItem() == table.getItems().get(1)).findFirst().orElseThrow();
      java.util.concurrent.atomic.AtomicInteger bIndexChanges = new java.util.concurrent.atomic.AtomicInteger();
      robot.interact(() -> bRowNode.indexProperty().addListener((o, x, y) -> bIndexChanges.incrementAndGet()));

      a.epochFinished(2, 0.3, true); // a moves on; b and c do not
      relist();
      assertThat(table.getItems().get(0)).as("a changed run keeps its row, with the new listing in it").isSameAs(aRow);
      assertThat(aRow.get().epoch()).isEqualTo(2);
      assertThat(aBest.getText()).as("the same cell shows a's new best").isEqualTo("0.300 acc (ep 2)");
      assertThat(bIndexChanges.get()).as("b's row was not rebuilt").isZero();
      assertThat(table.getItems().get(1).get()).as("an unchanged run keeps its listing").isSameAs(bBefore);
      try (RunWriter d = run(store, "d", 0)) {
        Files.createDirectories(root.resolve("0-broken")); // sorts first: no run.json
        relist();
        assertThat(names(table)).containsExactly("broken", "a", "b", "c", "d");
        assertThat(table.getItems().get(1)).isSameAs(aRow);
        assertThat(table.getItems().get(2).get()).isSameAs(bBefore);
        assertThat(table.getItems().get(3).get()).isSameAs(cBefore);
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(r -> name(r.get())).containsExactlyInAnyOrder("a", "c");
        assertThat(name(vm.selectedProperty().get())).as("the charts still follow c").isEqualTo("c");

        // b's folder deleted (by hand, or on another machine before copying the store in).
        b.close();
        try (var files = Files.walk(b.folder())) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        relist();
        assertThat(names(table)).containsExactly("broken", "a", "c", "d");
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(r -> name(r.get())).containsExactlyInAnyOrder("a", "c");
        assertThat(name(vm.selectedProperty().get())).isEqualTo("c");
      }
    }
    robot.clickOn("#compareRuns");
    assertThat(comparedSelections).hasSize(1);
    assertThat(comparedSelections.get(0)).extracting(RunsViewTest::name).containsExactlyInAnyOrder("a", "c");
  }

  /** A run without epochs shows a sentence, not two empty charts; its first epoch brings the charts. */
  @Test
  void aRunWithoutEpochsShowsASentenceUntilItsFirstEpoch(FxRobot robot) throws Exception {
    RunStore store = new RunStore(root);
    try (RunWriter w = store.create("fresh", Map.of("student", "tc-resnet", "lambda", 0.0, "seed", 1),
        List.of("epoch", "split", "loss", "loss_cls", "accuracy"))) {
      w.start(5, "accuracy");
      relist();
      TableView<RunRow> table = robot.lookup("#runsTable").queryTableView();
      robot.interact(() -> table.getSelectionModel().select(0));
      vm.pollNow();
      WaitForAsyncUtils.waitForFxEvents();
      javafx.scene.control.Label waiting = robot.lookup("#chartsWaiting").queryAs(javafx.scene.control.Label.class);
      assertThat(waiting.isVisible()).isTrue();
      assertThat(waiting.getText()).contains(table.getItems().get(0).get().name()).contains("first epoch");
      assertThat(robot.lookup("#lossChart").query().getParent().getParent().isVisible()).isFalse();
      assertThat(robot.lookup("#exportCharts").queryButton().isDisabled()).as("nothing to export").isTrue();

      w.appendMetrics(Map.of("epoch", 1, "split", "train", "loss", 2.0, "loss_cls", 2.0, "accuracy", Double.NaN));
      w.appendMetrics(Map.of("epoch", 1, "split", "validation", "loss", 1.5, "loss_cls", 1.5, "accuracy", 0.5));
      vm.pollNow();
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(waiting.isVisible()).isFalse();
      assertThat(robot.lookup("#exportCharts").queryButton().isDisabled()).isFalse();
      org.tkdworkbench.ui.plot.CurveChart losses = (org.tkdworkbench.ui.plot.CurveChart)
          robot.lookup("#lossChart").query().getProperties().get(org.tkdworkbench.ui.plot.CurveChart.class);
      assertThat(losses.dataset().getSeries(losses.dataset().getSeriesIndex("train loss")).getItemCount()).isEqualTo(1);
    }
  }
}
