package org.tkdworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.audio.AudioFiles;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;

class SpeechCommandsIndexerTest {
  @TempDir Path root;

  /** Empty files are enough: the indexer must never open the audio. */
  private Path touch(String rel) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.write(p, new byte[0]);
  }

  private void list(String name, String... lines) throws IOException {
    Files.write(root.resolve(name), List.of(lines));
  }

  private Map<String, Split> splits(DatasetIndex index) {
    return index.clips().stream().collect(Collectors.toMap(Clip::id, Clip::split));
  }

  @Test
  void splitsComeFromTheListsAndEverythingElseIsTrain() throws IOException {
    touch("yes/a.wav");
    touch("yes/b.wav");
    touch("yes/c.wav");
    touch("no/a.wav");
    touch("no/b.WAV");
    list(SpeechCommandsIndexer.VALIDATION_LIST, "yes/b.wav", "");
    list(SpeechCommandsIndexer.TESTING_LIST, "yes\\c.wav", "no/a.wav");

    DatasetIndex index = SpeechCommandsIndexer.index(root, JobContext.none());

    assertThat(splits(index))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "yes/a.wav", Split.TRAIN,
                "yes/b.wav", Split.VALIDATION,
                "yes/c.wav", Split.TEST,
                "no/a.wav", Split.TEST,
                "no/b.WAV", Split.TRAIN));
    assertThat(index.labels()).containsExactly("no", "yes");
    assertThat(index.clips()).extracting(Clip::id).isSorted();
    assertThat(index.countBySplit())
        .containsEntry(Split.TRAIN, 2)
        .containsEntry(Split.VALIDATION, 1)
        .containsEntry(Split.TEST, 2);
    assertThat(index.refused().stream().filter(r -> r.reason() == Refusal.Reason.MISSING).count())
        .isZero();
    assertThat(index.warnings()).isEmpty();
    Clip c = index.clips().get(0);
    assertThat(c.path()).isAbsolute().isEqualTo(root.toAbsolutePath().resolve("no/a.wav"));
    assertThat(c.label()).isEqualTo("no");
    assertThat(c.fileName()).isEqualTo("a.wav");
  }

  @Test
  void noiseFolderIsANoiseSourceNotAClass() throws IOException {
    touch("yes/a.wav");
    touch("_background_noise_/white_noise.wav");
    touch("_background_noise_/pink_noise.wav");
    touch("_background_noise_/README.md");

    DatasetIndex index = SpeechCommandsIndexer.index(root, JobContext.none());

    assertThat(index.labels()).containsExactly("yes");
    assertThat(index.clips()).extracting(Clip::id).containsExactly("yes/a.wav");
    assertThat(index.noiseFiles())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("pink_noise.wav", "white_noise.wav");
  }

  @Test
  void listedFilesThatDoNotExistAreIgnoredButCounted() throws IOException {
    touch("yes/a.wav");
    touch("yes/b.wav");
    list(SpeechCommandsIndexer.VALIDATION_LIST, "yes/b.wav", "yes/gone.wav");
    list(SpeechCommandsIndexer.TESTING_LIST, "no/gone1.wav", "no/gone2.wav");

    DatasetIndex index = SpeechCommandsIndexer.index(root, JobContext.none());

    assertThat(index.clips()).hasSize(2);
    assertThat(index.refused().stream().filter(r -> r.reason() == Refusal.Reason.MISSING).count())
        .isEqualTo(3);
    assertThat(index.warnings())
        .anySatisfy(w -> assertThat(w).startsWith("1 validation_list.txt").contains("gone.wav"))
        .anySatisfy(w -> assertThat(w).startsWith("2 testing_list.txt").contains("no/gone1.wav"));
  }

  @Test
  void folderPerClassWithoutListsIsAllTrainAtAnyDepthAndSkipsHiddenAndNonAudio()
      throws IOException {
    touch("dog/bark.flac");
    touch("dog/session1/deep/woof.ogg");
    touch("cat/meow.aiff");
    touch("cat/notes.txt");
    touch("cat/.hidden.wav");
    touch(".git/objects/x.wav");
    touch("cat/.cache/y.wav");
    touch("loose.wav");

    DatasetIndex index = SpeechCommandsIndexer.index(root, JobContext.none());

    assertThat(splits(index))
        .containsOnlyKeys("dog/bark.flac", "dog/session1/deep/woof.ogg", "cat/meow.aiff")
        .allSatisfy((id, split) -> assertThat(split).isEqualTo(Split.TRAIN));
    assertThat(index.clips())
        .filteredOn(c -> c.id().endsWith("woof.ogg"))
        .singleElement()
        .extracting(Clip::label)
        .isEqualTo("dog");
    assertThat(index.warnings()).singleElement().asString().contains("loose.wav");
  }

  @Test
  void audioFilesAreTheDecodersOwnList() {
    // The indexer once kept its own shorter list: AAC, WavPack or CAF clips were not indexed
    // although the decoder reads them.
    for (String ext : AudioFiles.EXTENSIONS) {
      assertThat(SpeechCommandsIndexer.isAudioFile("clip." + ext)).as(ext).isTrue();
      assertThat(SpeechCommandsIndexer.isAudioFile("CLIP." + ext.toUpperCase(Locale.ROOT)))
          .as(ext)
          .isTrue();
    }
    assertThat(AudioFiles.EXTENSIONS).contains("aac", "wv", "caf", "mp2", "wma");
    assertThat(SpeechCommandsIndexer.isAudioFile("notes.txt")).isFalse();
    assertThat(SpeechCommandsIndexer.isAudioFile(".wav")).isFalse();
  }

  @Test
  void symbolicLinksLeavingTheRootAreNotFollowedAndLinksInsideAreDuplicates(@TempDir Path outside)
      throws IOException {
    touch("yes/a.wav");
    touch("no/b.wav");
    Files.createDirectories(outside.resolve("secret"));
    Files.write(outside.resolve("secret/s.wav"), new byte[0]);
    Files.write(outside.resolve("stray.wav"), new byte[0]);
    Files.createSymbolicLink(root.resolve("leak"), outside.resolve("secret"));
    Files.createSymbolicLink(root.resolve("yes/stray.wav"), outside.resolve("stray.wav"));
    Files.createSymbolicLink(root.resolve("alias"), root.resolve("no"));

    DatasetIndex index = SpeechCommandsIndexer.index(root, JobContext.none());

    // alias/b.wav is no/b.wav again: importing it twice would leak it between splits.
    assertThat(index.clips())
        .extracting(Clip::id)
        .containsExactlyInAnyOrder("yes/a.wav", "no/b.wav");
    assertThat(index.refused())
        .anySatisfy(
            r -> {
              assertThat(r.path()).isEqualTo("alias/b.wav");
              assertThat(r.reason()).isEqualTo(Refusal.Reason.DUPLICATE);
              assertThat(r.detail()).contains("no/b.wav");
            });
    assertThat(index.warnings())
        .singleElement()
        .asString()
        .startsWith("2 symbolic links that lead outside the dataset folder");
  }

  @Test
  void aSymbolicLinkToAFileInsideTheRootIsADuplicateInTheFolderLayoutToo() throws IOException {
    touch("dog/a.wav");
    touch("cat/b.wav");
    Files.createSymbolicLink(root.resolve("cat/a-link.wav"), root.resolve("dog/a.wav"));

    DatasetIndex index =
        Datasets.index(root, Layout.FOLDERS, LayoutOptions.defaults(), JobContext.none());

    assertThat(index.clips())
        .extracting(Clip::id)
        .containsExactlyInAnyOrder("dog/a.wav", "cat/b.wav");
    assertThat(index.refused())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo("cat/a-link.wav");
              assertThat(r.reason()).isEqualTo(Refusal.Reason.DUPLICATE);
            });
  }

  @Test
  void brokenSymbolicLinksAreNamedInAWarning() throws IOException {
    touch("yes/a.wav");
    Files.createSymbolicLink(root.resolve("yes/dead.wav"), root.resolve("gone/nothing.wav"));
    Files.createSymbolicLink(root.resolve("lost"), root.resolve("gone"));

    DatasetIndex index = SpeechCommandsIndexer.index(root, JobContext.none());

    assertThat(index.clips()).extracting(Clip::id).containsExactly("yes/a.wav");
    assertThat(index.warnings())
        .singleElement()
        .asString()
        .startsWith("2 broken symbolic links (skipped)");
  }

  /**
   * An absolute path inside the dataset counts as the relative one it names, with a warning (a
   * script that wrote absolute paths keeps its split); an entry listed twice is named with both lines.
   */
  @Test
  void anAbsoluteListEntryInsideTheRootCountsWithAWarningAndARepeatedEntryIsNamed() throws IOException {
    touch("yes/a.wav");
    touch("yes/b.wav");
    touch("yes/c.wav");
    list(SpeechCommandsIndexer.VALIDATION_LIST, root.resolve("yes/b.wav").toString(), "yes/a.wav", "yes/a.wav");

    DatasetIndex index = SpeechCommandsIndexer.index(root, JobContext.none());

    assertThat(index.refused()).isEmpty();
    assertThat(index.clips().stream().filter(c -> c.split() == Split.VALIDATION).map(Clip::id))
        .containsExactly("yes/a.wav", "yes/b.wav");
    assertThat(index.warnings())
        .anySatisfy(w -> assertThat(w).contains("validation_list.txt entries written as absolute paths")
            .contains(root.resolve("yes/b.wav") + " (line 1)"))
        .anySatisfy(w -> assertThat(w).contains("validation_list.txt entries listed more than once")
            .contains("yes/a.wav (lines 2 and 3)"));
  }

  @Test
  void listEntriesNamingFilesThatAreNotClipsSayWhatTheyAreAndRefusedOnesAreNotRefusedTwice(
      @TempDir Path outside) throws IOException {
    touch("yes/a.wav");
    touch("_background_noise_/white.wav");
    touch("yes/.hidden.wav");
    touch("yes/notes.txt");
    Files.write(outside.resolve("s.wav"), new byte[0]);
    Files.createSymbolicLink(root.resolve("yes/leak.wav"), outside.resolve("s.wav"));
    list(
        SpeechCommandsIndexer.TESTING_LIST,
        "_background_noise_/white.wav",
        "yes/.hidden.wav",
        "yes/notes.txt",
        "yes/leak.wav",
        "yes/gone.wav");

    DatasetIndex index = SpeechCommandsIndexer.index(root, JobContext.none());

    Map<String, List<Refusal>> byPath =
        index.refused().stream().collect(Collectors.groupingBy(Refusal::path));
    assertThat(byPath.get("_background_noise_/white.wav"))
        .singleElement()
        .satisfies(r -> assertThat(r.detail()).contains("a noise file"));
    assertThat(byPath.get("yes/.hidden.wav"))
        .singleElement()
        .satisfies(r -> assertThat(r.detail()).contains("hidden"));
    assertThat(byPath.get("yes/notes.txt"))
        .singleElement()
        .satisfies(r -> assertThat(r.detail()).contains("not an audio file"));
    assertThat(byPath.get("yes/leak.wav"))
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.OUTSIDE_ROOT));
    assertThat(byPath.get("yes/gone.wav"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(Refusal.Reason.MISSING);
              assertThat(r.detail()).contains("no such clip");
            });
  }

  @Test
  void reportsProgressAndStopsWhenCancelled() throws IOException {
    for (int i = 0; i < 600; i++) {
      touch("yes/" + i + ".wav");
    }
    List<Long> reported = new ArrayList<>();
    JobContext counting =
        new JobContext() {
          @Override
          public void progress(long done, long total, String message) {
            reported.add(done);
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };
    assertThat(SpeechCommandsIndexer.index(root, counting).clips()).hasSize(600);
    assertThat(reported).contains(256L, 512L, 600L);

    JobContext cancelled =
        new JobContext() {
          @Override
          public void progress(long done, long total, String message) {}

          @Override
          public boolean isCancelled() {
            return true;
          }
        };
    assertThatThrownBy(() -> SpeechCommandsIndexer.index(root, cancelled))
        .isInstanceOf(CancelledException.class);
  }

  @Test
  void aMissingOrPlainFileRootIsRefusedWithItsName() throws IOException {
    assertThatThrownBy(() -> SpeechCommandsIndexer.index(root.resolve("nope"), JobContext.none()))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("nope");
    Path file = touch("yes/a.wav");
    assertThatThrownBy(() -> SpeechCommandsIndexer.index(file, JobContext.none()))
        .isInstanceOf(NotDirectoryException.class);
  }

  @Test
  void summaryCountsSplits() throws IOException {
    touch("yes/a.wav");
    touch("no/a.wav");
    list(SpeechCommandsIndexer.TESTING_LIST, "no/a.wav");
    String summary = SpeechCommandsIndexer.index(root, JobContext.none()).summary();
    assertThat(summary).contains("2 clips, 2 labels (1 train, 0 val, 1 test)");
  }

  @Test
  void aPublishedStyleTreeIsDetectedAndReadWithNoiseAndSplits(@TempDir Path sc) throws IOException {
    DatasetFixtures.speechCommands(sc);
    Files.write(
        sc.resolve(SpeechCommandsIndexer.TESTING_LIST),
        List.of("yes/0a7c2a8d_nohash_2.wav", "no/0a7c2a8d_nohash_2.wav", "../escape.wav"));

    DatasetIndex index = Datasets.index(sc, null, LayoutOptions.defaults(), JobContext.none());

    assertThat(index.layout()).isEqualTo(Layout.SPEECH_COMMANDS);
    assertThat(index.labels()).containsExactly("no", "yes");
    assertThat(index.countBySplit())
        .containsEntry(Split.TRAIN, 2)
        .containsEntry(Split.VALIDATION, 2)
        .containsEntry(Split.TEST, 2);
    assertThat(index.noiseFiles())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("white_noise.wav");
    assertThat(index.refused())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo("../escape.wav");
              assertThat(r.reason()).isEqualTo(Refusal.Reason.OUTSIDE_ROOT);
              assertThat(r.detail()).contains("line 3 of testing_list.txt");
            });
  }
}
