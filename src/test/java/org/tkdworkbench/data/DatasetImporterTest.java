package org.tkdworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;

class DatasetImporterTest {
  @TempDir Path tmp;

  private static ImportReport report(DatasetIndex index, int threads) {
    return new DatasetImporter(new AudioDecoder(java.util.Optional.empty()), threads)
        .report(index, JobContext.none());
  }

  @Test
  void fsd50kReportCountsEveryLabelAndRefusesBrokenAudio() throws IOException {
    DatasetFixtures.fsd50k(tmp);
    DatasetIndex index = Datasets.index(tmp, null, LayoutOptions.defaults(), JobContext.none());

    ImportReport r = report(index, 2);

    assertThat(r.refused())
        .extracting(Refusal::path, Refusal::reason)
        .containsExactlyInAnyOrder(
            tuple("FSD50K.dev_audio/16401.wav", Refusal.Reason.LABEL_NOT_IN_VOCABULARY),
            tuple("FSD50K.dev_audio/16402.wav", Refusal.Reason.MISSING),
            tuple("FSD50K.dev_audio/16403.wav", Refusal.Reason.BAD_METADATA),
            tuple("FSD50K.dev_audio/16404.wav", Refusal.Reason.EMPTY),
            tuple("FSD50K.dev_audio/16405.wav", Refusal.Reason.TRUNCATED));
    assertThat(r.refused()).extracting(Refusal::path).isSorted();
    assertThat(r.index().clips())
        .extracting(Clip::id)
        .containsExactly(
            "FSD50K.dev_audio/16399.wav",
            "FSD50K.dev_audio/16400.wav",
            "FSD50K.dev_audio/64760.wav",
            "FSD50K.eval_audio/21914.wav",
            "FSD50K.eval_audio/37199.wav");
    assertThat(r.index().refused()).isEqualTo(r.refused());
    assertThat(r.perSplit())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Split.TRAIN, 2, Split.VALIDATION, 1, Split.TEST, 2));
    // a multi-label clip counts once under each label; vocabulary classes without clips are listed
    // with zeros
    assertThat(r.perClass().get("Music"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Split.TRAIN, 0, Split.VALIDATION, 1, Split.TEST, 1));
    assertThat(r.perClass().get("Guitar"))
        .containsEntry(Split.VALIDATION, 1)
        .containsEntry(Split.TEST, 1);
    assertThat(r.perClass().get("Bark")).containsEntry(Split.TRAIN, 1);
    assertThat(r.perClass().get("Rain")).containsEntry(Split.TRAIN, 1).containsEntry(Split.TEST, 1);
    assertThat(r.perClass())
        .containsOnlyKeys("Bark", "Dog", "Domestic_animals_and_pets", "Guitar", "Music", "Rain");
    assertThat(r.totalSeconds()).isCloseTo(2.0 + 0.5 + 3.0 + 1.0 + 1.0, within(1e-3));
    assertThat(r.minSeconds()).isCloseTo(0.5, within(1e-3));
    assertThat(r.maxSeconds()).isCloseTo(3.0, within(1e-3));
    assertThat(r.sampleRates()).containsExactly(Map.entry(4410, 5));
  }

  @Test
  void esc50TextFileNamedWavIsRefusedAsNotAudio() throws IOException {
    Path root = tmp.resolve("ESC-50-master");
    DatasetFixtures.esc50(root);
    ImportReport r =
        report(Datasets.index(root, null, LayoutOptions.defaults(), JobContext.none()), 1);
    assertThat(r.refused())
        .filteredOn(f -> f.reason() == Refusal.Reason.NOT_AUDIO)
        .extracting(Refusal::path)
        .containsExactly("audio/4-555-A-10.wav");
    assertThat(r.refused()).hasSize(5);
    assertThat(r.index().clips()).hasSize(10);
    assertThat(r.perClass()).containsOnlyKeys("dog", "rain");
    assertThat(r.perClass().get("dog")).containsEntry(Split.TEST, 1).containsEntry(Split.TRAIN, 4);
  }

  @Test
  void noiseFilesAreProbedAndBrokenOnesDropped() throws IOException {
    DatasetFixtures.speechCommands(tmp);
    DatasetFixtures.empty(tmp.resolve("_background_noise_/silence.wav"));
    ImportReport r =
        report(Datasets.index(tmp, null, LayoutOptions.defaults(), JobContext.none()), 2);
    assertThat(r.index().noiseFiles())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("white_noise.wav");
    assertThat(r.refused())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).isEqualTo("_background_noise_/silence.wav");
              assertThat(f.reason()).isEqualTo(Refusal.Reason.EMPTY);
            });
    assertThat(r.perSplit())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Split.TRAIN, 2, Split.VALIDATION, 2, Split.TEST, 2));
    assertThat(r.sampleRates()).containsExactly(Map.entry(16000, 6));
  }

  /** A WAV header with no audio after it (0 samples) is "empty" to the user, like a 0-byte file. */
  @Test
  void aHeaderWithoutSamplesIsRefusedAsEmpty() throws IOException {
    DatasetFixtures.speechCommands(tmp);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
    b.putInt(16000).putInt(32000).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes()).putInt(0);
    java.nio.file.Files.write(tmp.resolve("_background_noise_/header-only.wav"), b.array());
    ImportReport r = report(Datasets.index(tmp, null, LayoutOptions.defaults(), JobContext.none()), 1);
    assertThat(r.refused())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.path()).isEqualTo("_background_noise_/header-only.wav");
          assertThat(f.reason()).isEqualTo(Refusal.Reason.EMPTY);
          assertThat(f.detail()).contains("no whole frame");
        });
  }

  @Test
  void theSameReportWhateverTheThreadCount() throws IOException {
    DatasetFixtures.fsd50k(tmp);
    DatasetIndex index = Datasets.index(tmp, null, LayoutOptions.defaults(), JobContext.none());
    ImportReport one = report(index, 1);
    ImportReport four = report(index, 4);
    assertThat(ImportReportFormat.toJson(four)).isEqualTo(ImportReportFormat.toJson(one));
  }

  @Test
  void aClipThatVanishedBeforeTheProbeIsMissingNotUnreadable() throws IOException {
    Path root = tmp.resolve("sc");
    DatasetFixtures.wav(root.resolve("yes/a.wav"));
    Path b = DatasetFixtures.wav(root.resolve("yes/b.wav"));
    DatasetIndex index = SpeechCommandsIndexer.index(root, JobContext.none());
    java.nio.file.Files.delete(b);
    ImportReport r = report(index, 1);
    assertThat(r.index().refused())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.path()).isEqualTo("yes/b.wav");
              assertThat(x.reason()).isEqualTo(Refusal.Reason.MISSING);
            });
  }

  @Test
  void anEmptyDatasetGivesZeros() throws IOException {
    DatasetIndex index =
        Datasets.index(tmp, Layout.FOLDERS, LayoutOptions.defaults(), JobContext.none());
    ImportReport r = report(index, 2);
    assertThat(r.totalSeconds()).isZero();
    assertThat(r.minSeconds()).isZero();
    assertThat(r.maxSeconds()).isZero();
    assertThat(r.perClass()).isEmpty();
  }

  @Test
  void reportsProgressAndStopsWhenCancelled() throws IOException {
    for (int i = 0; i < 250; i++) {
      DatasetFixtures.wav(tmp.resolve("yes/" + i + ".wav"), 0.01, 16000);
    }
    DatasetIndex index =
        Datasets.index(tmp, Layout.FOLDERS, LayoutOptions.defaults(), JobContext.none());
    List<Long> done = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    JobContext counting =
        new JobContext() {
          @Override
          public void progress(long d, long total, String message) {
            done.add(d);
            threads.add(Thread.currentThread().getName());
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };
    new DatasetImporter(new AudioDecoder(java.util.Optional.empty()), 2).report(index, counting);
    assertThat(done).last().isEqualTo(250L);
    assertThat(done).isSorted();
    assertThat(threads)
        .containsOnly(Thread.currentThread().getName()); // only the job's thread reports

    AtomicBoolean cancel = new AtomicBoolean();
    JobContext cancelling =
        new JobContext() {
          @Override
          public void progress(long d, long total, String message) {}

          @Override
          public boolean isCancelled() {
            return cancel.getAndSet(true); // false for the first question, then cancelled
          }
        };
    assertThatThrownBy(
            () ->
                new DatasetImporter(new AudioDecoder(java.util.Optional.empty()), 2)
                    .report(index, cancelling))
        .isInstanceOf(CancelledException.class);
  }

  @Test
  void threadsMustBePositive() {
    assertThatThrownBy(() -> new DatasetImporter(new AudioDecoder(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads");
  }
}
