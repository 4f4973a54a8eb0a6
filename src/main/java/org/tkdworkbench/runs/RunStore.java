package org.tkdworkbench.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.tkdworkbench.workspace.AtomicFiles;
import org.tkdworkbench.workspace.Json;

/**
 * A folder of runs ({@code <workspace>/runs} by default), one self-describing folder per run
 * (DESIGN §4): {@code run.json} (the caller's config), {@code status.json} ({@link RunStatus}),
 * {@code metrics.csv} (one row per logged point), {@code checkpoints/epoch-NNNN/}, {@code
 * student/}, {@code summary.json}. Hidden names (a leading dot) are the store's temporaries and
 * locks; readers ignore them.
 *
 * <p><b>Interrupted.</b> A run whose {@code status.json} says {@code running} reads as {@code
 * interrupted} when its writer is gone. The writer holds an OS lock on {@code .writer.lock} (the OS
 * drops it when the process dies, even by {@code kill -9}); a reader that can take that lock knows
 * the writer is gone. When the lock cannot be asked (no lock file, a read-only folder), the
 * fallback is: on the writer's own host, whether process {@code pid} is alive (a reused pid can
 * make a dead run look alive); elsewhere, whether the heartbeat is younger than {@link
 * #STALE_AFTER}.
 *
 * <p>Reading never changes a run; only a writer ({@link #create}, {@link #reopen}) does.
 */
public final class RunStore {
  public static final String CONFIG_FILE = "run.json";
  public static final String STATUS_FILE = "status.json";
  public static final String METRICS_FILE = "metrics.csv";
  public static final String SUMMARY_FILE = "summary.json";
  public static final String LOG_FILE = "log.txt";
  public static final String CHECKPOINTS_DIR = "checkpoints";
  public static final String STUDENT_DIR = "student";

  /** Checkpoints kept besides the best epoch's, unless told otherwise. */
  public static final int DEFAULT_KEEP_LAST = 2;

  /** Fallback rule: a heartbeat older than this means the writer is gone. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(5);

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Path root;
  private final int keepLast;
  private final Clock clock;

  /** The runs under {@code root}, keeping {@link #DEFAULT_KEEP_LAST} checkpoints. */
  public RunStore(Path root) {
    this(root, DEFAULT_KEEP_LAST);
  }

  /** The runs under {@code root}, keeping the newest {@code keepLast} checkpoints and the best. */
  public RunStore(Path root, int keepLast) {
    this(root, keepLast, Clock.systemUTC());
  }

  RunStore(Path root, int keepLast, Clock clock) {
    if (keepLast < 1) {
      throw new IllegalArgumentException(
          "checkpoints to keep must be at least 1, found " + keepLast);
    }
    this.root = root.toAbsolutePath().normalize();
    this.keepLast = keepLast;
    this.clock = clock;
  }

  /** The folder holding the runs. */
  public Path root() {
    return root;
  }

  /**
   * {@link #create(String, ObjectNode, List)} with a config given as a map (Jackson-serialisable
   * values).
   */
  public RunWriter create(String nameHint, Map<String, ?> config, List<String> metricColumns)
      throws IOException {
    Objects.requireNonNull(config, "config");
    return create(nameHint, (ObjectNode) Json.mapper().valueToTree(config), metricColumns);
  }

