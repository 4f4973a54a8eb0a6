package org.tkdworkbench.ui.wizard;

import java.nio.file.Path;
import java.util.List;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.ImportReport;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.noisy.NoisyKeywordBuilder;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.ui.wizard.SummaryModel.NoisyRequest;
import org.tkdworkbench.ui.wizard.SummaryModel.Outcome;
import org.tkdworkbench.ui.wizard.SummaryModel.Request;

/**
 * The summary's background work, in order: index the source; with a noisy variant, build it and
 * index what was written; probe every clip of the dataset to register for the import report; take
 * its fingerprint. Runs on a job thread only.
 */
final class SummaryJob {
  private static final String BACKGROUND_NOISE = "_background_noise_";

  private final WizardServices services;
  private final Request request;
  private final Path rebuild;

  /**
   * @param rebuild the noisy output when it is a folder this wizard built before and may replace,
   *     else null
   */
  SummaryJob(WizardServices services, Request request, Path rebuild) {
    this.services = services;
    this.request = request;
    this.rebuild = rebuild;
  }

  Outcome run(JobContext ctx) throws Exception {
    NoisyRequest noisy = request.noisy();
    Stages stages = noisy == null ? new Stages(ctx, 1, 9) : new Stages(ctx, 1, 12, 1, 6);
    DatasetIndex source =
        services.index(
            request.root(), request.layout(), request.options(), stages.stage(0, "Indexing"));
    if (source.clips().isEmpty()) {
      throw new Problems.Stated(noClips(source));
    }
    ctx.checkCancelled();
    DatasetIndex target = source;
    NoisyKeywordBuilder.Result built = null;
    if (noisy != null) {
      List<Path> noise = noiseFiles(source, noisy.noiseFolder());
      if (noise.isEmpty()) {
        throw new Problems.Stated(
            "The noise folder " + noisy.noiseFolder() + " holds no audio files.");
      }
      if (rebuild != null) {
        services.discard(rebuild);
      }
      JobContext building = stages.stage(1, "Building the noisy variant");
      built = services.buildNoisy(source, noise, noisy.spec(), noisy.output(), building);
      ctx.checkCancelled();
      if (built.written() == 0) {
        throw new Problems.Stated(
            "The noisy builder wrote no clips"
                + (built.problems().isEmpty()
                    ? "."
                    : ": " + String.join("; ", SummaryModel.firstFew(built.problems(), 3))));
      }
      target =
          services.index(
              built.output(),
              Layout.SPEECH_COMMANDS,
              LayoutOptions.defaults(),
              stages.stage(2, "Indexing the noisy variant"));
      ctx.checkCancelled();
    }
    ImportReport report =
        services.report(target, stages.stage(noisy == null ? 1 : 3, "Reading clip headers"));
    ctx.checkCancelled();
    String fingerprint = services.fingerprint(report.index());
    return new Outcome(request, report.index(), report, fingerprint, built);
  }

  /** The source's own noise files when the folder is its {@code _background_noise_}. */
  private List<Path> noiseFiles(DatasetIndex source, Path folder) throws Exception {
    Path own = source.root().resolve(BACKGROUND_NOISE).toAbsolutePath().normalize();
    if (folder.equals(own) && !source.noiseFiles().isEmpty()) {
      return source.noiseFiles();
    }
    return services.audioFilesIn(folder);
  }

  private String noClips(DatasetIndex index) {
    StringBuilder s =
        new StringBuilder("No clips found in ")
            .append(index.root())
            .append(" read as ")
            .append(index.layout().cliName())
            .append('.');
    if (!index.refused().isEmpty()) {
      s.append(" Refused: ")
          .append(String.join("; ", SummaryModel.firstFew(index.refused(), 3)))
          .append(index.refused().size() > 3 ? " …" : "");
    }
    if (!index.warnings().isEmpty()) {
      s.append(' ').append(index.warnings().get(0));
    }
    if (index.layout() != Layout.FOLDERS) {
      s.append(" Another layout may fit: go back and choose one.");
    }
    return s.toString();
  }
}
