package org.tkdworkbench.ui.browser;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.tkdworkbench.audio.AudioDecodeException;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.jobs.CancelledException;

/** Turns a job's failure into a sentence for the user; never a stack trace. */
public final class Failures {
  private Failures() {}

  public static Throwable unwrap(Throwable e) {
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** A cancelled job is not a failure: its result is simply not wanted any more. */
  public static boolean isCancellation(Throwable err) {
    return err != null && unwrap(err) instanceof CancelledException;
  }

  /** The decoder's own message, with the clip id in place of the long absolute path. */
  public static String describe(Clip clip, Throwable e) {
    if (e instanceof AudioDecodeException) {
      Path file = ((AudioDecodeException) e).file();
      String text = e.getMessage();
      return file == null ? text : text.replace(file.toString(), clip.id());
    }
    return "Could not show " + clip.id() + ": " + describe(e);
  }

  /** The exception's message, or its type when it has none. */
  public static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
