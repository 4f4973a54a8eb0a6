package org.tkdworkbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tkdworkbench.jobs.JobContext;

/**
 * A job context for long CLI commands: progress printed at most once a second to standard error,
 * and Ctrl-C (SIGINT/SIGTERM) turned into a cancel that the job honours at its next boundary; the
 * shutdown hook waits (up to 30 s) for the job to clean up, so nothing is left half-written.
 */
final class CliJob implements JobContext, AutoCloseable {
  private final PrintWriter err;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean cancelled;
  private long lastPrint = System.nanoTime();

  private CliJob(PrintWriter err) {
    this.err = err;
    this.hook = new Thread(this::interrupt, "tkd-cli-cancel");
  }

  /** A context whose cancel is wired to the JVM's shutdown (Ctrl-C). */
  static CliJob start(PrintWriter err) {
    CliJob job = new CliJob(err);
    Runtime.getRuntime().addShutdownHook(job.hook);
    return job;
  }

  private void interrupt() {
    cancelled = true;
    try {
      finished.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void progress(long done, long total, String message) {
    long now = System.nanoTime();
    if (now - lastPrint > 1_000_000_000L && total > 0) {
      lastPrint = now;
      err.printf(Locale.ROOT, "  %d/%d (%.0f%%)%n", done, total, 100.0 * done / total);
      err.flush();
    }
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  /** The job is over: release a waiting shutdown hook and unregister it. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down (Ctrl-C): the hook is running and waits for us.
    }
  }
}
