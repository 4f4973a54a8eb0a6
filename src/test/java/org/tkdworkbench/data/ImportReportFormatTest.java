package org.tkdworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.jobs.JobContext;

class ImportReportFormatTest {
  @TempDir Path root;

  @Test
  void theTableCountsRefusalsByReasonAndListsOnlyTheFirstOnes() throws IOException {
    int n = ImportReportFormat.MAX_REFUSALS_SHOWN + 25;
    for (int i = 0; i < n; i++) {
      DatasetFixtures.empty(root.resolve(String.format("dog/%04d.wav", i)));
    }
    DatasetFixtures.wav(root.resolve("dog/good.wav"));
    DatasetIndex index =
        Datasets.index(root, Layout.FOLDERS, LayoutOptions.defaults(), JobContext.none());
    ImportReport r =
        new DatasetImporter(new AudioDecoder(Optional.empty()), 2).report(index, JobContext.none());

    String text = ImportReportFormat.toText(r);

    assertThat(text).contains("Refused (" + n + ": empty " + n + "):");
    assertThat(text).contains("dog/0000.wav: empty").doesNotContain("dog/0224.wav");
    assertThat(text).contains("... and 25 more");
    assertThat(ImportReportFormat.toJson(r).get("refused").size()).isEqualTo(n);
  }

  @Test
  void durationsReadAsHoursMinutesSeconds() {
    assertThat(ImportReportFormat.hms(3.25)).isEqualTo("3.3 s");
    assertThat(ImportReportFormat.hms(250.5)).isEqualTo("4 min 10.5 s");
    assertThat(ImportReportFormat.hms(7503)).isEqualTo("2 h 05 min 03.0 s");
  }
}
