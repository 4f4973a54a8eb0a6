package org.tkdworkbench.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** A tiny two-class dataset for CLI tests: 0.5 s clips, a 300 Hz ("low") or 3 kHz ("high") burst in noise. */
final class ToneDataset {
  private ToneDataset() {}

  /** Writes {@code train/validation/test/<low|high>/<i>.wav} under {@code root}: 8/2/2 per class. */
  static Path write(Path root) throws IOException {
    int k = 0;
    for (String split : new String[] {"train", "validation", "test"}) {
      int count = split.equals("train") ? 8 : 2;
      for (int i = 0; i < count; i++) {
        wav(root.resolve(split + "/low/" + i + ".wav"), 300, k++);
        wav(root.resolve(split + "/high/" + i + ".wav"), 3000, k++);
      }
    }
    return root;
  }

  /** 0.5 s at 16 kHz, 16-bit mono: a tone burst in the middle third over faint noise. */
  static void wav(Path p, double hz, long seed) throws IOException {
    int rate = 16000;
    int n = rate / 2;
    Random r = new Random(seed);
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + 2 * n).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
    b.putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes()).putInt(2 * n);
    for (int i = 0; i < n; i++) {
      double tone = i > n / 3 && i < 2 * n / 3 ? 6000 * Math.sin(2 * Math.PI * hz * i / rate) : 0;
      b.putShort((short) Math.round(tone + 300 * r.nextGaussian()));
    }
    Files.createDirectories(p.getParent());
    Files.write(p, b.array());
  }
}
