package org.tkdworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.distill.FakeTeacher;
import org.tkdworkbench.distill.TestAudio;
import org.tkdworkbench.workspace.Json;

/** {@code teacher attention} and {@code teacher evaluate} on a fake teacher with a known answer. */
class TeacherCommandsTest {
  @TempDir Path tmp;
  Path teacherDir;
  FakeTeacher fake;
  TeacherAttentionCommand.TeacherOpener saved;

  @BeforeEach
  void fakeTeacher() throws IOException {
    teacherDir = Files.createDirectories(tmp.resolve("teacher"));
    Files.writeString(teacherDir.resolve("spec.json"), "{}");
    fake = new FakeTeacher(List.of("early", "late"));
    saved = TeacherAttentionCommand.opener;
    TeacherAttentionCommand.opener = folder -> fake;
  }

  @AfterEach
  void restore() {
    TeacherAttentionCommand.opener = saved;
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WorkbenchCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void attentionWritesOneRowPerTokenWithThePeakInTheTone() throws IOException {
    Path wav = tmp.resolve("clip.wav");
    TestAudio.toneWav(wav, 1.0, 0.60, 0.80);
    Path csv = tmp.resolve("out/attention.csv");
    String[] r =
        run(
            "teacher",
            "attention",
            "--teacher",
            teacherDir.toString(),
            "--input",
            wav.toString(),
            "--output",
            csv.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("time_s,weight");
    // 1 s at hop 160 → 101 frames → 1 + (101 − 4)/4 = 25 tokens of 4 frames, centred at 0.015 +
    // 0.04·i
    assertThat(lines).hasSize(1 + 25);
    assertThat(lines.get(1)).startsWith("0.015000,");
    double sum = 0;
    double peakTime = 0;
    double peak = -1;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double w = Double.parseDouble(f[1]);
      sum += w;
      if (w > peak) {
        peak = w;
        peakTime = Double.parseDouble(f[0]);
      }
    }
    assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(peakTime).isBetween(0.6, 0.8);
    assertThat(r[2]).contains("25 tokens", "peak at");

    String[] stdout =
        run(
            "teacher",
            "attention",
            "--teacher",
            teacherDir.toString(),
            "--input",
            wav.toString(),
            "--output",
            "-",
            "--method",
            "last-layer",
            "--fusion",
            "max");
    assertThat(stdout[0]).isEqualTo("0");
    assertThat(stdout[1]).startsWith("time_s,weight\n").hasLineCount(26);
  }

  @Test
  void badOptionsExit2AndNameTheOption() {
    String[] r =
        run(
            "teacher",
            "attention",
            "--teacher",
            teacherDir.toString(),
            "--input",
            "x.wav",
            "--output",
            "o.csv",
            "--method",
            "sideways");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2])
        .contains("--method: must be rollout, last-layer or mean-of-layers, found sideways");
    r =
        run(
            "teacher",
            "evaluate",
            "--teacher",
            teacherDir.toString(),
            "--dataset",
            tmp.toString(),
            "--fusion",
            "min");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--fusion: must be mean or max, found min");
    r =
        run(
            "teacher",
            "evaluate",
            "--teacher",
            teacherDir.toString(),
            "--dataset",
            tmp.toString(),
            "--split",
            "holdout");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--split");
  }

  @Test
  void anUnreadableTeacherOrInputExits1AndNamesIt() throws IOException {
    Path missing = tmp.resolve("no-teacher");
    String[] r =
        run(
            "teacher",
            "attention",
            "--teacher",
            missing.toString(),
            "--input",
            "x.wav",
            "--output",
            "o.csv");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("cannot open teacher " + missing, "no such folder");

    TeacherAttentionCommand.opener =
        folder -> {
          throw new NoSuchFileException(folder.resolve("spec.json").toString());
        };
    r =
        run(
            "teacher",
            "attention",
            "--teacher",
            teacherDir.toString(),
            "--input",
            "x.wav",
            "--output",
            "o.csv");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("cannot open teacher " + teacherDir, "spec.json");

    TeacherAttentionCommand.opener = folder -> fake;
    Path notAudio = tmp.resolve("notes.wav");
    Files.writeString(notAudio, "hello");
    r =
        run(
            "teacher",
            "attention",
            "--teacher",
            teacherDir.toString(),
            "--input",
            notAudio.toString(),
            "--output",
            tmp.resolve("o.csv").toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("notes.wav");
    assertThat(tmp.resolve("o.csv")).doesNotExist();
  }

  /**
   * Test split: early/a (tone early), late/b (tone late), early/c labelled early but with a late
   * tone (the fake predicts late: wrong), late/d whose span row points at the wrong place (peak
   * outside, ~0.3–0.5 s away), early/broken (unreadable: left out); train/e is not evaluated.
   */
  private Path dataset() throws IOException {
    Path ds = tmp.resolve("ds");
    TestAudio.toneWav(ds.resolve("early/a.wav"), 1.0, 0.10, 0.30);
    TestAudio.toneWav(ds.resolve("late/b.wav"), 1.0, 0.60, 0.80);
    TestAudio.toneWav(ds.resolve("early/c.wav"), 1.0, 0.60, 0.80);
    TestAudio.toneWav(ds.resolve("late/d.wav"), 1.0, 0.60, 0.80);
    TestAudio.toneWav(ds.resolve("early/e.wav"), 1.0, 0.10, 0.30);
    Files.writeString(ds.resolve("early/broken.wav"), "not audio");
    Files.writeString(
        ds.resolve("manifest.csv"),
        """
        path,label,split
        early/a.wav,early,test
        late/b.wav,late,test
        early/c.wav,early,test
        late/d.wav,late,test
        early/broken.wav,early,test
        early/e.wav,early,train
        """);
    Files.writeString(
        ds.resolve("keyword_spans.csv"),
        """
        clip,start_s,end_s
        early/a.wav,0.1,0.3
        late/b.wav,0.6,0.8
        early/c.wav,0.6,0.8
        late/d.wav,0.1,0.3
        early/e.wav,0.1,0.3
        """);
    return ds;
  }

  @Test
  void evaluateReportsAccuracyAndPeakInSpanAndReusesTheKnowledgeCache() throws IOException {
    Path ds = dataset();
    Path ws = tmp.resolve("ws");
    String[] r =
        run(
            "--workspace",
            ws.toString(),
            "teacher",
            "evaluate",
            "--teacher",
            teacherDir.toString(),
            "--dataset",
            ds.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1])
        .contains(
            "test split: 4 clips, 1 left out",
            "accuracy: 0.7500 (3/4)",
            "rollout (mean heads) peak in keyword span: 0.7500 (3/4 clips with a span)");
    assertThat(r[2]).contains("early/broken.wav");
    assertThat(fake.calls.get()).isEqualTo(4);

    String[] again =
        run(
            "--workspace",
            ws.toString(),
            "teacher",
            "evaluate",
            "--teacher",
            teacherDir.toString(),
            "--dataset",
            ds.toString(),
            "--json");
    assertThat(again[0]).as(again[2]).isEqualTo("0");
    assertThat(fake.calls.get()).as("second run reads the knowledge cache").isEqualTo(4);
    JsonNode j = Json.mapper().readTree(again[1]);
    assertThat(j.get("metric").asText()).isEqualTo("accuracy");
    assertThat(j.get("value").asDouble()).isEqualTo(0.75);
    assertThat(j.get("clips").asInt()).isEqualTo(4);
    assertThat(j.get("left_out").get(0).asText()).isEqualTo("early/broken.wav");
    JsonNode p = j.get("peak_in_span");
    assertThat(p.get("inside").asInt()).isEqualTo(3);
    assertThat(p.get("share").asDouble()).isEqualTo(0.75);
    // only late/d is outside: its peak (in 0.6–0.8) is 0.3–0.5 s after its span's end, over 4 clips
    assertThat(p.get("mean_distance_s").asDouble()).isBetween(0.3 / 4, 0.5 / 4);
  }

  /** --per-clip names each clip's prediction and peak: the wrong clip and the misplaced peak. */
  @Test
  void evaluateWritesEachClipsOutcome() throws IOException {
    Path ds = dataset();
    Path csv = tmp.resolve("out/per-clip.csv");
    Files.createDirectories(csv.getParent());
    String[] r = run("--workspace", tmp.resolve("ws").toString(), "teacher", "evaluate", "--teacher", teacherDir.toString(),
        "--dataset", ds.toString(), "--per-clip", csv.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    List<String> rows = Files.readAllLines(csv);
    assertThat(rows.get(0)).isEqualTo("clip,labels,predicted,correct,peak_s,span_start_s,span_end_s,peak_inside");
    assertThat(rows).hasSize(5); // the 4 readable test clips
    java.util.Map<String, String[]> byClip = new java.util.HashMap<>();
    rows.stream().skip(1).forEach(l -> byClip.put(l.split(",")[0], l.split(",", -1)));
    assertThat(byClip.get("early/a.wav")).startsWith("early/a.wav", "early", "early", "true");
    assertThat(byClip.get("early/c.wav")).as("late tone, labelled early").startsWith("early/c.wav", "early", "late", "false");
    assertThat(byClip.get("early/c.wav")[7]).isEqualTo("true");
    String[] d = byClip.get("late/d.wav");
    assertThat(d[3]).isEqualTo("true");
    assertThat(Double.parseDouble(d[4])).as("the tone's peak").isBetween(0.6, 0.8);
    assertThat(d[5] + "-" + d[6]).isEqualTo("0.100-0.300");
    assertThat(d[7]).isEqualTo("false");
    assertThat(byClip).doesNotContainKey("early/broken.wav");

    Files.writeString(tmp.resolve("a-file"), "x"); // a parent that is a file: nowhere to write
    String[] bad = run("--workspace", tmp.resolve("ws").toString(), "teacher", "evaluate", "--teacher", teacherDir.toString(),
        "--dataset", ds.toString(), "--per-clip", tmp.resolve("a-file/x.csv").toString());
    assertThat(bad[0]).isEqualTo("1");
    assertThat(bad[2]).contains("--per-clip: cannot write").contains("x.csv");

    // Never among the dataset's own files: its keyword_spans.csv stays as it was.
    Path spans = ds.resolve("keyword_spans.csv");
    byte[] before = Files.readAllBytes(spans);
    String[] inside = run("--workspace", tmp.resolve("ws").toString(), "teacher", "evaluate", "--teacher", teacherDir.toString(),
        "--dataset", ds.toString(), "--per-clip", spans.toString());
    assertThat(inside[0]).isEqualTo("2");
    assertThat(inside[2]).contains("--per-clip: must not be inside " + ds).contains("files this command reads");
    assertThat(Files.readAllBytes(spans)).isEqualTo(before);
  }

  /** The attention CSV never replaces the audio it was computed from. */
  @Test
  void attentionRefusesToWriteOverItsInput() throws IOException {
    Path wav = tmp.resolve("clip.wav");
    TestAudio.toneWav(wav, 1.0, 0.60, 0.80);
    byte[] before = Files.readAllBytes(wav);
    String[] r = run("teacher", "attention", "--teacher", teacherDir.toString(), "--input", wav.toString(), "--output", wav.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--output: must not be the input file");
    assertThat(Files.readAllBytes(wav)).isEqualTo(before);
    Path intoTeacher = teacherDir.resolve("curve.csv");
    r = run("teacher", "attention", "--teacher", teacherDir.toString(), "--input", wav.toString(), "--output", intoTeacher.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--output: must not be inside " + teacherDir);
    assertThat(intoTeacher).doesNotExist();
  }

  @Test
  void evaluateRefusesATeacherOfOtherClasses() throws IOException {
    Path ds = dataset();
    fake = new FakeTeacher(List.of("yes", "no"));
    String[] r =
        run(
            "--workspace",
            tmp.resolve("ws").toString(),
            "teacher",
            "evaluate",
            "--teacher",
            teacherDir.toString(),
            "--dataset",
            ds.toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("labels the teacher does not know: early, late");
  }

  @Test
  void evaluateMeasuresImportedKnowledgeWithoutATeacher() throws IOException {
    Path ds = dataset();
    Path k = Files.createDirectories(tmp.resolve("imported"));
    Files.writeString(
        k.resolve("logits.csv"),
        """
        clip_id,early,late
        early/a.wav,2,0
        late/b.wav,0,2
        early/c.wav,0,2
        late/d.wav,0,2
        early/broken.wav,2,0
        """);
    // two tokens at 0.25 s and 0.75 s
    Files.writeString(
        k.resolve("curves.csv"),
        """
        clip_id,t0,t1
        early/a.wav,0.9,0.1
        late/b.wav,0.1,0.9
        early/c.wav,0.1,0.9
        late/d.wav,0.1,0.9
        early/broken.wav,0.5,0.5
        """);
    Files.writeString(
        k.resolve("meta.json"), "{\"token_rate_hz\": 2, \"first_token_time_s\": 0.25}");
    String[] r =
        run(
            "teacher",
            "evaluate",
            "--knowledge",
            k.toString(),
            "--dataset",
            ds.toString(),
            "--json");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    JsonNode j = Json.mapper().readTree(r[1]);
    assertThat(j.get("value").asDouble()).isEqualTo(0.8);
    assertThat(j.get("teacher").asText()).isEqualTo("imported");
    assertThat(j.get("method").asText()).isEqualTo("imported-curves");
    // late/d's peak (0.75 s) is 0.45 s after its span [0.1, 0.3); early/broken has no span row
    JsonNode p = j.get("peak_in_span");
    assertThat(p.get("inside").asInt()).isEqualTo(3);
    assertThat(p.get("clips").asInt()).isEqualTo(4);
    assertThat(p.get("clips_without_span").asInt()).isEqualTo(1);
    assertThat(p.get("mean_distance_s").asDouble())
        .isCloseTo(0.45 / 4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(fake.calls.get()).isZero();

    Files.writeString(k.resolve("curves.csv"), "clip_id,t0,t1\nearly/a.wav,0.9,0.1\n");
    r = run("teacher", "evaluate", "--knowledge", k.toString(), "--dataset", ds.toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2])
        .contains("cannot be used", "curves.csv: no row for clips of logits.csv: 4 clips");

    r =
        run(
            "teacher",
            "evaluate",
            "--knowledge",
            k.toString(),
            "--teacher",
            teacherDir.toString(),
            "--dataset",
            ds.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("either --teacher DIR or --knowledge FILE");
  }
}
