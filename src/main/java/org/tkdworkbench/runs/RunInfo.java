package org.tkdworkbench.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything in a run folder, read by {@link RunStore#read(Path)}.
 *
 * @param folder the run folder
 * @param config {@code run.json}
 * @param status {@code status.json}, its state {@code interrupted} when derived so
 * @param metrics {@code metrics.csv} (complete rows only)
 * @param summary {@code summary.json}, null until the run wrote one
 * @param checkpoints the complete checkpoints, oldest first
 * @param student the exported student folder, null until exported
 * @param warnings what was skipped or could not be read without making the run unreadable (a
 *     malformed metrics row, a corrupt summary), each naming its file
 */
public record RunInfo(
    Path folder,
    ObjectNode config,
    RunStatus status,
    MetricsTable metrics,
    JsonNode summary,
    List<Checkpoint> checkpoints,
    Path student,
    List<String> warnings) {
  public RunInfo {
    checkpoints = List.copyOf(checkpoints);
    warnings = List.copyOf(warnings);
  }

  /** The newest complete checkpoint (what a resume starts from). */
  public Optional<Checkpoint> latestCheckpoint() {
    return checkpoints.isEmpty()
        ? Optional.empty()
        : Optional.of(checkpoints.get(checkpoints.size() - 1));
  }
}
