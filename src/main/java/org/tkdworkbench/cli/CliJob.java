package org.tkdworkbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tkdworkbench.jobs.JobContext;

/**
 * The one job context of long CLI commands.
 *
 * <p>Progress: on a terminal, one line on standard error rewritten in place at most twice a second
 * ({@code message done/total (p%)}) and wiped when the job closes; when standard error is not a
 * terminal (scripts, tests, {@code --json > file} pipelines) nothing is printed, so the streams
 * stay clean.
 *
 * <p>Ctrl-C (SIGINT/SIGTERM) becomes a cancel that the job honours at its next boundary; the
 * shutdown hook waits (up to 30 s) for the job to clean up, so nothing is left half-written.
 */
final class CliJob implements JobContext, AutoCloseable {
  private static final long EVERY_NANOS = 500_000_000L;
  private static final int WIDTH = 79;

  private final PrintWriter err;
  private final boolean terminal;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;
  private final Runnable onCancel;
  private volatile boolean cancelled;
  private long lastPrint = System.nanoTime();
  private boolean dirty;

  private CliJob(PrintWriter err, boolean terminal, Runnable onCancel) {
    this.err = err;
    this.terminal = terminal;
    this.onCancel = onCancel;
    this.hook = new Thread(this::interrupt, "tkd-cli-cancel");
  }

  /** A context whose cancel is wired to the JVM's shutdown (Ctrl-C). */
  static CliJob start(PrintWriter err) {
    return start(err, System.console() != null, () -> {});
  }

  /**
   * As {@link #start(PrintWriter)}, running {@code onCancel} on Ctrl-C after the job has finished
   * or given up (for cleanup the job itself cannot do, e.g. a temporary tree).
   */
  static CliJob start(PrintWriter err, Runnable onCancel) {
    return start(err, System.console() != null, onCancel);
  }

  /** For tests: {@code terminal} says whether progress is printed. */
  static CliJob start(PrintWriter err, boolean terminal, Runnable onCancel) {
    CliJob job = new CliJob(err, terminal, onCancel);
    Runtime.getRuntime().addShutdownHook(job.hook);
    return job;
  }

  /** The shutdown hook: cancel, wait for the job to finish cleaning up, then the extra cleanup. */
  void interrupt() {
    cancelled = true;
    try {
      finished.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    onCancel.run();
  }

  @Override
  public synchronized void progress(long done, long total, String message) {
    if (!terminal) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastPrint < EVERY_NANOS) {
      return;
    }
    lastPrint = now;
    String count =
        total > 0
            ? String.format(Locale.ROOT, "  %d/%d (%.0f%%)", done, total, 100.0 * done / total)
            : String.format(Locale.ROOT, "  %d", done);
    String m = message == null ? "" : message;
    int room = Math.max(0, WIDTH - count.length());
    if (m.length() > room) {
      m = m.substring(0, room);
    }
    String line = m + count;
    err.print("\r" + line + " ".repeat(WIDTH - line.length()));
    err.flush();
    dirty = true;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  /** Wipes the progress line, if one was printed, so the next output starts clean. */
  synchronized void clearLine() {
    if (dirty) {
      err.print("\r" + " ".repeat(WIDTH) + "\r");
      err.flush();
      dirty = false;
    }
  }

  /** The job is over: wipe the progress line, release a waiting shutdown hook, unregister it. */
  @Override
  public void close() {
    clearLine();
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down (Ctrl-C): the hook is running and waits for us.
    }
  }
}
