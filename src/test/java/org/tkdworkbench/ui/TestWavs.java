package org.tkdworkbench.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Writes small 16-bit mono WAV files and a Speech Commands tree for UI tests. */
public final class TestWavs {
  public static final int RATE = 16000;

  private TestWavs() {}

  /** A sine at {@code hz}, amplitude 0.5, with 10 ms fades so it has no clicks. */
  public static float[] tone(double hz, double seconds) {
    float[] s = new float[(int) (seconds * RATE)];
    int fade = RATE / 100;
    for (int i = 0; i < s.length; i++) {
      double env = Math.min(1, Math.min(i, s.length - 1 - i) / (double) fade);
      s[i] = (float) (0.5 * env * Math.sin(2 * Math.PI * hz * i / RATE));
    }
    return s;
  }

  public static float[] noise(double seconds, long seed) {
    Random r = new Random(seed);
    float[] s = new float[(int) (seconds * RATE)];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) (0.2 * r.nextGaussian());
    }
    return s;
  }

  public static Path write(Path file, float[] samples) throws IOException {
    Files.createDirectories(file.getParent());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    int data = samples.length * 2;
    h.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
    h.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
    h.putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16);
    h.put("data".getBytes()).putInt(data);
    out.write(h.array());
    ByteBuffer d = ByteBuffer.allocate(data).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : samples) {
      d.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32767));
    }
    out.write(d.array());
    return Files.write(file, out.toByteArray());
  }

  /**
   * A small Speech Commands tree: {@code yes/tone1k.wav} (2 s, 1 kHz), {@code no/tone3k.wav} (1 s,
   * 3 kHz), {@code no/noise.wav} (1 s, validation), {@code yes/broken.wav} (a header with no data
   * behind it, test), and a noise folder.
   */
  public static Path speechCommands(Path root) throws IOException {
    write(root.resolve("yes/tone1k.wav"), tone(1000, 2.0));
    write(root.resolve("no/tone3k.wav"), tone(3000, 1.0));
    write(root.resolve("no/noise.wav"), noise(1.0, 7));
    write(root.resolve("_background_noise_/white.wav"), noise(1.0, 8));
    byte[] whole = Files.readAllBytes(root.resolve("no/tone3k.wav"));
    Files.write(root.resolve("yes/broken.wav"), java.util.Arrays.copyOf(whole, 30));
    Files.write(root.resolve("validation_list.txt"), List.of("no/noise.wav"));
    Files.write(root.resolve("testing_list.txt"), List.of("yes/broken.wav"));
    return root;
  }
}
