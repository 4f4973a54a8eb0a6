package org.tkdworkbench.runs;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tkdworkbench.workspace.AtomicFiles;
import org.tkdworkbench.workspace.Json;

/**
 * The one live writer of a run folder, from {@link RunStore#create} or {@link RunStore#reopen}.
 * While it is open it holds the folder's lock, so readers see the run as {@code running}; closing
 * it without {@link #finish()}, {@link #fail} or {@link #cancel()} leaves a run that reads as
 * {@code interrupted}, which is the truth.
 *
 * <p>Durability: every {@link #appendMetrics} row goes to the OS in one write before the method
 * returns, and checkpoints, the student and the JSON files are published by rename; so after the
 * process is killed every row and checkpoint whose call returned is on disk, complete. (A power cut
 * is another matter: nothing here calls fsync.)
 *
 * <p>A typical epoch: {@code appendMetrics} per logged point, then {@link #epochFinished}, then
 * {@link #saveCheckpoint}. Methods are synchronized, so a second thread may cancel or heartbeat.
 */
public final class RunWriter implements AutoCloseable {
  /** How often {@link #heartbeat()} actually rewrites {@code status.json}. */
  public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(30);

  private static final String EPOCH_PREFIX = "epoch-";

  private final Path folder;
  private final RunLock lock;
  private final List<String> columns;
  private final int keepLast;
  private final Clock clock;
  private OutputStream metrics;

  private RunState state;
  private final Instant created;
  private Instant started;
  private Instant finished;
  private Instant lastWrite;
  private int epoch;
  private Integer epochs;
  private Integer bestEpoch;
  private Double bestMetric;
  private String metric;
  private String error;
  private int resumes;
  private boolean closed;

  /** A writer on a folder whose lock is held and whose metrics.csv ends in a complete line. */
  RunWriter(
      Path folder, RunLock lock, List<String> columns, RunStatus from, int keepLast, Clock clock)
      throws IOException {
    this.folder = folder;
    this.lock = lock;
    this.columns = List.copyOf(columns);
    this.keepLast = keepLast;
    this.clock = clock;
    this.created = from.created();
    this.started = from.started();
    this.epoch = from.epoch() == null ? 0 : from.epoch();
    this.epochs = from.epochs();
    this.bestEpoch = from.bestEpoch();
    this.bestMetric = from.bestMetric();
    this.metric = from.metric();
    this.resumes = from.resumes() == null ? 0 : from.resumes();
    this.state = RunState.RUNNING;
    this.metrics = new FileOutputStream(folder.resolve(RunStore.METRICS_FILE).toFile(), true);
  }

  /** The run folder. */
  public Path folder() {
    return folder;
  }

  /** The columns of {@code metrics.csv}, fixed when the run was created. */
  public List<String> metricColumns() {
    return columns;
  }

  /** What {@code status.json} says now. */
  public synchronized RunStatus status() {
    return snapshot(lastWrite == null ? now() : lastWrite);
  }

