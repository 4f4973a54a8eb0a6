package org.tkdworkbench.data.noisy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.jobs.JobContext;

/**
 * Writes a noisy variant of a keyword dataset in Speech Commands layout (label folders, split
 * lists kept) plus {@code keyword_spans.csv} ({@code clip,start_s,end_s}).
 *
 * <p>CONTRACT PLACEHOLDER for the datasets issue.
 */
public final class NoisyKeywordBuilder {
  /** What a build produced. */
  public record Result(Path output, int written, int refused, List<String> problems) {}

  private final AudioDecoder decoder;

  public NoisyKeywordBuilder(AudioDecoder decoder) {
    this.decoder = decoder;
  }

  /**
   * Builds the variant of {@code source} with noise from {@code noiseFiles} into {@code output}
   * (which must not exist or be empty), reporting progress per clip and stopping on cancel without
   * leaving a half-written dataset under {@code output}'s name.
   */
  public Result build(DatasetIndex source, List<Path> noiseFiles, NoisySpec spec, Path output, JobContext ctx)
      throws IOException {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
