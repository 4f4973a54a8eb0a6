package org.tkdworkbench.jobs;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the operating system's scheduling priority of the calling thread, so heavy background
 * work (training) leaves the cores to the UI whenever the UI wants them and takes them fully when
 * it does not.
 *
 * <p>Why the OS and not {@link Thread#setPriority}: the JVM ignores Java priorities on Linux by
 * default, and the threads that do the work during training are not Java threads at all but the
 * native engine's OpenMP workers. On Linux the nice value belongs to each thread and a new thread
 * starts with its creator's: OpenMP workers created by a lowered thread (libgomp keeps a worker
 * team per calling thread) run at the lowered priority too. An unprivileged process may lower its
 * priority but not raise it back, so a lowered thread stays lowered: give it its own pool.
 *
 * <p>Elsewhere than Linux this does nothing and says so ({@link #lowerCurrentThread} returns
 * false): the per-thread call does not exist there in this form.
 */
public final class ThreadPriority {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadPriority.class);
  private static final int PRIO_PROCESS = 0;

  private ThreadPriority() {}

  /** The one C library call used here. */
  interface LibC extends Library {
    int setpriority(int which, int who, int prio);
  }

  private static final class Holder {
    static final LibC LIBC = Native.load("c", LibC.class);
  }

  /**
   * Daemon threads named {@code name-1}, {@code name-2}, … that lower themselves to {@code nice}
   * before their first task (0 = as they are): so an idle pool never keeps the JVM alive, and a
   * background pool never takes a core from the UI.
   */
  public static java.util.concurrent.ThreadFactory daemons(String name, int nice) {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return r -> {
      Runnable body = nice == 0 ? r : () -> {
        lowerCurrentThread(nice);
        r.run();
      };
      Thread t = new Thread(body, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Sets the calling thread's nice value to {@code nice} (0 normal, 19 lowest), never raising it.
   *
   * @return whether the thread now runs at that nice value
   */
  public static boolean lowerCurrentThread(int nice) {
    if (nice < 0 || nice > 19) {
      throw new IllegalArgumentException("nice must be 0..19, was " + nice);
    }
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
      return false;
    }
    try {
      long tid = currentThreadId();
      if (currentNice() >= nice) {
        return true;
      }
      int rc = Holder.LIBC.setpriority(PRIO_PROCESS, (int) tid, nice);
      if (rc != 0) {
        LOG.info("Could not lower the priority of thread {} to nice {} (error {})", tid, nice, Native.getLastError());
        return false;
      }
      return currentNice() == nice;
    } catch (IOException | RuntimeException | LinkageError e) {
      LOG.info("Could not lower the priority of {}: {}", Thread.currentThread().getName(), e.toString());
      return false;
    }
  }

  /** The calling thread's nice value, read from {@code /proc/thread-self/stat} (Linux). */
  public static int currentNice() throws IOException {
    String stat = Files.readString(Path.of("/proc/thread-self/stat"));
    // The name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return Integer.parseInt(f[16]); // field 19 of the line; f[0] is field 3
  }

  private static long currentThreadId() throws IOException {
    // "/proc/thread-self" links to "PID/task/TID".
    return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
  }
}
