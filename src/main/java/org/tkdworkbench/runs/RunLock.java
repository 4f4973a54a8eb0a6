package org.tkdworkbench.runs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The live writer's claim on a run folder: an OS lock ({@link FileChannel#tryLock()}) on {@code
 * .writer.lock}, held while a {@link RunWriter} is open and released by the OS when the process
 * dies, even by {@code kill -9}.
 *
 * <p>Why a registry inside the JVM as well: on Linux, Java's file locks are POSIX record locks, and
 * closing <em>any</em> channel a process has on a file drops all that process's locks on it. A
 * reader in the writer's own JVM that opened the lock file to probe it would silently free the
 * writer's lock. So folders locked in this JVM are remembered here and never probed through the
 * file, and probes and acquisitions are serialised on one monitor.
 */
final class RunLock implements AutoCloseable {
  static final String FILE = ".writer.lock";

  private static final Object GUARD = new Object();
  private static final Set<Path> HELD = new HashSet<>();
  private static volatile String host;

  private FileChannel channel;
  private FileLock lock;
  private Path key;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code folder} for writing; null when a live writer holds it. A run being created is
   * locked in its temporary folder and moved with {@link #moveAndRegister}.
   */
  static RunLock tryAcquire(Path folder) throws IOException {
    synchronized (GUARD) {
      Path k = key(folder);
      if (HELD.contains(k)) {
        return null;
      }
      FileChannel ch =
          FileChannel.open(
              folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
      if (l == null) {
        ch.close();
        return null;
      }
      RunLock lock = new RunLock(ch, l);
      lock.key = k;
      HELD.add(k);
      return lock;
    }
  }

  /** Renames the locked folder (a run being created) and moves the registration with it. */
  void moveAndRegister(Path from, Path to) throws IOException {
    synchronized (GUARD) {
      boolean moved = false;
      if (lock != null && lock.isValid()) {
        try {
          Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
          moved = true;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
          throw e;
        } catch (IOException e) {
          // Windows refuses to rename a folder holding an open file: handled below.
        }
      }
      if (!moved) {
        // Let go, move, lock again: the only moment a new run is unlocked (a reader in another
        // process would see it as interrupted). A failed move leaves the lock released, and a
        // retry comes straight here.
        if (lock != null && lock.isValid()) {
          lock.release();
        }
        channel.close();
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        channel =
            FileChannel.open(to.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = channel.tryLock();
        if (lock == null) {
          channel.close();
          throw new IOException(to + ": another writer took the new run's lock");
        }
      }
      HELD.remove(key);
      key = key(to);
      HELD.add(key);
    }
  }

  /**
   * Whether a live writer holds {@code folder}: TRUE or FALSE when the lock answered, null when it
   * could not be asked (no lock file, a read-only folder) and the caller must fall back on pid and
   * heartbeat.
   */
  static Boolean writerAlive(Path folder) {
    synchronized (GUARD) {
      if (HELD.contains(key(folder))) {
        return Boolean.TRUE;
      }
      try (FileChannel ch = FileChannel.open(folder.resolve(FILE), StandardOpenOption.WRITE)) {
        FileLock l = ch.tryLock();
        if (l == null) {
          return Boolean.TRUE;
        }
        l.release();
        return Boolean.FALSE;
      } catch (OverlappingFileLockException e) {
        return Boolean.TRUE; // held in this JVM under another name (a symbolic link)
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (GUARD) {
      HELD.remove(key);
      try {
        if (lock != null && lock.isValid()) {
          lock.release();
        }
      } finally {
        channel.close();
      }
    }
  }

  private static Path key(Path folder) {
    try {
      return folder.toRealPath();
    } catch (IOException e) {
      return folder.toAbsolutePath().normalize();
    }
  }

  /** This machine's name (for the pid fallback), without a network lookup. */
  static String hostName() {
    String h = host;
    if (h == null) {
      h = System.getenv("HOSTNAME");
      if (h == null || h.isBlank()) {
        h = System.getenv("COMPUTERNAME");
      }
      for (String f : List.of("/proc/sys/kernel/hostname", "/etc/hostname")) {
        if (h == null || h.isBlank()) {
          try {
            h = Files.readString(Path.of(f)).strip();
          } catch (IOException | RuntimeException e) {
            h = null;
          }
        }
      }
      h = h == null || h.isBlank() ? "unknown" : h.strip();
      host = h;
    }
    return h;
  }
}
