package org.tkdworkbench.distill;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Small WAV files for teacher tests: a 1 kHz tone over quiet noise, at a known place. */
public final class TestAudio {
  private TestAudio() {}

  /** 16 kHz mono 16-bit: {@code seconds} long, the tone in {@code [toneStart, toneEnd)}. */
  public static void toneWav(Path p, double seconds, double toneStart, double toneEnd) throws IOException {
    int rate = 16000;
    int n = (int) Math.round(seconds * rate);
    Random rnd = new Random(p.getFileName().toString().hashCode());
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + 2 * n).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
    b.putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes()).putInt(2 * n);
    for (int i = 0; i < n; i++) {
      double t = (double) i / rate;
      double v = 30 * rnd.nextGaussian();
      if (t >= toneStart && t < toneEnd) {
        v += 8000 * Math.sin(2 * Math.PI * 1000 * t);
      }
      b.putShort((short) Math.round(v));
    }
    Files.createDirectories(p.getParent());
    Files.write(p, b.array());
  }
}
