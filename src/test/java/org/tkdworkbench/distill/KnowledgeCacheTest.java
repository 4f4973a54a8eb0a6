package org.tkdworkbench.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.Datasets;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.features.FeatureCache;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;

class KnowledgeCacheTest {
  @TempDir Path tmp;
  DatasetIndex index;
  FeatureCache features;
  final AudioDecoder decoder = new AudioDecoder(java.util.Optional.empty());
  final FakeTeacher teacher = new FakeTeacher(List.of("early", "late"));

  @BeforeEach
  void dataset() throws IOException {
    Path ds = tmp.resolve("ds");
    TestAudio.toneWav(ds.resolve("early/a.wav"), 1.0, 0.10, 0.30);
    TestAudio.toneWav(ds.resolve("late/b.wav"), 1.0, 0.60, 0.80);
    Files.createDirectories(ds.resolve("late"));
    Files.writeString(ds.resolve("late/broken.wav"), "not audio");
    index = Datasets.index(ds, null, LayoutOptions.defaults(), JobContext.none());
    features = new FeatureCache(tmp.resolve("features"));
  }

  private Knowledge get(KnowledgeCache cache, RolloutMethod m) throws IOException {
    return cache.get(teacher, "fake@1", index, features, decoder, m, HeadFusion.MEAN, JobContext.none());
  }

  @Test
  void computesEveryReadableClipOnceAndReadsTheFileTheSecondTime() throws IOException {
    assertThat(index.clips()).hasSize(3);
    KnowledgeCache cache = new KnowledgeCache(tmp.resolve("knowledge"));
    Knowledge first = get(cache, RolloutMethod.ROLLOUT);
    assertThat(teacher.calls.get()).isEqualTo(2);
    assertThat(first.clips()).containsOnlyKeys("early/a.wav", "late/b.wav");
    assertThat(first.warnings()).singleElement().asString().contains("late/broken.wav");
    assertThat(first.classes()).containsExactly("early", "late");
    assertThat(first.source()).isEqualTo("fake@1");
    ClipKnowledge a = first.clips().get("early/a.wav");
    // the peak token's centre lies in the tone
    double peak = a.times()[PeakInSpan.argmax(a.curve())];
    assertThat(peak).isBetween(0.10, 0.30);
    assertThat(PeakInSpan.measure(first.clips().get("late/b.wav"), 0.6, 0.8).inside()).isTrue();
    double sum = 0;
    for (float v : a.curve()) {
      sum += v;
    }
    assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));

    Knowledge second = get(new KnowledgeCache(tmp.resolve("knowledge")), RolloutMethod.ROLLOUT);
    assertThat(teacher.calls.get()).isEqualTo(2);
    assertSame(first, second);

    // another method is another entry
    get(cache, RolloutMethod.LAST_LAYER);
    assertThat(teacher.calls.get()).isEqualTo(4);
    assertThat(knowledgeFiles()).hasSize(2);
  }

  @Test
  void aCorruptFileIsRecomputedAndReplacedNeverReturned() throws IOException {
    KnowledgeCache cache = new KnowledgeCache(tmp.resolve("knowledge"));
    Knowledge first = get(cache, RolloutMethod.ROLLOUT);
    Path file = knowledgeFiles().get(0);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(file, bytes);
    Knowledge again = get(cache, RolloutMethod.ROLLOUT);
    assertThat(teacher.calls.get()).isEqualTo(4);
    assertSame(first, again);
    // truncated too
    Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 20));
    assertSame(first, get(cache, RolloutMethod.ROLLOUT));
    assertThat(teacher.calls.get()).isEqualTo(6);
    get(cache, RolloutMethod.ROLLOUT);
    assertThat(teacher.calls.get()).isEqualTo(6);
  }

  @Test
  void aChangedDatasetOrTeacherIdMisses() throws IOException {
    KnowledgeCache cache = new KnowledgeCache(tmp.resolve("knowledge"));
    get(cache, RolloutMethod.ROLLOUT);
    cache.get(teacher, "fake@2", index, features, decoder, RolloutMethod.ROLLOUT, HeadFusion.MEAN, JobContext.none());
    assertThat(teacher.calls.get()).isEqualTo(4);
    TestAudio.toneWav(index.root().resolve("early/c.wav"), 1.0, 0.2, 0.4);
    DatasetIndex more = Datasets.index(index.root(), null, LayoutOptions.defaults(), JobContext.none());
    cache.get(teacher, "fake@1", more, features, decoder, RolloutMethod.ROLLOUT, HeadFusion.MEAN, JobContext.none());
    assertThat(teacher.calls.get()).isEqualTo(7);
  }

  @Test
  void aCancelledJobStoresNothing() throws IOException {
    KnowledgeCache cache = new KnowledgeCache(tmp.resolve("knowledge"));
    JobContext cancelAfterFirst =
        new JobContext() {
          int seen;

          @Override
          public void progress(long done, long total, String message) {
            seen = (int) done;
          }

          @Override
          public boolean isCancelled() {
            return seen >= 1;
          }
        };
    assertThrows(
        CancelledException.class,
        () -> cache.get(teacher, "fake@1", index, features, decoder, RolloutMethod.ROLLOUT, HeadFusion.MEAN, cancelAfterFirst));
    assertThat(teacher.calls.get()).isEqualTo(1);
    assertThat(knowledgeFiles()).isEmpty();
  }

  @Test
  void teacherIdChangesWithTheParameters() throws IOException {
    Path t = tmp.resolve("teachers/kws");
    Files.createDirectories(t);
    Files.writeString(t.resolve("spec.json"), "{}");
    Files.write(t.resolve("teacher-0001.params"), new byte[] {1, 2, 3});
    Files.writeString(t.resolve("metrics.csv"), "epoch\n");
    String id = KnowledgeCache.teacherId(t);
    assertThat(id).startsWith("kws@").hasSize(4 + 16);
    Files.writeString(t.resolve("metrics.csv"), "epoch\n1\n");
    assertThat(KnowledgeCache.teacherId(t)).isEqualTo(id);
    Files.write(t.resolve("teacher-0001.params"), new byte[] {1, 2, 4});
    assertThat(KnowledgeCache.teacherId(t)).isNotEqualTo(id);
  }

  private List<Path> knowledgeFiles() throws IOException {
    Path dir = tmp.resolve("knowledge");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".knowledge")).toList();
    }
  }

  static void assertSame(Knowledge a, Knowledge b) {
    assertThat(b.source()).isEqualTo(a.source());
    assertThat(b.classes()).isEqualTo(a.classes());
    assertThat(b.method()).isEqualTo(a.method());
    assertThat(b.fusion()).isEqualTo(a.fusion());
    assertThat(b.warnings()).isEqualTo(a.warnings());
    assertThat(b.clips().keySet()).containsExactlyElementsOf(a.clips().keySet());
    for (String id : a.clips().keySet()) {
      ClipKnowledge x = a.clips().get(id);
      ClipKnowledge y = b.clips().get(id);
      assertThat(y.logits()).containsExactly(x.logits());
      assertThat(y.curve()).containsExactly(x.curve());
      assertThat(y.times()).containsExactly(x.times());
    }
  }
}
