package org.tkdworkbench.audio;

/** There is no audio output to play on (no device, or the device is busy); the message says which. */
public final class PlaybackUnavailableException extends Exception {
  public PlaybackUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
