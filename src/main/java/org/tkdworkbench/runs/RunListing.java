package org.tkdworkbench.runs;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One line of {@link RunStore#list()}: what a table of runs shows. A folder that cannot be read
 * fully still gets a listing: {@link #error()} names the file and what is wrong, and the fields
 * that could be read are filled (the others are null).
 *
 * @param folder the run folder
 * @param state the state, with {@code interrupted} derived; null when status.json is unreadable
 * @param student the config's {@code student}, null when absent
 * @param lambda the config's {@code lambda}, null when absent
 * @param seed the config's {@code seed}, null when absent
 * @param epoch last completed epoch
 * @param epochs epochs planned
 * @param bestEpoch best epoch so far
 * @param bestMetric its metric value
 * @param metric the metric's name
 * @param created when the run was created
 * @param error what is wrong with the folder, or null
 */
public record RunListing(
    Path folder,
    RunState state,
    String student,
    Double lambda,
    Long seed,
    Integer epoch,
    Integer epochs,
    Integer bestEpoch,
    Double bestMetric,
    String metric,
    Instant created,
    String error) {

  /** The folder's name (the run's id in tables). */
  public String name() {
    return folder.getFileName().toString();
  }

  /** Whether the folder read cleanly. */
  public boolean ok() {
    return error == null;
  }
}
