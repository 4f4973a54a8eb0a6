package org.tkdworkbench.runs;

import static org.tkdworkbench.runs.RunStore.CHECKPOINTS_DIR;
import static org.tkdworkbench.runs.RunStore.CONFIG_FILE;
import static org.tkdworkbench.runs.RunStore.METRICS_FILE;
import static org.tkdworkbench.runs.RunStore.STALE_AFTER;
import static org.tkdworkbench.runs.RunStore.STATUS_FILE;
import static org.tkdworkbench.runs.RunStore.STUDENT_DIR;
import static org.tkdworkbench.runs.RunStore.SUMMARY_FILE;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tkdworkbench.workspace.AtomicFiles;
import org.tkdworkbench.workspace.Json;

/**
 * Reading a run folder without changing it: each file checked with a message that names it, and the
 * interrupted rule of {@link RunStore} applied to the status.
 */
final class RunReader {
  private static final Pattern CHECKPOINT = Pattern.compile("epoch-(\\d{4,9})");

  private RunReader() {}

  /** One run folder for a table; never throws. */
  static RunListing listing(Path folder) {
    if (!Files.exists(folder.resolve(CONFIG_FILE))
        && !Files.exists(folder.resolve(STATUS_FILE))
        && !Files.exists(folder.resolve(METRICS_FILE))) {
      return new RunListing(
          folder,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          "not a run folder: no " + CONFIG_FILE + ", " + STATUS_FILE + " or " + METRICS_FILE);
    }
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
  static RunInfo read(Path runFolder) throws IOException {
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
    if (alive) {
      return s;
    }
    // The writer may have finished and closed between our read and the probe: read again.
    try {
      RunStatus again = readStatus(folder);
      if (again.state() != RunState.RUNNING) {
        return again;
      }
    } catch (IOException e) {
      // keep what was read first
    }
    return s.withState(RunState.INTERRUPTED);
  }

  static boolean fallbackAlive(RunStatus s, Instant now) {
    if (s.pid() != null && RunLock.hostName().equals(s.host())) {
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
          file,
          "expected a JSON object, found "
              + node.getNodeType().toString().toLowerCase(Locale.ROOT));
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
          "schema_version "
              + s.schemaVersion()
              + " is newer than this program ("
              + RunStatus.SCHEMA_VERSION
              + ")");
    }
    return s;
  }

  static Path requireFile(Path file) throws RunFormatException {
    if (Files.isDirectory(file)) {
      throw new RunFormatException(file, "is a folder, expected a file");
    }
    if (!Files.exists(file)) {
      throw new RunFormatException(
          file, "missing (not a run folder, or one cut off while it was being created)");
    }
    return file;
  }

  private static String problem(Exception e, String file) {
    if (e instanceof RunFormatException r) {
      return r.shortMessage();
    }
    return file
        + ": "
        + (e instanceof IOException io ? describe(io) : String.valueOf(e.getMessage()));
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
}
