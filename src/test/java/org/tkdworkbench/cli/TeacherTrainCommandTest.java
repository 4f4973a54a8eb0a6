package org.tkdworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.models.TeacherStore;

class TeacherTrainCommandTest {
  @TempDir Path tmp;

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WorkbenchCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  /** 0.5 s of a tone in a little noise, 16-bit mono PCM at 16 kHz. */
  private static void wav(Path p, double hz, long seed) throws IOException {
    int rate = 16000;
    int n = rate / 2;
    Random r = new Random(seed);
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + 2 * n).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
    b.putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes()).putInt(2 * n);
    for (int i = 0; i < n; i++) {
      b.putShort((short) Math.round(6000 * Math.sin(2 * Math.PI * hz * i / rate) + 500 * r.nextGaussian()));
    }
    Files.createDirectories(p.getParent());
    Files.write(p, b.array());
  }

  @Test
  void invalidOptionsExitTwoNamingTheFieldAndValue() {
    String[] r = run("teacher", "train", "--dataset", tmp.toString(), "--output", tmp.resolve("t").toString(),
        "--model-dim", "30", "--heads", "4", "--lr", "-1");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("teacher.heads").contains("found 4").contains("training.learning_rate").contains("found -1.0");
    r = run("teacher", "train", "--dataset", tmp.toString(), "--dropout", "1.5");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("teacher.dropout").contains("1.5");
    r = run("teacher", "train", "--output", tmp.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--dataset");
    // "--conv-stem 0" (no stem) alone is valid with the default temporal kernel: it gets as far
    // as the missing dataset.
    r = run("teacher", "train", "--dataset", tmp.resolve("nope").toString(), "--conv-stem", "0");
    assertThat(r[0]).as(r[2]).isEqualTo("1");
    assertThat(r[2]).doesNotContain("stem_time_kernel");
  }

  @Test
  void timeShiftIsOnByDefaultAndNoTimeShiftTurnsItOff() {
    TeacherTrainCommand c = new TeacherTrainCommand();
    new picocli.CommandLine(c).parseArgs("--dataset", "d");
    assertThat(c.timeShift).isTrue();
    c = new TeacherTrainCommand();
    new picocli.CommandLine(c).parseArgs("--dataset", "d", "--no-time-shift");
    assertThat(c.timeShift).isFalse();
    c = new TeacherTrainCommand();
    new picocli.CommandLine(c).parseArgs("--dataset", "d", "--time-shift");
    assertThat(c.timeShift).isTrue();
  }

  @Test
  void teachersWarpAndHaveATemporalStemByDefault() {
    TeacherTrainCommand c = new TeacherTrainCommand();
    new picocli.CommandLine(c).parseArgs("--dataset", "d");
    assertThat(c.warp).isEqualTo(0.1);
    assertThat(c.convStem).isEqualTo(48);
    assertThat(c.stemTimeKernel).isEqualTo(9);
    c = new TeacherTrainCommand();
    new picocli.CommandLine(c).parseArgs("--dataset", "d", "--warp", "0", "--stem-time-kernel", "0", "--conv-stem", "16");
    assertThat(c.warp).isZero();
    assertThat(c.stemTimeKernel).isZero();
    assertThat(c.convStem).isEqualTo(16);
  }

  @Test
  void missingDatasetFailsWithExitOne() {
    String[] r = run("--workspace", tmp.resolve("ws").toString(), "teacher", "train",
        "--dataset", tmp.resolve("nope").toString(), "--output", tmp.resolve("t").toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("nope");
  }

  @Tag("engine")
  @Test
  void trainsATinyTeacherEndToEndAndPrintsTheMetrics() throws IOException {
    Path ds = tmp.resolve("ds");
    int k = 0;
    for (String split : new String[] {"train", "validation", "test"}) {
      int count = split.equals("train") ? 6 : 2;
      for (int i = 0; i < count; i++) {
        wav(ds.resolve(split + "/low/" + i + ".wav"), 300, k++);
        wav(ds.resolve(split + "/high/" + i + ".wav"), 3000, k++);
      }
    }
    Path out = tmp.resolve("teacher");
    String[] r = run("--workspace", tmp.resolve("ws").toString(), "teacher", "train", "--dataset", ds.toString(),
        "--output", out.toString(), "--model-dim", "8", "--layers", "1", "--heads", "2", "--ff-dim", "16",
        "--epochs", "2", "--batch-size", "4", "--seed", "3");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[2]).contains("epoch 1/2:").contains("epoch 2/2:");
    // 12 clips / batch 4 × 2 epochs = 6 steps: far too few, and the user is told.
    assertThat(r[2]).contains("note: only 6 optimizer steps (12 clips / batch 4 × 2 epochs)");
    assertThat(r[1]).containsPattern("validation accuracy [0-9.]+ \\(epoch [12]\\), test accuracy [0-9.]+");
    assertThat(TeacherStore.readSpec(out).classes()).containsExactly("high", "low");
    assertThat(TeacherStore.readSpec(out).config().stemTimeKernel()).as("the default temporal stem").isEqualTo(9);
    assertThat(Files.readString(out.resolve("summary.json"))).as("teachers warp by default").contains("\"warp\" : 0.1");
    assertThat(out.resolve("metrics.csv")).exists();

    String[] again = run("--workspace", tmp.resolve("ws").toString(), "teacher", "train", "--dataset", ds.toString(),
        "--output", out.toString(), "--epochs", "1");
    assertThat(again[0]).isEqualTo("1");
    assertThat(again[2]).contains("not empty");
    assertThat(again[2]).as("refused before decoding").doesNotContain("clips:");
  }

  /**
   * A clip that cannot be decoded is named with its reason, and the counts printed are of the
   * clips that train; a dataset of one class is refused (its accuracy would be 1 whatever).
   */
  @Tag("engine")
  @Test
  void namesTheClipsItSkipsCountsTheRestAndRefusesOneClass() throws IOException {
    Path ds = tmp.resolve("ds");
    int k = 0;
    for (String split : new String[] {"train", "validation", "test"}) {
      for (int i = 0; i < 2; i++) {
        wav(ds.resolve(split + "/low/" + i + ".wav"), 300, k++);
        wav(ds.resolve(split + "/high/" + i + ".wav"), 3000, k++);
      }
    }
    Path broken = ds.resolve("train/low/broken.wav");
    Files.writeString(broken, "not audio at all");
    String[] r = run("--workspace", tmp.resolve("ws").toString(), "teacher", "train", "--dataset", ds.toString(),
        "--output", tmp.resolve("t").toString(), "--model-dim", "8", "--layers", "1", "--heads", "2", "--ff-dim", "16",
        "--epochs", "1", "--batch-size", "4");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[2]).containsPattern("skipped [^\n]*broken\\.wav");
    assertThat(r[2]).contains("clips: 4 train, 4 validation, 4 test, 2 classes (1 could not be used, each named)");
    assertThat(r[2]).contains("note: only 1 optimizer steps (4 clips / batch 4 × 1 epochs)");
    // An output that exists is refused before decoding: the broken clip is not met again.
    String[] again = run("--workspace", tmp.resolve("ws").toString(), "teacher", "train", "--dataset", ds.toString(),
        "--output", tmp.resolve("t").toString(), "--epochs", "1");
    assertThat(again[0]).isEqualTo("1");
    assertThat(again[2]).contains("not empty").doesNotContain("skipped").doesNotContain("clips:");

    Path one = tmp.resolve("one");
    for (String split : new String[] {"train", "validation", "test"}) {
      wav(one.resolve(split + "/low/0.wav"), 300, k++);
    }
    r = run("--workspace", tmp.resolve("ws").toString(), "teacher", "train", "--dataset", one.toString(),
        "--output", tmp.resolve("t1").toString(), "--model-dim", "8", "--layers", "1", "--heads", "2", "--ff-dim", "16",
        "--epochs", "1");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("dataset: has 1 class (low); a single-label classifier needs at least 2");
    assertThat(tmp.resolve("t1")).doesNotExist();
  }
}
