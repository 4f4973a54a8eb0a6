package org.tkdworkbench.ui.runs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tkdworkbench.jobs.JobHandle;
import org.tkdworkbench.runs.MetricsTail;
import org.tkdworkbench.runs.RunListing;
import org.tkdworkbench.runs.RunState;
import org.tkdworkbench.runs.RunStore;

/**
 * The runs view's state: every run in the store (also runs the CLI made, or copied in), the
 * selected run's curves and log, and stop/resume.
 *
 * <p>Nothing here reads a file on the FX thread. A poller thread, {@link #POLL_MILLIS} apart, reads
 * the selected run's new metric rows ({@link MetricsTail}) and its log, and re-lists the store
 * every {@link #LIST_EVERY} polls; it hands immutable results to the FX thread, at most one curve
 * snapshot per poll, so a chart redraws at most about four times a second however fast rows come.
 * {@link #pollNow()} does one poll on the caller's thread (tests).
 */
public final class RunsViewModel implements AutoCloseable {
  /** Poll period: about four chart updates a second. */
  public static final long POLL_MILLIS = 250;

  /** The store is re-listed every this many polls. */
  static final int LIST_EVERY = 4;

  /** The log panel shows at most this much of the end of {@code log.txt}. */
  static final int LOG_TAIL_BYTES = 64 * 1024;

  private final Training training;
  private final RunStore store;
  private final Executor fx;
  private final ObservableList<RunListing> runs = FXCollections.observableArrayList();
  private final ObjectProperty<RunListing> selected = new SimpleObjectProperty<>(this, "selected");
  private final ReadOnlyObjectWrapper<List<RunCurves.Curve>> curves = new ReadOnlyObjectWrapper<>(this, "curves", List.of());
  private final ReadOnlyStringWrapper log = new ReadOnlyStringWrapper(this, "log", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
  private final javafx.beans.property.ReadOnlyIntegerWrapper progressTicks = new javafx.beans.property.ReadOnlyIntegerWrapper(this, "progressTicks");
  private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", 0.6);
  /** Runs started in this app, by folder: their job gives live progress and can be cancelled. */
  private final Map<Path, JobHandle<?>> jobs = new ConcurrentHashMap<>();

  // Poller-thread state.
  private volatile Path following;
  private Path tailed;
  private MetricsTail tail;
  private RunCurves tailCurves;
  private long logSize = -1;
  private int polls;
  /** The last listing handed to the FX thread: an unchanged store costs the FX thread nothing. */
  private List<RunListing> lastListed;
  private volatile boolean listSoon = true;
  /** A run just launched here: selected (followed) as soon as a listing shows it. */
  private volatile Path selectWhenListed;
  private ScheduledExecutorService poller;

  public RunsViewModel(Training training, Executor fx) {
    this.training = training;
    this.store = new RunStore(training.runsRoot());
    this.fx = fx;
    selected.addListener(
        (o, a, b) -> {
          Path folder = b == null ? null : b.folder();
          // A re-list hands a fresh listing of the same run; null (nothing selected) keeps showing
          // the last run rather than blanking the charts.
          if (folder != null && !Objects.equals(folder, following)) {
            following = folder;
            curves.set(List.of());
            log.set("");
          }
        });
  }

  /** Starts polling on a daemon thread (the app; tests call {@link #pollNow()}). */
  public synchronized void startPolling() {
    if (poller == null) {
      poller =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "tkd-runs-poller");
                t.setDaemon(true);
                return t;
              });
      poller.scheduleWithFixedDelay(this::pollQuietly, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void pollQuietly() {
    try {
      pollNow();
    } catch (RuntimeException e) {
      fx.execute(() -> message.set("Reading runs: " + e.getMessage()));
    }
  }

  /** One poll: the selected run's new rows and log, and the store's list when due. */
  public synchronized void pollNow() {
    if (listSoon || polls++ % LIST_EVERY == 0) {
      listSoon = false;
      relist();
    }
    if (!jobs.isEmpty()) {
      fx.execute(() -> progressTicks.set(progressTicks.get() + 1));
    }
    Path folder = following;
    if (!Objects.equals(folder, tailed)) {
      tailed = folder;
      tail = folder == null ? null : new MetricsTail(folder.resolve(RunStore.METRICS_FILE));
      tailCurves = new RunCurves();
      logSize = -1;
    }
    if (tail == null) {
      return;
    }
    try {
      MetricsTail.Update u = tail.poll();
      if (u.reset() || !u.rows().isEmpty()) {
        tailCurves.apply(u);
        List<RunCurves.Curve> snapshot = tailCurves.snapshot();
        fx.execute(() -> {
          if (folder.equals(following)) {
            curves.set(snapshot);
          }
        });
      }
      String text = readLog(folder.resolve(RunStore.LOG_FILE));
      if (text != null) {
        fx.execute(() -> {
          if (folder.equals(following)) {
            log.set(text);
          }
        });
      }
    } catch (IOException e) {
      String why = folder.getFileName() + ": " + e.getMessage();
      fx.execute(() -> message.set(why));
    }
  }

  private void relist() {
    List<RunListing> list;
    try {
      list = store.list();
    } catch (IOException e) {
      String why = "Cannot list runs in " + store.root() + ": " + e.getMessage();
      fx.execute(() -> message.set(why));
      return;
    }
    // While this app trains, hand every listing over: Stop/Resume depend on the jobs too.
    if (list.equals(lastListed) && selectWhenListed == null && jobs.isEmpty()) {
      return;
    }
    lastListed = list;
    fx.execute(() -> {
      Path keep = following;
      Path wanted = selectWhenListed;
      if (wanted != null && list.stream().anyMatch(l -> l.folder().equals(wanted))) {
        keep = wanted;
        selectWhenListed = null;
      }
      runs.setAll(list);
      Path select = keep;
      if (select != null) {
        list.stream().filter(l -> l.folder().equals(select)).findFirst().ifPresent(selected::set);
      }
    });
  }

  /** The end of the log when it changed since the last read, else null. */
  private String readLog(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    long size = Files.size(file);
    if (size == logSize) {
      return null;
    }
    logSize = size;
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long from = Math.max(0, size - LOG_TAIL_BYTES);
      byte[] b = new byte[(int) (size - from)];
      f.seek(from);
      f.readFully(b);
      String text = new String(b, StandardCharsets.UTF_8);
      return from > 0 ? text.substring(text.indexOf('\n') + 1) : text;
    }
  }

