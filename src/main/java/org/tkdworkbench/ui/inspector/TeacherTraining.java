package org.tkdworkbench.ui.inspector;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.distill.TeacherTrainer;
import org.tkdworkbench.features.FeatureCache;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobRunner;

/**
 * "Train teacher…" from the Teacher section: the {@link TeacherTrainingDialog}, then a teacher
 * training job on the training queue into {@code <teachers>/<dataset>-<time>} (built hidden and
 * renamed into place by {@link TeacherTrainer}, so a cancelled training leaves nothing), each
 * epoch's validation metric and the result said through {@code say}; {@code onSaved} runs when the
 * teacher is on disk (the app then lists it in the inspector and the designer).
 */
public final class TeacherTraining {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TeacherTraining.class);

  private final JobRunner queue;
  private final Path teachers;
  private final FeatureCache cache;
  private final AudioDecoder decoder;
  private final int threads;
  private final Executor fx;
  private final Consumer<String> say;
  private final Runnable onSaved;

  public TeacherTraining(JobRunner queue, Path teachers, FeatureCache cache, AudioDecoder decoder, int threads, Executor fx,
      Consumer<String> say, Runnable onSaved) {
    this.queue = queue;
    this.teachers = teachers;
    this.cache = cache;
    this.decoder = decoder;
    this.threads = threads;
    this.fx = fx;
    this.say = say;
    this.onSaved = onSaved;
  }

  /** Asks for the settings and queues the training on {@code index} (the open dataset). */
  public void start(Window owner, DatasetIndex index) {
    if (index == null) {
      say.accept("Open a dataset first: the teacher trains on the open dataset");
      return;
    }
    String dataset = String.valueOf(index.root().getFileName());
    new TeacherTrainingDialog().show(owner, dataset).ifPresent(choice -> {
      String name = dataset + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
      int epochs = choice.training().epochs();
      // Made now, not when the queue reaches it: it keeps the engine chosen at launch.
      TeacherTrainer trainer = new TeacherTrainer(cache, decoder, threads);
      say.accept("Training teacher " + name + " on " + trainer.engine() + " (queued on the training queue)");
      queue
          .submit("Training teacher " + name, ctx ->
              trainer.train(
                  index, FeatureSpec.defaults(), choice.model(), choice.training(), teachers.resolve(name), ctx,
                  m -> fx.execute(() -> say.accept(String.format(Locale.ROOT, "Teacher %s epoch %d/%d: validation %.3f",
                      name, m.epoch(), epochs, m.validationMetric()))),
                  // Each skipped clip to the log (there may be many); the counts and notes to the status line.
                  line -> {
                    if (line.startsWith("skipped ")) {
                      LOG.warn("teacher {}: {}", name, line);
                    } else {
                      fx.execute(() -> say.accept("Teacher " + name + ": " + line));
                    }
                  }))
          .result()
          .whenComplete((s, e) -> fx.execute(() -> {
            if (e == null) {
              say.accept(String.format(Locale.ROOT, "Teacher %s saved: validation %s %.3f, test %.3f",
                  name, s.metricName(), s.bestValidationMetric(), s.testMetric()));
              onSaved.run();
            } else {
              Throwable why = e.getCause() == null ? e : e.getCause();
              say.accept(why instanceof CancelledException
                  ? "Teacher training cancelled; nothing was saved"
                  : "Teacher training failed: " + why.getMessage());
            }
          }));
    });
  }
}
