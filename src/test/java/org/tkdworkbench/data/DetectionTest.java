package org.tkdworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.jobs.JobContext;

class DetectionTest {
  @TempDir Path tmp;

  @Test
  void eachLayoutIsRecognisedByItsPublishedMarkers() throws IOException {
    Path fsd = tmp.resolve("fsd");
    DatasetFixtures.fsd50k(fsd);
    Path esc = tmp.resolve("esc/ESC-50-master");
    DatasetFixtures.esc50(esc);
    Path sc = tmp.resolve("sc");
    DatasetFixtures.speechCommands(sc);
    Path manifest = tmp.resolve("man");
    DatasetFixtures.textFile(manifest.resolve("other.csv"), "a,b"); // a CSV without a path column
    DatasetFixtures.textFile(manifest.resolve("clips.csv"), "\uFEFFPath,label", "a.wav,dog");
    Path folders = tmp.resolve("folders");
    DatasetFixtures.wav(folders.resolve("dog/a.wav"));

    assertThat(Datasets.detect(fsd)).isEqualTo(Layout.FSD50K);
    assertThat(Datasets.detect(esc)).isEqualTo(Layout.ESC50);
    assertThat(Datasets.detect(sc)).isEqualTo(Layout.SPEECH_COMMANDS);
    assertThat(Datasets.detect(manifest)).isEqualTo(Layout.MANIFEST);
    assertThat(Datasets.detect(folders)).isEqualTo(Layout.FOLDERS);
  }

  @Test
  void speechCommandsWithOnlyTheNoiseFolderIsStillSpeechCommands() throws IOException {
    Path sc = tmp.resolve("sc");
    DatasetFixtures.wav(sc.resolve("_background_noise_/pink.wav"));
    DatasetFixtures.wav(sc.resolve("yes/a.wav"));
    assertThat(Datasets.detect(sc)).isEqualTo(Layout.SPEECH_COMMANDS);
  }

  @Test
  void choosingTheFolderAboveTheDatasetReadsTheDatasetInside() throws IOException {
    Path esc = tmp.resolve("downloads/ESC-50-master");
    DatasetFixtures.esc50(esc);
    DatasetFixtures.textFile(
        tmp.resolve("downloads/README.txt"), "a file beside it does not matter");

    Datasets.Detection d = Datasets.locate(tmp.resolve("downloads"));
    assertThat(d.root()).isEqualTo(esc.toAbsolutePath());
    assertThat(d.layout()).isEqualTo(Layout.ESC50);
    assertThat(d.ambiguous()).isFalse();

    DatasetIndex index =
        Datasets.index(tmp.resolve("downloads"), null, LayoutOptions.defaults(), JobContext.none());
    assertThat(index.root()).isEqualTo(esc.toAbsolutePath());
    assertThat(index.layout()).isEqualTo(Layout.ESC50);
    assertThat(index.warnings().get(0)).contains("ESC-50-master/").contains("read from there");
  }

  @Test
  void aFolderHoldingSeveralDatasetsIsNotGuessedAt() throws IOException {
    DatasetFixtures.esc50(tmp.resolve("data/ESC-50-master"));
    DatasetFixtures.fsd50k(tmp.resolve("data/FSD50K"));

    assertThat(Datasets.locate(tmp.resolve("data")).ambiguous()).isTrue();
    assertThatThrownBy(
            () ->
                Datasets.index(
                    tmp.resolve("data"), null, LayoutOptions.defaults(), JobContext.none()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ESC-50-master/ (esc50)")
        .hasMessageContaining("FSD50K/ (fsd50k)")
        .hasMessageContaining("Choose one of them");
    // asked for explicitly, the folders layout still reads it
    assertThat(
            Datasets.index(
                    tmp.resolve("data"),
                    Layout.FOLDERS,
                    LayoutOptions.defaults(),
                    JobContext.none())
                .labels())
        .contains("ESC-50-master", "FSD50K");
  }

  @Test
  void aFolderInsideADatasetSaysWhichFolderToChoose() throws IOException {
    Path fsd = tmp.resolve("FSD50K");
    DatasetFixtures.fsd50k(fsd);

    DatasetIndex index =
        Datasets.index(
            fsd.resolve("FSD50K.dev_audio"), null, LayoutOptions.defaults(), JobContext.none());

    assertThat(index.layout()).isEqualTo(Layout.FOLDERS);
    assertThat(index.clips()).isEmpty();
    assertThat(index.warnings().get(0))
        .contains("FSD50K.dev_audio/ folder of the fsd50k dataset at " + fsd.toAbsolutePath());
  }

  @Test
  void aMissingOrPlainFileRootIsAnError() throws IOException {
    assertThatThrownBy(() -> Datasets.detect(tmp.resolve("nope")))
        .isInstanceOf(NoSuchFileException.class);
    Path file = Files.writeString(tmp.resolve("f.txt"), "x");
    assertThatThrownBy(
            () -> Datasets.index(file, null, LayoutOptions.defaults(), JobContext.none()))
        .isInstanceOf(NotDirectoryException.class);
  }
}
