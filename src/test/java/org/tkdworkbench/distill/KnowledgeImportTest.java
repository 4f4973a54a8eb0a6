package org.tkdworkbench.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.Datasets;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.jobs.JobContext;

/**
 * Imports files written by NumPy ({@code src/test/python/write_knowledge_npz.py}, read through
 * DJL) and CSV folders, against a dataset with test clips early/a, late/b, early/c and a train clip
 * early/e.
 */
class KnowledgeImportTest {
  @TempDir Path tmp;
  DatasetIndex dataset;
  static final Set<Split> TEST = EnumSet.of(Split.TEST);

  @BeforeEach
  void dataset() throws IOException {
    Path ds = tmp.resolve("ds");
    for (String id : List.of("early/a.wav", "late/b.wav", "early/c.wav", "early/e.wav")) {
      TestAudio.toneWav(ds.resolve(id), 0.1, 0, 0.05);
    }
    Files.writeString(ds.resolve("manifest.csv"), """
        path,label,split
        early/a.wav,early,test
        late/b.wav,late,test
        early/c.wav,early,test
        early/e.wav,early,train
        """);
    dataset = Datasets.index(ds, null, LayoutOptions.defaults(), JobContext.none());
    assertThat(dataset.clips()).hasSize(4);
  }

  private static Path fixture(String name) {
    try {
      return Path.of(KnowledgeImportTest.class.getResource("/knowledge/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private Knowledge read(Path p) throws Exception {
    return KnowledgeImport.read(p, dataset, TEST, RolloutMethod.ROLLOUT, HeadFusion.MEAN);
  }

  private List<String> problems(Path p) {
    return assertThrows(KnowledgeFormatException.class, () -> read(p)).problems();
  }

  @Test
  void readsCurvesWrittenByNumpy() throws Exception {
    for (String f : List.of("curves.npz", "curves_compressed.npz")) {
      Knowledge k = read(fixture(f));
      assertThat(k.source()).isEqualTo(f);
      assertThat(k.classes()).containsExactly("early", "late");
      assertThat(k.method()).isNull();
      assertThat(k.clips()).containsOnlyKeys("early/a.wav", "late/b.wav", "early/c.wav");
      ClipKnowledge a = k.clips().get("early/a.wav");
      assertThat(a.logits()).containsExactly(2.5f, -1.0f);
      assertThat(a.curve()).containsExactly(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, within(1e-6f));
      // token t at first_token_time_s + t / token_rate_hz; the default first time is half a period
      assertThat(a.times()).containsExactly(new double[] {0.02, 0.06, 0.10, 0.14}, within(1e-12));
      assertThat(k.clips().get("late/b.wav").logits()).containsExactly(0.25f, 3.0f);
    }
  }

  @Test
  void rollsOutFullAttentionMapsAndHonoursLengths() throws Exception {
    Knowledge k = read(fixture("attention.npz"));
    assertThat(k.method()).isEqualTo(RolloutMethod.ROLLOUT);
    // the hand-worked layers of RolloutTest: rollout [5/12, 7/12]
    assertThat(k.clips().get("early/a.wav").curve()).containsExactly(new float[] {5f / 12, 7f / 12}, within(1e-6f));
    assertThat(k.clips().get("early/a.wav").times()).containsExactly(new double[] {0.01, 0.03}, within(1e-12));
    // lengths[2] = 1: one valid token
    assertThat(k.clips().get("early/c.wav").curve()).containsExactly(1f);
    Knowledge last = KnowledgeImport.read(fixture("attention.npz"), dataset, TEST, RolloutMethod.LAST_LAYER, HeadFusion.MEAN);
    assertThat(last.clips().get("late/b.wav").curve()).containsExactly(new float[] {0.2f, 0.8f}, within(1e-6f));
  }

  @Test
  void numpyStringArraysAndFortranOrderAreExplained() {
    assertThat(problems(fixture("string_ids.npz")))
        .singleElement().asString().contains("clip_ids", "string arrays", "np.frombuffer");
    assertThat(problems(fixture("fortran.npz")))
        .singleElement().asString().contains("logits", "Fortran order", "np.ascontiguousarray");
  }

  @Test
  void mismatchedIdsClassesAndCurvesAreAllReportedByName() {
    List<String> p = problems(fixture("bad.npz"));
    assertThat(String.join("\n", p))
        .contains("clip_ids not in dataset", "zzz/unknown.wav")
        .contains("dataset clips missing from the file", "early/c.wav")
        .contains("classes: expected 2 (the dataset's), found 3")
        .contains("classes not in the dataset: other")
        .contains("do not sum to 1", "early/a.wav (sum 2");
    List<String> values = problems(fixture("bad_values.npz"));
    assertThat(String.join("\n", values)).contains("late/b.wav (early = NaN)", "early/a.wav (sum 2");
  }

  @Test
  void requiredSplitsDecideWhichMissingClipsAreProblems() throws Exception {
    List<String> p =
        assertThrows(
                KnowledgeFormatException.class,
                () -> KnowledgeImport.read(fixture("curves.npz"), dataset, EnumSet.allOf(Split.class), RolloutMethod.ROLLOUT, HeadFusion.MEAN))
            .problems();
    assertThat(p).singleElement().asString().contains("missing from the file", "1 clip: early/e.wav");
  }

  @Test
  void notAnNpzIsSaidSo() throws IOException {
    Path f = tmp.resolve("k.npz");
    Files.writeString(f, "hello");
    assertThat(problems(f)).singleElement().asString().contains("not an NPZ file");
  }

  private Path csvFolder(String logits, String curves, String meta) throws IOException {
    Path d = Files.createDirectories(tmp.resolve("csv"));
    Files.writeString(d.resolve("logits.csv"), logits);
    Files.writeString(d.resolve("curves.csv"), curves);
    Files.writeString(d.resolve("meta.json"), meta);
    return d;
  }

  @Test
  void readsACsvFolderWithClassNamesInTheHeaderAndRaggedCurves() throws Exception {
    Path d = csvFolder("""
        clip_id,late,early
        early/a.wav,-1,2.5
        late/b.wav,3,0.25
        "early/c.wav",0.5,1
        """, """
        clip_id,t0,t1,t2
        late/b.wav,0.5,0.25,0.25
        early/a.wav,0.25,0.75,
        early/c.wav,1,,
        """, """
        {"token_rate_hz": 10, "first_token_time_s": 0.0}
        """);
    Knowledge k = read(d);
    assertThat(k.classes()).containsExactly("late", "early");
    assertThat(k.clips().get("early/a.wav").logits()).containsExactly(-1f, 2.5f);
    assertThat(k.clips().get("early/a.wav").curve()).containsExactly(0.25f, 0.75f);
    assertThat(k.clips().get("early/a.wav").times()).containsExactly(new double[] {0.0, 0.1}, within(1e-12));
    assertThat(k.clips().get("early/c.wav").curve()).containsExactly(1f);
    assertThat(k.clips().get("late/b.wav").curve()).hasSize(3);
  }

  @Test
  void csvProblemsNameFileLineAndClip() throws Exception {
    Path d = csvFolder("""
        clip_id,early,late
        early/a.wav,1,x
        late/b.wav,1,2
        early/c.wav,1,2
        """, """
        clip_id,t0,t1
        early/a.wav,0.5,0.5
        late/b.wav,0.5,0.5
        """, "{}");
    String p = String.join("\n", problems(d));
    assertThat(p).contains("logits.csv: line 2, column 3: not a number: 'x'")
        .contains("curves.csv: no row for clips of logits.csv: 1 clip: early/c.wav")
        .doesNotContain("token_rate_hz");
    Files.writeString(d.resolve("logits.csv"), "clip_id,early,late\nearly/a.wav,1,2\nlate/b.wav,1,2\nearly/c.wav,1,2\n");
    Files.writeString(d.resolve("curves.csv"), "clip_id,t0,t1\nearly/a.wav,0.5,0.5\nlate/b.wav,0.5,0.5\nearly/c.wav,-0.5,1.5\n");
    p = String.join("\n", problems(d));
    assertThat(p).contains("token_rate_hz: missing", "early/c.wav (t0 = -0.5)");
    Files.delete(d.resolve("meta.json"));
    assertThat(problems(d)).singleElement().asString().contains("meta.json is missing");
  }
}
