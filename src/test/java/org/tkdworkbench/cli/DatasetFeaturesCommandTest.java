package org.tkdworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFeaturesCommandTest {
  @TempDir Path tmp;

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WorkbenchCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  /** A minimal 16-bit mono PCM WAV, written byte by byte. */
  private static void wav(Path p, int rate, double hz, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + 2 * n).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
    b.putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes()).putInt(2 * n);
    for (int i = 0; i < n; i++) {
      b.putShort((short) Math.round(8000 * Math.sin(2 * Math.PI * hz * i / rate)));
    }
    Files.createDirectories(p.getParent());
    Files.write(p, b.array());
  }

  @Test
  void cachesEveryClipOnceAndReportsFailuresWithoutStopping() throws IOException {
    Path ds = tmp.resolve("ds");
    wav(ds.resolve("a/1.wav"), 16000, 440, 16000);
    wav(ds.resolve("a/2.wav"), 16000, 660, 8000);
    wav(ds.resolve("b/1.wav"), 8000, 300, 8000);
    Files.writeString(ds.resolve("b/broken.wav"), "not audio");
    Path ws = tmp.resolve("ws");

    String[] first =
        run("--workspace", ws.toString(), "dataset", "features", ds.toString(), "--threads", "2");
    assertThat(first[0]).as(first[2]).isEqualTo("0");
    assertThat(first[1]).contains("4 clips, 3 extracted (3 decoded, 0 from the cache), 1 failed");
    assertThat(first[2]).contains("broken.wav");
    try (Stream<Path> s = Files.walk(ws.resolve("cache/features"))) {
      assertThat(s.filter(p -> p.toString().endsWith(".logmel")).count()).isEqualTo(3);
    }

    String[] second = run("dataset", "features", ds.toString(), "--workspace", ws.toString());
    assertThat(second[1]).contains("3 extracted (0 decoded, 3 from the cache)");

    String[] otherSpec =
        run("--workspace", ws.toString(), "dataset", "features", ds.toString(), "--n-mels", "64");
    assertThat(otherSpec[1]).contains("3 extracted (3 decoded, 0 from the cache)");
  }

  @Test
  void theSourceOptionsAreTheSameAsInInspect() throws IOException {
    Path ds = tmp.resolve("ds");
    wav(ds.resolve("clips/1.wav"), 16000, 440, 8000);
    wav(ds.resolve("clips/2.wav"), 16000, 660, 8000);
    Files.writeString(ds.resolve("list.csv"), "path,label\nclips/1.wav,a\nclips/2.wav,b\n");
    String[] r =
        run(
            "--workspace",
            tmp.resolve("ws").toString(),
            "dataset",
            "features",
            "--source",
            ds.toString(),
            "--manifest",
            "list.csv");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("2 clips, 2 extracted");
    String[] fold = run("dataset", "features", ds.toString(), "--test-fold", "9");
    assertThat(fold[0]).isEqualTo("2");
    assertThat(fold[2]).contains("--test-fold: must be in 1..5, found 9");
  }

  @Test
  void badOptionsAreUsageErrors() {
    String[] r = run("dataset", "features", tmp.toString(), "--layout", "weird");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--layout").contains("weird");
    r = run("dataset", "features", tmp.toString(), "--hop-length", "0");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("features.hop_length");
  }

  @Test
  void missingFolderFailsWithItsName() {
    String[] r =
        run(
            "--workspace",
            tmp.resolve("ws").toString(),
            "dataset",
            "features",
            tmp.resolve("nope").toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("DIR: must be a dataset folder").contains("nope (does not exist)");
  }
}
