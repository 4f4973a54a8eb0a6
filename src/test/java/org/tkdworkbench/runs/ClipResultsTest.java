package org.tkdworkbench.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipResultsTest {
  @TempDir Path tmp;

  @Test
  void writesTwoPlainCsvFilesAndReadsThemBack() throws Exception {
    List<ClipResults.Clip> clips =
        List.of(
            new ClipResults.Clip("validation", "go/a,b.wav", List.of("go"), "go", true, 0.75,
                new double[] {0.25, 0.75}, new double[] {0.2, 0.8}, new double[] {0.5, 0.5}),
            new ClipResults.Clip("test", "no/c.wav", List.of("no", "off"), "up", false, 0.5,
                new double[] {0.5}, null, new double[] {1}));
    ClipResults.write(tmp, clips);

    // The files as a pandas user reads them.
    assertThat(Files.readAllLines(tmp.resolve(ClipResults.CLIPS_FILE)))
        .containsExactly(
            "split,clip_id,label,predicted,correct,probability",
            "validation,\"go/a,b.wav\",go,go,1,0.750000",
            "test,no/c.wav,no;off,up,0,0.500000");
    assertThat(Files.readAllLines(tmp.resolve(ClipResults.ATTENTION_FILE)))
        .containsExactly(
            "clip_id,step,time_s,student,target",
            "\"go/a,b.wav\",0,0.250000,0.200000,0.500000",
            "\"go/a,b.wav\",1,0.750000,0.800000,0.500000",
            "no/c.wav,0,0.500000,,1.00000");

    ClipResults.Contents read = ClipResults.read(tmp);
    assertThat(read.warnings()).isEmpty();
    assertThat(read.clips().keySet()).containsExactly("go/a,b.wav", "no/c.wav");
    ClipResults.Clip a = read.clips().get("go/a,b.wav");
    assertThat(a.correct()).isTrue();
    assertThat(a.times()).containsExactly(0.25, 0.75);
    assertThat(a.student()).containsExactly(0.2, 0.8);
    ClipResults.Clip c = read.clips().get("no/c.wav");
    assertThat(c.labels()).containsExactly("no", "off");
    assertThat(c.student()).isNull();
    assertThat(c.target()).containsExactly(1.0);
  }

  @Test
  void aRunWithoutTheFilesOrWithBrokenRowsIsReadWithWarningsNamingFileAndLine() throws Exception {
    assertThat(ClipResults.read(tmp).warnings()).singleElement().asString().contains("clips.csv").contains("missing");

    Files.writeString(tmp.resolve(ClipResults.CLIPS_FILE),
        "split,clip_id,label,predicted,correct,probability\ntest,a.wav,go,go,yes,0.9\ntest,b.wav,go,no,0,0.6\n");
    Files.writeString(tmp.resolve(ClipResults.ATTENTION_FILE),
        "clip_id,step,time_s,student,target\nb.wav,0,0.1,0.5,\nb.wav,2,0.3,0.5,\n");
    ClipResults.Contents read = ClipResults.read(tmp);
    assertThat(read.clips().keySet()).containsExactly("b.wav");
    assertThat(read.clips().get("b.wav").times()).isEmpty(); // its curve was broken, so left out
    assertThat(read.warnings()).hasSize(2);
    assertThat(read.warnings().get(0)).contains("attention.csv line 3").contains("step 2 out of order");
    assertThat(read.warnings().get(1)).contains("clips.csv line 2").contains("correct must be 0 or 1");
  }
}
