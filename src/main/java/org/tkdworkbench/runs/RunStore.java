package org.tkdworkbench.runs;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * interrupted} when its writer is gone. The writer holds an OS lock on {@code .writer.lock} (the
 * OS drops it when the process dies, even by {@code kill -9}); a reader that can take that lock
 * knows the writer is gone. When the lock cannot be asked (no lock file, a read-only folder), the
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
  public static final String CHECKPOINTS_DIR = "checkpoints";
  public static final String STUDENT_DIR = "student";

  /** Checkpoints kept besides the best epoch's, unless told otherwise. */
  public static final int DEFAULT_KEEP_LAST = 2;

  /** Fallback rule: a heartbeat older than this means the writer is gone. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(5);

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern CHECKPOINT = Pattern.compile("epoch-(\\d{4,9})");
  private static volatile String host;

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
      throw new IllegalArgumentException("checkpoints to keep must be at least 1, found " + keepLast);
    }
    this.root = root.toAbsolutePath().normalize();
    this.keepLast = keepLast;
    this.clock = clock;
  }

  /** The folder holding the runs. */
  public Path root() {
    return root;
  }

  /** {@link #create(String, ObjectNode, List)} with a config given as a map (Jackson-serialisable values). */
  public RunWriter create(String nameHint, Map<String, ?> config, List<String> metricColumns)
      throws IOException {
    Objects.requireNonNull(config, "config");
    return create(nameHint, (ObjectNode) Json.mapper().valueToTree(config), metricColumns);
  }

  /**
   * Creates a run folder {@code <yyyyMMdd-HHmmss>-<nameHint>} (UTC; {@code -2}, {@code -3}... when
   * taken) and returns its live writer. The folder appears complete, by rename, with {@code
   * run.json}, {@code status.json} (running), the header of {@code metrics.csv} and an empty
   * {@code checkpoints/}.
   *
   * @param nameHint e.g. {@code lstm-p-l0.25-s1}; characters other than letters, digits, {@code
   *     . _ -} become {@code -}
   * @param config the complete config, written once as {@code run.json}
   * @param metricColumns the header of {@code metrics.csv}
   */
  public RunWriter create(String nameHint, ObjectNode config, List<String> metricColumns)
      throws IOException {
    Objects.requireNonNull(config, "config");
    List<String> columns = MetricsLog.validateColumns(metricColumns);
    Files.createDirectories(root);
    Instant now = clock.instant();
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
              RunStatus.SCHEMA_VERSION, RunState.RUNNING, now, null, now, null, 0, null, null,
              null, null, null, ProcessHandle.current().pid(), hostName(), now, 0);
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
    readConfig(folder);
    RunStatus status = readStatus(folder);
    Path metricsFile = requireFile(folder.resolve(METRICS_FILE));
    List<String> columns;
    try {
      columns = MetricsLog.readHeader(metricsFile);
    } catch (IOException e) {
      throw new RunFormatException(metricsFile, describe(e), e);
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
      cutTornTail(metricsFile);
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
    List<String> problems = new ArrayList<>();
    ObjectNode config = null;
    RunStatus status = null;
    try {
      config = readConfig(folder);
    } catch (IOException | RuntimeException e) {
      problems.add(problem(e, CONFIG_FILE));
    }
    try {
      status = derive(folder, readStatus(folder));
    } catch (IOException | RuntimeException e) {
      problems.add(problem(e, STATUS_FILE));
    }
    Path metricsFile = folder.resolve(METRICS_FILE);
    try {
      requireFile(metricsFile);
      MetricsLog.readHeader(metricsFile);
    } catch (IOException | RuntimeException e) {
      problems.add(problem(e, METRICS_FILE));
    }
    return new RunListing(
        folder,
        status == null ? null : status.state(),
        config == null ? null : text(config.get("student")),
        config == null ? null : number(config.get("lambda")),
        config == null ? null : integer(config.get("seed")),
        status == null ? null : status.epoch(),
        status == null ? null : status.epochs(),
        status == null ? null : status.bestEpoch(),
        status == null ? null : status.bestMetric(),
        status == null ? null : status.metric(),
        status == null ? null : status.created(),
        problems.isEmpty() ? null : String.join("; ", problems));
  }

  /**
   * Reads a whole run: config, status (interrupted derived), complete metrics rows, summary,
   * checkpoints. Never changes the folder.
   *
   * @throws RunFormatException when run.json, status.json or metrics.csv is missing or unreadable
   */
  public static RunInfo read(Path runFolder) throws IOException {
    Path folder = runFolder.toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      throw new RunFormatException(folder, "not a folder (a run is a folder with run.json)");
    }
    ObjectNode config = readConfig(folder);
    RunStatus status = derive(folder, readStatus(folder));
    Path metricsFile = requireFile(folder.resolve(METRICS_FILE));
    MetricsTable metrics;
    try {
      metrics = MetricsLog.read(metricsFile);
    } catch (IOException e) {
      throw new RunFormatException(metricsFile, describe(e), e);
    }
    List<String> warnings = new ArrayList<>();
    metrics.warnings().forEach(w -> warnings.add(METRICS_FILE + ": " + w));
    JsonNode summary = null;
    Path summaryFile = folder.resolve(SUMMARY_FILE);
    if (Files.exists(summaryFile)) {
      try {
        summary = Json.tolerant().readTree(Files.readAllBytes(summaryFile));
      } catch (JacksonException e) {
        warnings.add(SUMMARY_FILE + ": not valid JSON: " + jsonProblem(e));
      } catch (IOException e) {
        warnings.add(SUMMARY_FILE + ": " + describe(e));
      }
    }
    Path student = folder.resolve(STUDENT_DIR);
    return new RunInfo(
        folder,
        config,
        status,
        metrics,
        summary,
        checkpoints(folder),
        Files.isDirectory(student) ? student : null,
        warnings);
  }

  /** Instance form of {@link #read(Path)}, for callers holding a store. */
  public RunInfo readRun(Path runFolder) throws IOException {
    return read(runFolder);
  }

  /** The complete checkpoints of a run folder, oldest epoch first. */
  static List<Checkpoint> checkpoints(Path folder) throws IOException {
    Path dir = folder.resolve(CHECKPOINTS_DIR);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Checkpoint> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Matcher m = CHECKPOINT.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p)) {
          out.add(new Checkpoint(Integer.parseInt(m.group(1)), p));
        }
      }
    }
    out.sort(java.util.Comparator.comparingInt(Checkpoint::epoch));
    return out;
  }

  /** The interrupted rule (see the class comment). */
  static RunStatus derive(Path folder, RunStatus s) {
    if (s.state() != RunState.RUNNING) {
      return s;
    }
    Boolean alive = RunLock.writerAlive(folder);
    if (alive == null) {
      alive = fallbackAlive(s, Instant.now());
    }
    return alive ? s : s.withState(RunState.INTERRUPTED);
  }

  static boolean fallbackAlive(RunStatus s, Instant now) {
    if (s.pid() != null && hostName().equals(s.host())) {
      if (s.pid() == ProcessHandle.current().pid()) {
        return false; // a live writer in this JVM would have answered through RunLock
      }
      return ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false);
    }
    return s.heartbeat() != null
        && Duration.between(s.heartbeat(), now).compareTo(STALE_AFTER) <= 0;
  }

  static ObjectNode readConfig(Path folder) throws IOException {
    Path file = requireFile(folder.resolve(CONFIG_FILE));
    JsonNode node;
    try {
      node = Json.mapper().readTree(Files.readAllBytes(file));
    } catch (JacksonException e) {
      throw new RunFormatException(file, "not valid JSON: " + jsonProblem(e), e);
    }
    if (node == null || node.isMissingNode()) {
      throw new RunFormatException(file, "empty, expected a JSON object");
    }
    if (!(node instanceof ObjectNode o)) {
      throw new RunFormatException(
          file, "expected a JSON object, found " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    return o;
  }

  static RunStatus readStatus(Path folder) throws IOException {
    Path file = requireFile(folder.resolve(STATUS_FILE));
    RunStatus s;
    try {
      s = Json.tolerant().readValue(Files.readAllBytes(file), RunStatus.class);
    } catch (JacksonException e) {
      throw new RunFormatException(file, "not a valid status: " + jsonProblem(e), e);
    }
    if (s == null || s.state() == null) {
      throw new RunFormatException(file, "not a valid status: no state");
    }
    if (s.schemaVersion() > RunStatus.SCHEMA_VERSION) {
      throw new RunFormatException(
          file,
          "schema_version " + s.schemaVersion() + " is newer than this program ("
              + RunStatus.SCHEMA_VERSION + ")");
    }
    return s;
  }

  private static Path requireFile(Path file) throws RunFormatException {
    if (Files.isDirectory(file)) {
      throw new RunFormatException(file, "is a folder, expected a file");
    }
    if (!Files.exists(file)) {
      throw new RunFormatException(
          file, "missing (not a run folder, or one cut off while it was being created)");
    }
    return file;
  }

  /** Cuts the file after its last newline (the torn row a kill leaves). */
  private static void cutTornTail(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      long pos = size;
      long keep = 0;
      ByteBuffer buf = ByteBuffer.allocate(8192);
      search:
      while (pos > 0) {
        int n = (int) Math.min(buf.capacity(), pos);
        pos -= n;
        buf.clear().limit(n);
        while (buf.hasRemaining() && ch.read(buf, pos + buf.position()) >= 0) {
          // read until the chunk is full
        }
        for (int i = n - 1; i >= 0; i--) {
          if (buf.get(i) == '\n') {
            keep = pos + i + 1;
            break search;
          }
        }
      }
      if (keep < size) {
        ch.truncate(keep);
      }
    }
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

  /** This machine's name (for the pid fallback), without a network lookup. */
  static String hostName() {
    String h = host;
    if (h == null) {
      h = System.getenv("HOSTNAME");
      if (h == null || h.isBlank()) {
        h = System.getenv("COMPUTERNAME");
      }
      for (String f : List.of("/proc/sys/kernel/hostname", "/etc/hostname")) {
        if (h == null || h.isBlank()) {
          try {
            h = Files.readString(Path.of(f)).strip();
          } catch (IOException | RuntimeException e) {
            h = null;
          }
        }
      }
      h = h == null || h.isBlank() ? "unknown" : h.strip();
      host = h;
    }
    return h;
  }

  private static String problem(Exception e, String file) {
    if (e instanceof RunFormatException r) {
      return r.shortMessage();
    }
    return file + ": " + (e instanceof IOException io ? describe(io) : String.valueOf(e.getMessage()));
  }

  private static String describe(IOException e) {
    return AtomicFiles.describe(e);
  }

  private static String jsonProblem(JacksonException e) {
    String msg = e.getOriginalMessage();
    if (msg != null) {
      msg = msg.lines().findFirst().orElse(msg);
    }
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 0
        ? msg
        : msg + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
  }

  private static Double number(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    double d = MetricsLog.parseNumber(n.asText());
    return Double.isNaN(d) ? null : d;
  }

  private static Long integer(JsonNode n) {
    return n != null && n.isIntegralNumber() && n.canConvertToLong() ? n.longValue() : null;
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
