package org.tkdworkbench.ui.browser;

import org.tkdworkbench.data.Clip;
import org.tkdworkbench.jobs.JobContext;

/** Decodes a clip and computes what the browser draws; runs inside a background job. */
@FunctionalInterface
public interface ClipAnalyzer {
  /**
   * @throws org.tkdworkbench.audio.AudioDecodeException when the file cannot be decoded; its
   *     message is shown to the user as is
   */
  ClipAnalysis analyze(Clip clip, JobContext ctx) throws Exception;
}
