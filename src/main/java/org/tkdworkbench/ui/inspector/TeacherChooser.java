package org.tkdworkbench.ui.inspector;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tkdworkbench.jobs.JobRunner;
import org.tkdworkbench.models.AttentionTeacher;
import org.tkdworkbench.models.TeacherSpec;

/**
 * The inspector's teacher: the folders on offer, the chosen one, and opening it in a job (latest
 * choice wins; the teacher it replaces is closed). Part of {@link InspectorViewModel}; no nodes.
 */
final class TeacherChooser {
  private final JobRunner runner;
  private final TeacherSource source;
  private final Executor fx;
  private final BiConsumer<String, Boolean> message;
  private final Consumer<AttentionTeacher> onOpened;
  private final ObservableList<Path> folders = FXCollections.observableArrayList();
  private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "teacher");
  private final ReadOnlyObjectWrapper<TeacherSpec> spec = new ReadOnlyObjectWrapper<>();
  private final ObservableList<Integer> layers = FXCollections.observableArrayList();
  private AttentionTeacher teacher;
  private long gen;

  /**
   * @param message shows a sentence (true: an error)
   * @param onOpened called on {@code fx} after the teacher changed (null: none could be opened)
   */
  TeacherChooser(
      JobRunner runner,
      TeacherSource source,
      Executor fx,
      BiConsumer<String, Boolean> message,
      Consumer<AttentionTeacher> onOpened) {
    this.runner = runner;
    this.source = source;
    this.fx = fx;
    this.message = message;
    this.onOpened = onOpened;
    folder.addListener((o, a, b) -> load(b));
  }

  /** Lists the teachers in the background; picks the first if none is chosen. */
  void refresh() {
    runner
        .submit("Listing teachers", ctx -> source.list())
        .result()
        .whenComplete(
            (list, err) ->
                fx.execute(
                    () -> {
                      if (err != null) {
                        message.accept(
                            "Could not list teachers: " + InspectorViewModel.describe(err), true);
                        return;
                      }
                      Path keep = folder.get();
                      folders.setAll(list);
                      if (keep != null && !folders.contains(keep)) {
                        folders.add(keep);
                      }
                      if (keep == null && !list.isEmpty()) {
                        folder.set(list.get(0));
                      } else if (keep == null) {
                        message.accept(
                            "No teacher in the workspace yet: train one (teacher train) or open a"
                                + " teacher folder.",
                            false);
                      }
                    }));
  }

  /** Chooses a folder picked by the user (it need not be in the workspace). */
  void open(Path dir) {
    if (!folders.contains(dir)) {
      folders.add(dir);
    }
    folder.set(dir);
  }

  private void load(Path dir) {
    long g = ++gen;
    if (dir == null) {
      return;
    }
    message.accept("Opening teacher " + dir.getFileName() + "…", false);
    runner
        .submit("Opening teacher " + dir.getFileName(), ctx -> source.open(dir))
        .result()
        .whenComplete((t, err) -> fx.execute(() -> opened(g, dir, t, err)));
  }

  private void opened(long g, Path dir, AttentionTeacher t, Throwable err) {
    if (g != gen) {
      closeQuietly(t); // a newer choice owns the view
      return;
    }
    close();
    if (err != null) {
      spec.set(null);
      layers.clear();
      message.accept(
          "Could not open teacher " + dir + ": " + InspectorViewModel.describe(err), true);
      onOpened.accept(null);
      return;
    }
    teacher = t;
    spec.set(t.spec());
    layers.setAll(IntStream.range(0, t.spec().config().layers()).boxed().toList());
    onOpened.accept(t);
  }

  /** The open teacher, or null. */
  AttentionTeacher teacher() {
    return teacher;
  }

  /** Closes the open teacher and ignores results still in flight. */
  void close() {
    closeQuietly(teacher);
    teacher = null;
  }

  void dispose() {
    gen++;
    close();
  }

  static void closeQuietly(AttentionTeacher t) {
    if (t != null) {
      synchronized (t) { // never while an inference runs on it
        try {
          t.close();
        } catch (RuntimeException e) {
          // Releasing a model that is going away is not worth a message.
        }
      }
    }
  }

  ObservableList<Path> folders() {
    return folders;
  }

  ObjectProperty<Path> folderProperty() {
    return folder;
  }

  ReadOnlyObjectProperty<TeacherSpec> specProperty() {
    return spec.getReadOnlyProperty();
  }

  ObservableList<Integer> layers() {
    return layers;
  }
}
