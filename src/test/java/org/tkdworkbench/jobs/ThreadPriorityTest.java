package org.tkdworkbench.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The nice value as the kernel reports it in {@code /proc}: a lowered thread, the threads it
 * starts, and the native engine's OpenMP workers that training runs on.
 */
class ThreadPriorityTest {
  @BeforeAll
  static void linuxOnly() {
    assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux"));
  }

  /** Runs {@code body} on a new thread named {@code name} and returns its result. */
  private static <T> T onNewThread(String name, java.util.concurrent.Callable<T> body) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(body.call());
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    }, name);
    t.start();
    return f.get();
  }

  /** Nice values of this process's threads whose kernel name is {@code comm}. */
  private static List<Integer> niceOfThreadsNamed(String comm) throws IOException {
    List<Integer> nice = new ArrayList<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.equals(comm)) {
            nice.add(Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
          }
        } catch (IOException gone) {
          // a thread that ended while listing
        }
      }
    }
    return nice;
  }

  @Test
  void aLoweredThreadAndTheThreadsItStartsRunAtTheNewNiceValue() throws Exception {
    int before = ThreadPriority.currentNice();
    assumeTrue(before <= 12, "the JVM already runs at nice " + before);
    List<Integer> seen = onNewThread("prio-a", () -> {
      List<Integer> l = new ArrayList<>();
      l.add(ThreadPriority.lowerCurrentThread(before + 7) ? 1 : 0);
      l.add(ThreadPriority.currentNice());
      l.add(onNewThread("prio-a-child", ThreadPriority::currentNice));
      // Never raised again: asking for less keeps the lower priority.
      l.add(ThreadPriority.lowerCurrentThread(before + 2) ? 1 : 0);
      l.add(ThreadPriority.currentNice());
      return l;
    });
    assertThat(seen).containsExactly(1, before + 7, before + 7, 1, before + 7);
    assertThat(ThreadPriority.currentNice()).as("the caller's thread is untouched").isEqualTo(before);
  }

  @Test
  void niceOutsideTheRangeIsRefused() {
    assertThatThrownBy(() -> ThreadPriority.lowerCurrentThread(20)).hasMessageContaining("0..19");
    assertThatThrownBy(() -> ThreadPriority.lowerCurrentThread(-1)).hasMessageContaining("0..19");
  }

  /**
   * The point of it all: the engine's OpenMP workers, started by a lowered training thread, run
   * lowered too (Linux names a new thread after its creator, so they carry the pool's name).
   */
  @Test
  @Tag("engine")
  void theEnginesWorkerThreadsInheritTheLoweredPriority() throws Exception {
    int before = ThreadPriority.currentNice();
    assumeTrue(before <= 14, "the JVM already runs at nice " + before);
    String name = "prio-engine";
    List<Integer> nice = onNewThread(name, () -> {
      assertThat(ThreadPriority.lowerCurrentThread(before + 5)).isTrue();
      try (NDManager m = NDManager.newBaseManager()) {
        NDArray a = m.randomNormal(new ai.djl.ndarray.types.Shape(512, 512));
        for (int i = 0; i < 5; i++) {
          a = a.matMul(a).div(512);
        }
        a.toFloatArray();
      }
      return niceOfThreadsNamed(name);
    });
    org.tkdworkbench.RuntimeSetup.apply(); // as the app does: OMP_NUM_THREADS set before the engine loads
    String omp = org.tkdworkbench.RuntimeSetup.nativeEnv("OMP_NUM_THREADS");
    int expected = omp == null ? 1 : Math.max(1, Integer.parseInt(omp.trim()));
    assertThat(nice).as("the thread and its %d OpenMP workers", expected - 1).hasSizeGreaterThanOrEqualTo(expected);
    assertThat(nice).allMatch(n -> n == before + 5);
  }
}