  /**
   * Appends {@code line} to the run's {@code log.txt} with the UTC time of day in front, one write
   * per line (so a killed writer leaves whole lines). What the app's log panel and {@code tail -f}
   * show.
   */
  public synchronized void log(String line) throws IOException {
    ensureOpen();
    String text = LOG_TIME.format(now()) + " " + line.replace('\n', ' ') + "\n";
    Files.write(
        folder.resolve(RunStore.LOG_FILE),
        text.getBytes(StandardCharsets.UTF_8),
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  private static final java.time.format.DateTimeFormatter LOG_TIME =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

  /**
   * Marks the start of training: {@code epochsPlanned} (null if open-ended), the best-of metric.
   */
  public synchronized void start(Integer epochsPlanned, String metricName) throws IOException {
    if (started == null) {
      started = now();
    }
    epochs = epochsPlanned;
    metric = metricName;
    writeStatus();
  }

  /**
   * Records that {@code epoch} is complete; when {@code best} (the caller's rule, e.g. higher
   * validation accuracy, ties broken by loss) it becomes the best epoch and its checkpoint is kept.
   */
  public synchronized void epochFinished(int epoch, double metricValue, boolean best)
      throws IOException {
    this.epoch = epoch;
    if (best) {
      bestEpoch = epoch;
      bestMetric = Double.isFinite(metricValue) ? metricValue : null;
    }
    writeStatus();
  }

  /** A sign of life; rewrites {@code status.json} at most every {@link #HEARTBEAT_EVERY}. */
  public synchronized void heartbeat() throws IOException {
    if (lastWrite == null || Duration.between(lastWrite, now()).compareTo(HEARTBEAT_EVERY) >= 0) {
      writeStatus();
    }
  }

  /**
   * Appends one row to {@code metrics.csv} and hands it to the OS before returning. Keys must be
   * column names; missing columns are left empty (pandas reads NaN).
   *
   * @throws IllegalArgumentException for a key that is not a column or a text with a line break
   */
  public synchronized void appendMetrics(Map<String, ?> row) throws IOException {
    ensureOpen();
    byte[] line = MetricsLog.line(columns, row).getBytes(StandardCharsets.UTF_8);
    metrics.write(line); // one write: a kill leaves a whole row or a torn last line
    metrics.flush();
    heartbeat();
  }

  /**
   * Rewinds the run to the end of {@code epoch}, for a resume from that epoch's checkpoint that
   * will train the later epochs again: drops the {@code metrics.csv} rows of later epochs (the file
   * is rewritten atomically; rows without an epoch number stay), deletes later checkpoints, sets
   * the status's epoch back and forgets a best epoch after it. Returns how many rows were dropped.
   *
   * @throws IllegalStateException when {@code metrics.csv} has no {@code epoch} column
   */
  public synchronized int rewindTo(int epoch) throws IOException {
    ensureOpen();
    if (!columns.contains("epoch")) {
      throw new IllegalStateException("metrics.csv has no epoch column to rewind by");
    }
    Path file = folder.resolve(RunStore.METRICS_FILE);
    metrics.close();
    int dropped = 0;
    try {
      MetricsTable table = MetricsLog.read(file);
      StringBuilder b = new StringBuilder(MetricsLog.header(columns));
      for (MetricRow r : table.rows()) {
        if (r.number("epoch") > epoch) {
          dropped++;
        } else {
          b.append(MetricsLog.line(columns, r.values()));
        }
      }
      AtomicFiles.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
    } finally {
      metrics = new FileOutputStream(file.toFile(), true);
    }
    for (Checkpoint c : checkpoints()) {
      if (c.epoch() > epoch) {
        removeCheckpoint(c);
      }
    }
    this.epoch = Math.min(this.epoch, epoch);
    if (bestEpoch != null && bestEpoch > epoch) {
      bestEpoch = null;
      bestMetric = null;
    }
    writeStatus();
    return dropped;
  }

  /**
   * Saves the checkpoint of {@code epoch}: {@code content} writes into a temporary folder which is
   * then renamed to {@code checkpoints/epoch-NNNN/} (replacing one of the same epoch). Afterwards
   * only the newest {@code keepLast} checkpoints and the best epoch's are kept.
   */
  public synchronized Checkpoint saveCheckpoint(int epoch, FolderContent content)
      throws IOException {
    ensureOpen();
    if (epoch < 0) {
      throw new IllegalArgumentException("checkpoint epoch must be >= 0, found " + epoch);
    }
    Path target = checkpointsDir().resolve(checkpointName(epoch));
    Path tmp = Folders.tempFor(target);
    try {
      content.writeTo(tmp);
      Folders.publish(tmp, target);
    } finally {
      Folders.deleteRecursively(tmp);
    }
    prune();
    heartbeat();
    return new Checkpoint(epoch, target);
  }

  /** The complete checkpoints, oldest epoch first. */
  public List<Checkpoint> checkpoints() throws IOException {
    return RunReader.checkpoints(folder);
  }

  /** The newest complete checkpoint; temporary folders of an unfinished save are not one. */
  public Optional<Checkpoint> latestCheckpoint() throws IOException {
    List<Checkpoint> all = checkpoints();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** The best epoch's checkpoint, when it was saved. */
  public synchronized Optional<Checkpoint> bestCheckpoint() throws IOException {
    Integer best = bestEpoch;
    return checkpoints().stream().filter(c -> best != null && c.epoch() == best).findFirst();
  }

  /**
   * Exports the deployable student: {@code content} writes into a temporary folder which is then
   * renamed to {@code student/} (replacing an earlier export). Returns {@code student/}.
   */
  public synchronized Path exportStudent(FolderContent content) throws IOException {
    ensureOpen();
    Path target = folder.resolve(RunStore.STUDENT_DIR);
    Path tmp = Folders.tempFor(target);
    try {
      content.writeTo(tmp);
      Folders.publish(tmp, target);
    } finally {
      Folders.deleteRecursively(tmp);
    }
    return target;
  }

  /**
   * Writes {@code summary.json} (best epoch, test metrics, cost...) atomically; NaN and infinite
   * values are written as {@code null}.
   */
  public synchronized void writeSummary(Map<String, ?> summary) throws IOException {
    ensureOpen();
    com.fasterxml.jackson.databind.JsonNode tree = Json.mapper().valueToTree(summary);
    JsonNumbers.nullNonFinite(tree); // NaN is not JSON: "not measured" is null
    AtomicFiles.write(folder.resolve(RunStore.SUMMARY_FILE), Json.mapper().writeValueAsBytes(tree));
  }

  /** The run ended normally. */
  public synchronized void finish() throws IOException {
    end(RunState.FINISHED, null);
  }

  /** The run failed; {@code message} is what a user reads in {@code runs show}. */
  public synchronized void fail(String message) throws IOException {
    end(RunState.FAILED, message == null || message.isBlank() ? "unknown error" : message);
  }

  /** The user stopped the run. */
  public synchronized void cancel() throws IOException {
    end(RunState.CANCELLED, null);
  }

  private void end(RunState s, String message) throws IOException {
    ensureOpen();
    state = s;
    error = message;
    finished = now();
    writeStatus();
  }

  /** Closes the metrics file and releases the lock (see the class comment for the state left). */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      metrics.close();
    } finally {
      lock.close();
    }
  }

  /** Writes the current status (used at creation and reopen too). */
  synchronized void writeStatus() throws IOException {
    Instant now = now();
    AtomicFiles.write(
        folder.resolve(RunStore.STATUS_FILE), Json.mapper().writeValueAsBytes(snapshot(now)));
    lastWrite = now;
  }

  void resumed() {
    resumes++;
    finished = null;
    error = null;
  }

  private RunStatus snapshot(Instant now) {
    return new RunStatus(
        RunStatus.SCHEMA_VERSION,
        state,
        created,
        started,
        now,
        finished,
        epoch,
        epochs,
        bestEpoch,
        bestMetric,
        metric,
        error,
        ProcessHandle.current().pid(),
        RunLock.hostName(),
        now,
        resumes);
  }

  private void prune() throws IOException {
    List<Checkpoint> all = checkpoints();
    List<Checkpoint> drop = new ArrayList<>();
    for (int i = 0; i < all.size() - keepLast; i++) {
      Checkpoint c = all.get(i);
      if (bestEpoch == null || c.epoch() != bestEpoch) {
        drop.add(c);
      }
    }
    for (Checkpoint c : drop) {
      removeCheckpoint(c);
    }
  }

  /** Renamed away first, so a crash mid-delete never leaves a partial epoch-NNNN folder. */
  private static void removeCheckpoint(Checkpoint c) throws IOException {
    Path aside =
        c.folder().resolveSibling("." + c.folder().getFileName() + ".old-" + Folders.hex());
    Files.move(c.folder(), aside);
    Folders.deleteRecursively(aside);
  }

  private Path checkpointsDir() {
    return folder.resolve(RunStore.CHECKPOINTS_DIR);
  }

  static String checkpointName(int epoch) {
    return String.format(java.util.Locale.ROOT, "%s%04d", EPOCH_PREFIX, epoch);
  }

  /** Now, to the millisecond: enough for a log, and shorter to read in status.json. */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the run writer of " + folder + " is closed");
    }
  }
}
