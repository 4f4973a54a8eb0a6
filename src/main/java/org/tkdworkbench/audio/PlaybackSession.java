package org.tkdworkbench.audio;

import javax.sound.sampled.SourceDataLine;

/**
 * One clip being played by {@link AudioPlayer}: owns the open line and the daemon thread that
 * feeds it, paced to the wall clock, and closes both when the clip ends or is stopped.
 */
final class PlaybackSession {
  private final SourceDataLine line;
  private final byte[] pcm;
  private final int sampleRate;
  private final int chunkFrames;
  private final long totalFrames;
  private final long aheadFrames;
  private final Runnable onFinished;
  private final Object lock = new Object();
  private final Thread thread;
  private volatile boolean stopRequested;
  private volatile boolean running = true;
  private volatile long startNanos;
  private volatile long lastPosition;
  private boolean closed;

  PlaybackSession(
      SourceDataLine line, byte[] pcm, int sampleRate, int chunkFrames, Runnable onFinished) {
    this.line = line;
    this.pcm = pcm;
    this.sampleRate = sampleRate;
    this.chunkFrames = Math.max(64, chunkFrames);
    this.totalFrames = pcm.length / 2;
    this.aheadFrames = (long) (sampleRate * AudioPlayer.AHEAD_SECONDS);
    this.onFinished = onFinished == null ? () -> {} : onFinished;
    this.thread = new Thread(this::feed, "tkd-playback");
    thread.setDaemon(true);
  }

  void start() {
    startNanos = System.nanoTime();
    line.start();
    thread.start();
  }

  boolean isRunning() {
    return running;
  }

  double positionSeconds() {
    return position() / (double) sampleRate;
  }

  /** Silences the line at once, then waits briefly for the feeder so the device is free again. */
  void stop(long joinMillis) {
    stopRequested = true;
    synchronized (lock) {
      if (!closed) {
        line.stop();
        line.flush(); // releases a write blocked on a full buffer
      }
    }
    if (Thread.currentThread() != thread) {
      try {
        thread.join(joinMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private long wallFrames() {
    return (System.nanoTime() - startNanos) * sampleRate / 1_000_000_000L;
  }

  private long position() {
    synchronized (lock) {
      if (!closed) {
        lastPosition = Math.min(totalFrames, Math.min(line.getLongFramePosition(), wallFrames()));
      }
      return lastPosition;
    }
  }

  private void feed() {
    try {
      long written = 0;
      while (written < totalFrames && !stopRequested) {
        if (written - wallFrames() > aheadFrames) {
          Thread.sleep(5);
          continue;
        }
        int n = (int) Math.min(chunkFrames, totalFrames - written);
        line.write(pcm, (int) (written * 2), n * 2);
        written += n;
      }
      // Let the tail be heard rather than cutting it off with close(); bounded in case a device
      // never reports the last frames.
      long deadline = System.nanoTime() + 2_000_000_000L;
      while (!stopRequested && position() < totalFrames && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      synchronized (lock) {
        closed = true;
        line.stop();
        line.flush();
        line.close();
      }
      running = false;
      onFinished.run();
    }
  }
}
