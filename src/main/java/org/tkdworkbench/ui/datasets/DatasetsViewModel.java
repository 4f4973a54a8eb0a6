package org.tkdworkbench.ui.datasets;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tkdworkbench.data.RegisteredDataset;
import org.tkdworkbench.jobs.JobRunner;

/**
 * The registered datasets as the side panel lists them, and which one is open. The list is read
 * from the workspace's registry in a job; a later refresh supersedes an earlier one.
 */
public final class DatasetsViewModel {
  /** Where the registered datasets come from ({@code DatasetRegistry::list} in the app). */
  @FunctionalInterface
  public interface Source {
    List<RegisteredDataset> list() throws IOException;
  }

  private final Source source;
  private final JobRunner runner;
  private final Executor fx;
  private final ObservableList<RegisteredDataset> registered = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Reading the workspace…");
  private final ReadOnlyStringWrapper openId = new ReadOnlyStringWrapper();
  private long generation;

  public DatasetsViewModel(Source source, JobRunner runner, Executor fx) {
    this.source = source;
    this.runner = runner;
    this.fx = fx;
  }

  /** Re-reads the registry in the background. */
  public void refresh() {
    long gen = ++generation;
    runner
        .submit("Reading the dataset registry", ctx -> source.list())
        .result()
        .whenComplete(
            (list, err) ->
                fx.execute(
                    () -> {
                      if (gen != generation) {
                        return;
                      }
                      if (err != null) {
                        Throwable e = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                        message.set("Could not read the dataset registry: " + describe(e));
                        return;
                      }
                      registered.setAll(list);
                      message.set(list.isEmpty() ? "No datasets imported yet." : null);
                    }));
  }

  /** Remembers that the dataset with {@code id} is the one shown (null: an unregistered one). */
  public void setOpen(String id) {
    openId.set(id);
  }

  /** True when {@code entry} is not already the open dataset, i.e. selecting it should open it. */
  public boolean needsOpening(RegisteredDataset entry) {
    return entry != null && !entry.id().equals(openId.get());
  }

  public ObservableList<RegisteredDataset> registered() {
    return registered;
  }

  /** A line under the list (empty registry, or why it could not be read), or null. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty openIdProperty() {
    return openId.getReadOnlyProperty();
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
