package org.tkdworkbench.models;

import java.util.List;

/**
 * A trained teacher that can be asked about clips: logits and every layer's attention. Closing it
 * releases its native resources (DJL model and managers).
 *
 * <p>Implementations are engine-neutral DJL ({@code ai.djl.ndarray}, {@code ai.djl.nn}); the
 * interface itself exposes only Java arrays so the UI and the caches need no DJL types.
 */
public interface AttentionTeacher extends AutoCloseable {
  TeacherSpec spec();

  /** Runs one clip's log-mel matrix {@code [frames][mels]} (inference mode: no dropout). */
  TeacherOutput infer(float[][] logMel);

  /** Runs several clips; clips of different lengths are allowed. */
  default List<TeacherOutput> inferAll(List<float[][]> logMels) {
    return logMels.stream().map(this::infer).toList();
  }

  @Override
  void close();
}
