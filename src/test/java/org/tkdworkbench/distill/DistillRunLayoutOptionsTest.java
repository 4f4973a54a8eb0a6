package org.tkdworkbench.distill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.Datasets;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.SampleDataset;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.workspace.Json;
import org.tkdworkbench.workspace.Workspace;

/**
 * A run records the layout's choices (speaker folds, an ESC-50 test fold) and reads its dataset
 * with them, so a resumed run or a run started in the app trains on the splits it was started on,
 * not on the dataset's default ones.
 */
class DistillRunLayoutOptionsTest {
  @TempDir Path tmp;

  private static final String RUN =
      """
      {"student":"crnn","lambda":0.5,"alpha":0,"temperature":2,"target":"energy","seed":3,
       "student_spec":{"architecture":"CRNN","preset":"SMALL","width":1.0,"depth":0,"mels":40,"classes":10},
       "training":{"epochs":3,"batch_size":8,"learning_rate":0.003,"weight_decay":0,"seed":3,"patience":0,"time_shift":false},
       "features":{"sample_rate":16000,"n_fft":512,"win_length":400,"hop_length":160,"n_mels":40,"fmin":0.0,"fmax":null},
       "dataset":"%s","layout":"speech-commands"%s,"rollout_method":"rollout","head_fusion":"mean","energy_smoothing_s":0.2}
      """;

  @Test
  void aRunReadsItsDatasetWithTheRecordedFolds() throws Exception {
    Path sample = SampleDataset.locate().orElseThrow();
    String root = sample.toAbsolutePath().toString().replace("\\", "\\\\");
    DistillRuns runs = new DistillRuns(Workspace.resolve(tmp.resolve("ws")), 1);

    DistillRunConfig lists = Json.mapper().readValue(RUN.formatted(root, ""), DistillRunConfig.class);
    assertThat(lists.layoutOptions()).isNull();
    DistillRunConfig fold3 =
        Json.mapper()
            .readValue(
                RUN.formatted(root, ",\"layout_options\":{\"test_fold\":3,\"folds\":10}"),
                DistillRunConfig.class);
    assertThat(fold3.layoutOptions()).isEqualTo(LayoutOptions.speakerFolds(10, 3, null));

    Map<String, Split> expected =
        splits(
            Datasets.index(
                sample, Layout.SPEECH_COMMANDS, LayoutOptions.speakerFolds(10, 3, null), JobContext.none()));
    Map<String, Split> read = splits(runs.index(fold3, JobContext.none()));
    assertThat(read).isEqualTo(expected);
    assertThat(read).isNotEqualTo(splits(runs.index(lists, JobContext.none())));
  }

  @Test
  void defaultOptionsAreNotWrittenSoOldRunsReadTheSame() throws Exception {
    DistillRunConfig lists =
        Json.mapper().readValue(RUN.formatted("/data/x", ""), DistillRunConfig.class);
    assertThat(Json.mapper().writeValueAsString(lists.withLayoutOptions(LayoutOptions.defaults())))
        .doesNotContain("layout_options");
    String folds =
        Json.mapper().writeValueAsString(lists.withLayoutOptions(LayoutOptions.speakerFolds(10, 2, null)));
    assertThat(Json.mapper().readValue(folds, DistillRunConfig.class).layoutOptionsOrDefaults())
        .isEqualTo(LayoutOptions.speakerFolds(10, 2, null));
  }

  private static Map<String, Split> splits(DatasetIndex index) {
    return index.clips().stream().collect(Collectors.toMap(Clip::id, Clip::split));
  }
}
