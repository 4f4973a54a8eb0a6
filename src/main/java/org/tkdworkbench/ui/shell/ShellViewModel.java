package org.tkdworkbench.ui.shell;

import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.DatasetRegistry;
import org.tkdworkbench.data.Datasets;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobRunner;

/**
 * The shell's state: the status message, the dataset summary, and opening a dataset (any layout,
 * detected or as registered) in a job.
 */
public final class ShellViewModel {
  private final JobRunner runner;
  private final Executor fx;
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Ready");
  private final ReadOnlyStringWrapper datasetSummary = new ReadOnlyStringWrapper("No dataset");
  private long openGeneration;

  public ShellViewModel(JobRunner runner, Executor fx) {
    this.runner = runner;
    this.fx = fx;
  }

  /**
   * Indexes {@code dir} in the background, detecting its layout; hands the index to {@code
   * onLoaded}, or a sentence to {@code onFailed}, on the FX thread. A later call supersedes an
   * earlier one.
   */
  public void openDataset(Path dir, Consumer<DatasetIndex> onLoaded, Consumer<String> onFailed) {
    openDataset(dir, null, LayoutOptions.defaults(), null, onLoaded, onFailed);
  }

  /**
   * Indexes {@code dir} as {@code layout} (null: detect) with {@code options}. When {@code
   * fingerprint} is given (a registered dataset), the status line says if the folder's files
   * changed since it was imported.
   */
  public void openDataset(
      Path dir,
      Layout layout,
      LayoutOptions options,
      String fingerprint,
      Consumer<DatasetIndex> onLoaded,
      Consumer<String> onFailed) {
    long gen = ++openGeneration;
    message.set("Opening " + dir + "…");
    runner
        .submit(
            "Indexing " + dir.getFileName(),
            ctx -> {
              DatasetIndex index = Datasets.index(dir, layout, options, ctx);
              boolean changed =
                  fingerprint != null && !fingerprint.equals(DatasetRegistry.fingerprint(index));
              return new Opened(index, changed);
            })
        .result()
        .whenComplete(
            (opened, err) ->
                fx.execute(
                    () -> {
                      if (gen != openGeneration) {
                        return;
                      }
                      if (err == null) {
                        show(opened.index(), opened.changed()
                            ? "its files changed since it was imported (the fingerprint differs)"
                            : null);
                        onLoaded.accept(opened.index());
                      } else if (!(unwrap(err) instanceof CancelledException)) {
                        String text = "Could not open dataset " + dir + ": " + reason(unwrap(err));
                        datasetSummary.set("No dataset");
                        message.set(text);
                        onFailed.accept(text);
                      }
                    }));
  }

  /** Shows an index already in hand (e.g. the one the wizard just imported) as the open dataset. */
  public void showDataset(DatasetIndex index, Consumer<DatasetIndex> onLoaded) {
    openGeneration++; // an open still in flight must not replace it
    show(index, null);
    onLoaded.accept(index);
  }

  private void show(DatasetIndex index, String note) {
    datasetSummary.set(index.summary());
    StringBuilder text = new StringBuilder("Opened ").append(index.root());
    if (note != null) {
      text.append("; ").append(note);
    }
    if (!index.warnings().isEmpty()) {
      text.append("; ").append(index.warnings().get(0));
    } else if (!index.refused().isEmpty()) {
      text.append("; ").append(index.refused().size()).append(" refused, e.g. ").append(index.refused().get(0));
    }
    message.set(text.toString());
  }

  private record Opened(DatasetIndex index, boolean changed) {}

  /** Shows {@code text} in the status bar. */
  public void setMessage(String text) {
    message.set(text == null ? "" : text);
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty datasetSummaryProperty() {
    return datasetSummary.getReadOnlyProperty();
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  private static String reason(Throwable e) {
    if (e instanceof NoSuchFileException) {
      return "the folder does not exist";
    }
    if (e instanceof NotDirectoryException) {
      return "it is not a folder";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