  /**
   * Counts polls while this app trains a run: the view moves its progress bars on each tick (job
   * progress changes between re-lists, and re-building the table's cells for it would cost the FX
   * thread far more).
   */
  public javafx.beans.property.ReadOnlyIntegerProperty progressTicksProperty() {
    return progressTicks.getReadOnlyProperty();
  }

  /** Re-list the store at the next poll (after a launch, a stop). */
  public void refreshSoon() {
    listSoon = true;
  }

  /**
   * A run started in this app: its job gives progress and cancel. It is followed (selected once
   * listed) when it is the first run of its launch (the user's click asked to see it), or when the
   * user still follows the previous run of the same sweep; a run the user picked meanwhile stays
   * selected.
   */
  public void track(Path folder, JobHandle<?> job) {
    Path now = following;
    boolean firstOfLaunch = !jobs.containsValue(job);
    boolean onThisLaunch = now != null && jobs.get(now) == job;
    jobs.put(folder, job);
    if (firstOfLaunch || onThisLaunch || now == null) {
      selectWhenListed = folder;
    }
    refreshSoon();
  }

  /** The in-app job training {@code folder}, if any is still running. */
  public JobHandle<?> job(Path folder) {
    JobHandle<?> h = jobs.get(folder);
    if (h != null && h.state().isFinished()) {
      jobs.remove(folder, h);
      return null;
    }
    return h;
  }

  /**
   * How far a run is, 0..1: its job's progress when this app trains it, else completed epochs of
   * those planned; -1 when unknown.
   */
  public double progress(RunListing run) {
    JobHandle<?> h = job(run.folder());
    if (h != null && h.progress().total() > 0) {
      return h.progress().fraction();
    }
    return epochProgress(run);
  }

  /** Finished epochs of those planned, 0..1, as the run's files say; -1 when unknown. */
  static double epochProgress(RunListing run) {
    if (run.epoch() != null && run.epochs() != null && run.epochs() > 0) {
      return Math.min(1, run.epoch() / (double) run.epochs());
    }
    return -1;
  }

  /** Whether the selected run is trained by this app now (so Stop can cancel it). */
  public boolean canStop(RunListing run) {
    return run != null && job(run.folder()) != null;
  }

  /** Whether the selected run can be continued: interrupted, cancelled or failed, and not running here. */
  public boolean canResume(RunListing run) {
    return run != null
        && run.ok()
        && job(run.folder()) == null
        && (run.state() == RunState.INTERRUPTED || run.state() == RunState.CANCELLED || run.state() == RunState.FAILED);
  }

  /** Cancels the selected run's job; its last finished epoch stays, resumable. */
  public void stop() {
    RunListing run = selected.get();
    JobHandle<?> h = run == null ? null : job(run.folder());
    if (h != null) {
      h.cancel();
      message.set("Stopping " + run.name() + " (the finished epochs stay; Resume continues it)");
      refreshSoon();
    }
  }

  /** Queues continuing the selected run. */
  public void resume() {
    RunListing run = selected.get();
    if (!canResume(run)) {
      return;
    }
    JobHandle<?> h = training.resume(run.folder());
    track(run.folder(), h);
    message.set("Resuming " + run.name());
    h.result().whenComplete((r, e) -> {
      refreshSoon();
      if (e != null && !(e.getCause() instanceof org.tkdworkbench.jobs.CancelledException)) {
        String why = run.name() + ": " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        fx.execute(() -> message.set("Resume failed: " + why));
      }
    });
  }

  public ObservableList<RunListing> runs() {
    return runs;
  }

  public ObjectProperty<RunListing> selectedProperty() {
    return selected;
  }

  /** The selected run's curves, replaced as a whole on each update (one redraw). */
  public ReadOnlyObjectProperty<List<RunCurves.Curve>> curvesProperty() {
    return curves.getReadOnlyProperty();
  }

  /** The end of the selected run's {@code log.txt}. */
  public ReadOnlyStringProperty logProperty() {
    return log.getReadOnlyProperty();
  }

  /** What the view should tell the user (status bar). */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The smoothing weight, 0 (raw) to 0.99. */
  public DoubleProperty smoothingProperty() {
    return smoothing;
  }

  public Training training() {
    return training;
  }

  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }
}
