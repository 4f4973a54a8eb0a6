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
import org.tkdworkbench.data.SpeechCommandsIndexer;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobRunner;

/** The shell's state: the status message, the dataset summary, and opening a dataset in a job. */
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
   * Indexes {@code dir} in the background; hands the index to {@code onLoaded}, or a sentence to
   * {@code onFailed}, on the FX thread. A later call supersedes an earlier one.
   */
  public void openDataset(Path dir, Consumer<DatasetIndex> onLoaded, Consumer<String> onFailed) {
    long gen = ++openGeneration;
    message.set("Opening " + dir + "…");
    runner
        .submit("Indexing " + dir.getFileName(), ctx -> SpeechCommandsIndexer.index(dir, ctx))
        .result()
        .whenComplete(
            (index, err) ->
                fx.execute(
                    () -> {
                      if (gen != openGeneration) {
                        return;
                      }
                      if (err == null) {
                        datasetSummary.set(index.summary());
                        message.set(
                            index.warnings().isEmpty()
                                ? "Opened " + index.root()
                                : "Opened " + index.root() + "; " + index.warnings().get(0));
                        onLoaded.accept(index);
                      } else if (!(unwrap(err) instanceof CancelledException)) {
                        String text = "Could not open dataset " + dir + ": " + reason(unwrap(err));
                        datasetSummary.set("No dataset");
                        message.set(text);
                        onFailed.accept(text);
                      }
                    }));
  }

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
