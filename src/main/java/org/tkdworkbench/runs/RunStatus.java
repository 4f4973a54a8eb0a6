package org.tkdworkbench.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * The content of {@code status.json}: one immutable snapshot, rewritten atomically by the {@link
 * RunWriter} on every change. Times are ISO-8601 UTC; fields not known yet are {@code null}
 * (written, so every key is always present for pandas or {@code jq}).
 *
 * @param schemaVersion the file format's version ({@link #SCHEMA_VERSION})
 * @param state the stored state, or {@link RunState#INTERRUPTED} when derived on read
 * @param created when the run folder was created
 * @param started when training started ({@link RunWriter#start}), null before
 * @param updated when this file was last written
 * @param finished when the run finished, failed or was cancelled; null while running
 * @param epoch the last completed epoch (0 before the first)
 * @param epochs the epochs planned, null when not given
 * @param bestEpoch the best epoch so far (the caller decides what best means), null before one
 * @param bestMetric the best epoch's metric value, null when not finite or not yet known
 * @param metric the name of that metric, e.g. {@code val_accuracy}
 * @param error why the run failed (state {@code failed}), else null
 * @param pid the writer's process id (the fallback liveness test)
 * @param host the writer's host name, so a pid is only trusted on the same machine
 * @param heartbeat the writer's last sign of life (at most {@link RunWriter#HEARTBEAT_EVERY} old
 *     while it works)
 * @param resumes how many times the run was reopened to continue
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "schema_version", "state", "created", "started", "updated", "finished", "epoch", "epochs",
  "best_epoch", "best_metric", "metric", "error", "pid", "host", "heartbeat", "resumes"
})
public record RunStatus(
    @JsonProperty("schema_version") int schemaVersion,
    @JsonProperty("state") RunState state,
    @JsonProperty("created") Instant created,
    @JsonProperty("started") Instant started,
    @JsonProperty("updated") Instant updated,
    @JsonProperty("finished") Instant finished,
    @JsonProperty("epoch") Integer epoch,
    @JsonProperty("epochs") Integer epochs,
    @JsonProperty("best_epoch") Integer bestEpoch,
    @JsonProperty("best_metric") Double bestMetric,
    @JsonProperty("metric") String metric,
    @JsonProperty("error") String error,
    @JsonProperty("pid") Long pid,
    @JsonProperty("host") String host,
    @JsonProperty("heartbeat") Instant heartbeat,
    @JsonProperty("resumes") Integer resumes) {

  /** The current {@code status.json} format. */
  public static final int SCHEMA_VERSION = 1;

  /** This status with another state (how a reader marks a run interrupted). */
  public RunStatus withState(RunState s) {
    return new RunStatus(
        schemaVersion,
        s,
        created,
        started,
        updated,
        finished,
        epoch,
        epochs,
        bestEpoch,
        bestMetric,
        metric,
        error,
        pid,
        host,
        heartbeat,
        resumes);
  }
}
