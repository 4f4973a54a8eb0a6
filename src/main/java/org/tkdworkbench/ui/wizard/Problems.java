package org.tkdworkbench.ui.wizard;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.tkdworkbench.jobs.CancelledException;

/** Turns a job's failure into a sentence a user reads on the page; never a stack trace. */
final class Problems {
  private Problems() {}

  /** A problem the wizard found itself and has already phrased. */
  static final class Stated extends RuntimeException {
    Stated(String sentence) {
      super(sentence, null, false, false);
    }
  }

  static Throwable unwrap(Throwable e) {
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  static boolean isCancellation(Throwable err) {
    return err != null && unwrap(err) instanceof CancelledException;
  }

  /** {@code what} (e.g. "Could not read /data/x") + ": " + why, or a stated problem as it is. */
  static String describe(String what, Throwable err) {
    Throwable e = unwrap(err);
    if (e instanceof Stated) {
      return e.getMessage();
    }
    return what + ": " + reason(e);
  }

  static String reason(Throwable e) {
    if (e instanceof NoSuchFileException f) {
      return "not found: " + f.getFile();
    }
    if (e instanceof NotDirectoryException f) {
      return "not a folder: " + f.getFile();
    }
    if (e instanceof AccessDeniedException f) {
      return "permission denied: " + f.getFile();
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason() + (f.getFile() == null ? "" : ": " + f.getFile());
    }
    if (e instanceof OutOfMemoryError) {
      return "not enough memory";
    }
    if (e instanceof UnsupportedOperationException) {
      return "this part of the core is not available yet";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
