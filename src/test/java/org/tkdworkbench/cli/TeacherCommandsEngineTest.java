package org.tkdworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.distill.TestAudio;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.models.DjlAttentionTeacher;
import org.tkdworkbench.models.TeacherConfig;
import org.tkdworkbench.models.TeacherSpec;
import org.tkdworkbench.workspace.Json;

/** The teacher commands on a real (untrained) DJL teacher saved and reopened by TeacherStore. */
@Tag("engine")
class TeacherCommandsEngineTest {
  @TempDir Path tmp;

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WorkbenchCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  private Path savedTeacher(List<String> classes) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("teacher"));
    TeacherConfig cfg = new TeacherConfig(4, 4, 16, 2, 2, 32, 0.0);
    try (Model m = DjlAttentionTeacher.newModel(cfg, 40, classes.size())) {
      DjlAttentionTeacher.initialize(m);
      m.save(dir, "teacher");
    }
    TeacherSpec spec =
        new TeacherSpec(
            1, FeatureSpec.defaults(), classes, false, cfg, "MXNet", "1.9.1", "none", 1);
    Files.write(dir.resolve("spec.json"), Json.mapper().writeValueAsBytes(spec));
    return dir;
  }

  @Test
  void attentionAndEvaluateRunOnASavedTeacher() throws IOException {
    Path teacher = savedTeacher(List.of("early", "late"));
    Path wav = tmp.resolve("ds/early/a.wav");
    TestAudio.toneWav(wav, 2.0, 0.1, 0.3);
    TestAudio.toneWav(tmp.resolve("ds/late/b.wav"), 2.0, 1.5, 1.7);
    Files.writeString(
        tmp.resolve("ds/manifest.csv"),
        "path,label,split\nearly/a.wav,early,test\nlate/b.wav,late,test\n");
    Files.writeString(
        tmp.resolve("ds/keyword_spans.csv"),
        "clip,start_s,end_s\nearly/a.wav,0.1,0.3\nlate/b.wav,1.5,1.7\n");

    Path csv = tmp.resolve("a.csv");
    String[] r =
        run(
            "teacher",
            "attention",
            "--teacher",
            teacher.toString(),
            "--input",
            wav.toString(),
            "--output",
            csv.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    // 2 s → 201 frames → 1 + (201 − 4)/4 = 50 tokens
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(51);
    double sum = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).sum();
    assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

    Path ws = tmp.resolve("ws");
    r =
        run(
            "--workspace",
            ws.toString(),
            "teacher",
            "evaluate",
            "--teacher",
            teacher.toString(),
            "--dataset",
            tmp.resolve("ds").toString(),
            "--json");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    JsonNode j = Json.mapper().readTree(r[1]);
    assertThat(j.get("clips").asInt()).isEqualTo(2);
    assertThat(j.get("peak_in_span").get("clips").asInt()).isEqualTo(2);

    r =
        run(
            "teacher",
            "attention",
            "--teacher",
            tmp.toString(),
            "--input",
            wav.toString(),
            "--output",
            csv.toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("cannot open teacher " + tmp, "spec.json");
  }
}