  /**
   * Creates a run folder {@code <yyyyMMdd-HHmmss>-<nameHint>} (UTC; {@code -2}, {@code -3}... when
   * taken) and returns its live writer. The folder appears complete, by rename, with {@code
   * run.json}, {@code status.json} (running), the header of {@code metrics.csv} and an empty {@code
   * checkpoints/}.
   *
   * @param nameHint e.g. {@code lstm-p-l0.25-s1}; characters other than letters, digits, {@code . _
   *     -} become {@code -}
   * @param config the complete config, written once as {@code run.json}; NaN or infinite numbers
   *     are refused (they are not JSON)
   * @param metricColumns the header of {@code metrics.csv}
   */
  public RunWriter create(String nameHint, ObjectNode config, List<String> metricColumns)
      throws IOException {
    Objects.requireNonNull(config, "config");
    List<String> bad = JsonNumbers.nonFinite(config, "config");
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", bad));
    }
    List<String> columns = MetricsLog.validateColumns(metricColumns);
    Files.createDirectories(root);
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    String base = folderName(now, nameHint);
    Path tmp = Files.createDirectory(root.resolve("." + base + ".tmp-" + Folders.hex()));
    RunLock lock = null;
    try {
      lock = RunLock.tryAcquire(tmp);
      if (lock == null) {
        throw new IOException(tmp + ": cannot lock the new run folder");
      }
      AtomicFiles.write(tmp.resolve(CONFIG_FILE), Json.mapper().writeValueAsBytes(config));
      AtomicFiles.write(
          tmp.resolve(METRICS_FILE), MetricsLog.header(columns).getBytes(StandardCharsets.UTF_8));
      Files.createDirectory(tmp.resolve(CHECKPOINTS_DIR));
      RunStatus initial =
          new RunStatus(
              RunStatus.SCHEMA_VERSION,
              RunState.RUNNING,
              now,
              null,
              now,
              null,
              0,
              null,
              null,
              null,
              null,
              null,
              ProcessHandle.current().pid(),
              RunLock.hostName(),
              now,
              0);
      AtomicFiles.write(tmp.resolve(STATUS_FILE), Json.mapper().writeValueAsBytes(initial));
      Path folder = publishNew(lock, tmp, base);
      RunWriter w = new RunWriter(folder, lock, columns, initial, keepLast, clock);
      lock = null;
      return w;
    } finally {
      if (lock != null) {
        lock.close();
      }
      Folders.deleteRecursively(tmp);
    }
  }

  /** Renames the prepared folder to the first free name base, base-2, base-3... */
  private Path publishNew(RunLock lock, Path tmp, String base) throws IOException {
    for (int n = 1; n < 10_000; n++) {
      Path target = root.resolve(n == 1 ? base : base + "-" + n);
      try {
        Files.createDirectory(target); // reserves the name atomically
      } catch (FileAlreadyExistsException e) {
        continue;
      }
      try {
        lock.moveAndRegister(tmp, target); // rename over the empty reserved folder
      } catch (IOException e) {
        // Some file systems (Windows) refuse to rename over a folder: free the name and retry.
        Files.deleteIfExists(target);
        lock.moveAndRegister(tmp, target);
      }
      return target;
    }
    throw new IOException(root + ": no free folder name for " + base);
  }

  /**
   * Opens an existing run to continue it (resume): takes its lock, removes temporaries left by a
   * crash (a half-written checkpoint, status file), cuts a torn last line off {@code metrics.csv}
   * so new rows start on a line of their own, and sets the status back to {@code running}.
   *
   * @throws RunFormatException when a file of the run cannot be read
   * @throws IOException when another live writer holds the run
   */
  public RunWriter reopen(Path runFolder) throws IOException {
    Path folder = runFolder.toAbsolutePath().normalize();
    RunReader.readConfig(folder);
    RunStatus status = RunReader.readStatus(folder);
    Path metricsFile = RunReader.requireFile(folder.resolve(METRICS_FILE));
    List<String> columns;
    try {
      columns = MetricsLog.readHeader(metricsFile);
    } catch (IOException e) {
      throw new RunFormatException(metricsFile, AtomicFiles.describe(e), e);
    }
    RunLock lock = null;
    for (int attempt = 0; attempt < 10 && lock == null; attempt++) {
      lock = RunLock.tryAcquire(folder);
      if (lock == null) {
        // A reader's probe holds the lock for microseconds; a live writer holds it for good.
        sleepQuietly(50);
      }
    }
    if (lock == null) {
      throw new IOException(
          folder
              + ": is being written by another writer (pid "
              + status.pid()
              + " on "
              + status.host()
              + "); stop it first");
    }
    try {
      Folders.cleanTemps(folder);
      Folders.cleanTemps(folder.resolve(CHECKPOINTS_DIR));
      Files.createDirectories(folder.resolve(CHECKPOINTS_DIR));
      MetricsLog.cutTornTail(metricsFile);
      RunWriter w = new RunWriter(folder, lock, columns, status, keepLast, clock);
      w.resumed();
      w.writeStatus();
      lock = null;
      return w;
    } finally {
      if (lock != null) {
        lock.close();
      }
    }
  }

  /**
   * One listing per folder under the root, oldest name first. Never fails because of a run: a
   * folder with a corrupt or missing file is listed with an {@link RunListing#error()}.
   *
   * @throws IOException only when the root itself cannot be listed (a missing root is empty)
   */
  public List<RunListing> list() throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Path> folders;
    try (Stream<Path> s = Files.list(root)) {
      folders =
          s.filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(Files::isDirectory)
              .sorted()
              .toList();
    }
    List<RunListing> out = new ArrayList<>();
    for (Path f : folders) {
      out.add(listing(f));
    }
    return out;
  }

  /** Reads one run folder for a table; never throws (see {@link #list()}). */
  public static RunListing listing(Path folder) {
    return RunReader.listing(folder);
  }

  /**
   * Reads a whole run: config, status (interrupted derived), complete metrics rows, summary,
   * checkpoints. Never changes the folder.
   *
   * @throws RunFormatException when run.json, status.json or metrics.csv is missing or unreadable
   */
  public static RunInfo read(Path runFolder) throws IOException {
    return RunReader.read(runFolder);
  }

  /** {@code <yyyyMMdd-HHmmss>-<hint>}, the hint reduced to letters, digits and {@code . _ -}. */
  static String folderName(Instant now, String hint) {
    String h = hint == null ? "" : hint.replaceAll("[^A-Za-z0-9._-]+", "-");
    h = h.replaceAll("^[-.]+|[-.]+$", "");
    if (h.length() > 60) {
      h = h.substring(0, 60).replaceAll("[-.]+$", "");
    }
    return STAMP.format(now) + "-" + (h.isEmpty() ? "run" : h);
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
