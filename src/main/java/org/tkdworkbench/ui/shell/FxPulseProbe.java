package org.tkdworkbench.ui.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * Measures how smoothly the FX thread runs: an {@link AnimationTimer} notes the time between
 * consecutive pulses (JavaFX aims at 60 a second, 16.7 ms apart); a long gap is a stall, time
 * the thread spent on something else (file reading, a big redraw) or waiting for a core.
 *
 * <p>A watchdog thread looks at the FX thread whenever a pulse is late by more than a threshold
 * and keeps its state and stack: a number alone says that the thread stalled, the stack says on
 * what. Used by the responsiveness measurement in {@code RunsAppTest} whose numbers are in the
 * README; cheap enough to leave on.
 */
public final class FxPulseProbe {
  private static final long WATCH_NANOS = 5_000_000;

  private final long lateNanos;
  private final AnimationTimer timer;
  private volatile long last;
  private volatile Thread fxThread;
  private volatile boolean running;
  /** Each start's watchdog runs while this is its own number: a restart never leaves two. */
  private volatile int generation;
  private long[] gaps = new long[1024];
  private int count;
  private final List<Stall> stalls = new ArrayList<>();

  /** A probe whose watchdog samples the FX thread when a pulse is 50 ms late. */
  public FxPulseProbe() {
    this(50);
  }

  /** @param lateMillis how late a pulse must be before the watchdog samples the FX thread */
  public FxPulseProbe(long lateMillis) {
    this.lateNanos = lateMillis * 1_000_000;
    timer = new AnimationTimer() {
      @Override
      public void handle(long now) {
        long t = System.nanoTime();
        if (last != 0) {
          if (count == gaps.length) {
            gaps = Arrays.copyOf(gaps, count * 2);
          }
          gaps[count++] = t - last;
        }
        last = t;
      }
    };
  }

  /**
   * What the FX thread was doing when a pulse was late.
   *
   * @param lateMillis how long since the last pulse when it was sampled
   * @param state the thread's state (RUNNABLE: working or waiting for a core; WAITING/BLOCKED: a lock)
   * @param stack its innermost frames
   */
  public record Stall(double lateMillis, Thread.State state, List<StackTraceElement> stack, List<StackTraceElement> renderStack) {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.0f ms late, %s", lateMillis, state));
      for (StackTraceElement e : stack) {
        b.append("\n    at ").append(e);
      }
      if (!renderStack.isEmpty()) {
        b.append("\n  the render thread it waits for:");
        for (StackTraceElement e : renderStack) {
          b.append("\n    at ").append(e);
        }
      }
      return b.toString();
    }
  }

  /** The innermost frames of a stack. */
  private static List<StackTraceElement> top(StackTraceElement[] trace) {
    return List.of(trace).subList(0, Math.min(25, trace.length));
  }

  /** JavaFX's render thread, found by name (it is not public API), or null. */
  private static Thread renderThread() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("QuantumRenderer")) {
        return t;
      }
    }
    return null;
  }

  /** Starts measuring (FX thread). */
  public void start() {
    last = 0;
    fxThread = Thread.currentThread();
    running = true;
    int mine = ++generation;
    timer.start();
    Thread watchdog = new Thread(() -> watch(mine), "fx-pulse-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private void watch(int mine) {
    long sampledGap = -1;
    long nextSample = 0;
    while (running && generation == mine) {
      long l = last;
      long late = System.nanoTime() - l;
      if (l != sampledGap) {
        sampledGap = l;
        nextSample = lateNanos;
      }
      // Once late, every further threshold's worth: a long stall shows where its time went.
      if (l != 0 && late > nextSample) {
        nextSample += lateNanos;
        Thread t = fxThread;
        Thread.State state = t.getState();
        List<StackTraceElement> stack = top(t.getStackTrace());
        // Waiting for the render thread to finish the last frame: then that thread is the one to see.
        List<StackTraceElement> render = List.of();
        if (stack.stream().anyMatch(e -> e.getMethodName().equals("waitForRenderingToComplete"))) {
          Thread r = renderThread();
          render = r == null ? List.of() : top(r.getStackTrace());
        }
        synchronized (stalls) {
          stalls.add(new Stall(late / 1e6, state, stack, render));
        }
      }
      try {
        Thread.sleep(WATCH_NANOS / 1_000_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops measuring (FX thread). */
  public void stop() {
    running = false;
    timer.stop();
  }

  /** The FX thread as the watchdog found it in each late pulse, in order. */
  public List<Stall> stalls() {
    synchronized (stalls) {
      return List.copyOf(stalls);
    }
  }

  /**
   * What was measured.
   *
   * @param pulses gaps measured
   * @param maxMillis the longest gap
   * @param p99Millis the 99th percentile gap
   * @param over50 gaps longer than 50 ms
   */
  public record Report(int pulses, double maxMillis, double p99Millis, int over50) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d pulses, longest gap %.1f ms, 99th percentile %.1f ms, %d gaps over 50 ms",
          pulses, maxMillis, p99Millis, over50);
    }
  }

  /** The gaps since the last call (or the start), then forgets them: one window (FX thread). */
  public Report takeWindow() {
    Report r = report();
    count = 0;
    return r;
  }

  /** The stalls since the last call (or the start), then forgets them. */
  public List<Stall> takeStalls() {
    synchronized (stalls) {
      List<Stall> l = List.copyOf(stalls);
      stalls.clear();
      return l;
    }
  }

  /**
   * Probes for the app's whole life and appends, every {@code every}, the window's report and
   * the stalls' stacks to {@code file}: the responsiveness benchmark ({@code --pulse-log}).
   * Must be called on the FX thread.
   */
  public static FxPulseProbe logTo(java.nio.file.Path file, javafx.util.Duration every) {
    FxPulseProbe probe = new FxPulseProbe();
    probe.start();
    javafx.animation.Timeline t = new javafx.animation.Timeline();
    t.getKeyFrames().add(new javafx.animation.KeyFrame(every, e -> {
      StringBuilder b = new StringBuilder(java.time.LocalTime.now().withNano(0) + " " + probe.takeWindow() + "\n");
      for (Stall st : probe.takeStalls()) {
        b.append("  ").append(st.toString().replace("\n", "\n  ")).append('\n');
      }
      try {
        java.nio.file.Files.writeString(file, b, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      } catch (java.io.IOException ex) {
        probe.stop(); // a benchmark aid: not worth a dialog
        t.stop();
      }
    }));
    t.setCycleCount(javafx.animation.Animation.INDEFINITE);
    t.play();
    return probe;
  }

  /** The gaps so far (FX thread). */
  public Report report() {
    if (count == 0) {
      return new Report(0, 0, 0, 0);
    }
    long[] sorted = Arrays.copyOf(gaps, count);
    Arrays.sort(sorted);
    int over = 0;
    for (long g : sorted) {
      over += g > 50_000_000 ? 1 : 0;
    }
    return new Report(count, sorted[count - 1] / 1e6, sorted[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6, over);
  }
}
