package org.tkdworkbench.distill;

import java.io.IOException;
import java.nio.file.Path;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.features.FeatureCache;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.models.AttentionTeacher;

/**
 * Logits and rollout curves of every clip, computed once per (teacher, dataset, method, fusion)
 * and stored under {@code <workspace>/cache/knowledge/}; reused by distillation and the inspector.
 *
 * <p>CONTRACT PLACEHOLDER: the teacher work fills it in.
 */
public final class KnowledgeCache {
  private final Path dir;

  public KnowledgeCache(Path dir) {
    this.dir = dir;
  }

  /**
   * The stored knowledge, or computes it (a job: progress per clip, cancel) and stores it
   * atomically. Clips whose audio cannot be read are left out and listed in the log.
   */
  public Knowledge get(
      AttentionTeacher teacher,
      String teacherId,
      DatasetIndex dataset,
      FeatureCache features,
      AudioDecoder decoder,
      RolloutMethod method,
      HeadFusion fusion,
      JobContext ctx)
      throws IOException {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
