package org.tkdworkbench.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a command with a deadline: stdout goes to a consumer on one thread, stderr is drained on
 * another (a process whose stderr pipe fills up blocks forever), and on timeout, failure or
 * interruption the process and its children are killed.
 */
final class ExternalProcess {
  /** What stderr keeps: enough for the error line, bounded against a chatty process. */
  private static final int STDERR_KEEP = 8192;

  private ExternalProcess() {}

  /** Reads a process's stdout to its end (or throws to abandon it). */
  @FunctionalInterface
  interface StdoutConsumer {
    void consume(InputStream stdout) throws Exception;
  }

  /** How a run ended. */
  record Result(int exitCode, String stderr) {
    /** The first non-blank line of stderr, or "" if there is none. */
    String firstErrorLine() {
      return stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }
  }

  /** The process did not finish in time and was killed. */
  static final class TimedOut extends Exception {
    TimedOut(Duration timeout) {
      super("did not finish within " + timeout.toSeconds() + " s and was stopped");
    }
  }

  /**
   * Runs {@code command} to completion.
   *
   * @throws IOException if the process cannot start
   * @throws TimedOut if it ran past {@code timeout}
   * @throws ExecutionException wrapping what {@code stdout} threw (the process is killed)
   * @throws InterruptedException if the caller was interrupted (the process is killed)
   */
  static Result run(List<String> command, Duration timeout, StdoutConsumer stdout)
      throws IOException, TimedOut, ExecutionException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Process process = new ProcessBuilder(command).start();
    try {
      process.getOutputStream().close();
      FutureTask<Void> out =
          new FutureTask<>(
              () -> {
                try (InputStream in = process.getInputStream()) {
                  stdout.consume(in);
                }
                return null;
              });
      ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
      FutureTask<Void> err =
          new FutureTask<>(
              () -> {
                drain(process.getErrorStream(), errBytes);
                return null;
              });
      start(out, command.get(0) + " stdout");
      start(err, command.get(0) + " stderr");
      try {
        out.get(remaining(deadline), TimeUnit.NANOSECONDS);
        if (!process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)) {
          throw new TimedOut(timeout);
        }
      } catch (TimeoutException e) {
        throw new TimedOut(timeout);
      }
      try {
        // stderr ends when the process does; a grandchild holding it open must not hang us.
        err.get(2, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // Keep what was read so far.
      }
      String stderr;
      synchronized (errBytes) {
        stderr = errBytes.toString(StandardCharsets.UTF_8);
      }
      return new Result(process.exitValue(), stderr);
    } finally {
      if (process.isAlive()) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }
  }

  private static void start(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  /** Reads {@code in} to its end, keeping the first {@link #STDERR_KEEP} bytes. */
  private static void drain(InputStream in, ByteArrayOutputStream keep) throws IOException {
    try (in) {
      byte[] buffer = new byte[4096];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        synchronized (keep) {
          int room = STDERR_KEEP - keep.size();
          if (room > 0) {
            keep.write(buffer, 0, Math.min(room, n));
          }
        }
      }
    }
  }
}
