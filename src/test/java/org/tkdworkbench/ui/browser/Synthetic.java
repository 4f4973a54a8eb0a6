package org.tkdworkbench.ui.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.ui.plot.WaveformEnvelope;

/** Synthetic datasets and analyses for view-model tests: no files, no decoder. */
final class Synthetic {
  static final FeatureSpec SPEC = new FeatureSpec(16000, 1024, 1024, 160, 32, 0.0, null);

  private Synthetic() {}

  static DatasetIndex index(String... idsAndSplits) {
    List<Clip> clips = new ArrayList<>();
    TreeSet<String> labels = new TreeSet<>();
    for (String s : idsAndSplits) {
      String[] parts = s.split(":");
      String id = parts[0];
      String label = id.substring(0, id.indexOf('/'));
      Split split = parts.length > 1 ? Split.valueOf(parts[1]) : Split.TRAIN;
      clips.add(new Clip(id, Path.of("/data", id), label, split));
      labels.add(label);
    }
    return new DatasetIndex(Path.of("/data"), org.tkdworkbench.data.Layout.FOLDERS, org.tkdworkbench.data.LayoutOptions.defaults(), clips, List.of(), List.copyOf(labels), false, List.of(), List.of());
  }

  /** One second whose spectrogram has a single loud band {@code band}. */
  static ClipAnalysis analysis(Clip clip, int band) {
    float[] samples = new float[16000];
    float[][] logMel = new float[101][SPEC.nMels()];
    for (float[] f : logMel) {
      Arrays.fill(f, (float) Math.log(1e-6));
      f[band] = 0;
    }
    return new ClipAnalysis(
        clip, samples, logMel, SPEC, WaveformEnvelope.of(samples, 16000, 64));
  }
}
