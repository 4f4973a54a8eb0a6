package org.tkdworkbench.data.noisy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tkdworkbench.BuildInfo;
import org.tkdworkbench.audio.Mixing;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.LayoutOptions;

/**
 * Writes {@code noisy_spec.json}: what a noisy variant was made from and how, so a result can be
 * traced back and rebuilt. It holds no timestamps or timings on purpose: the same inputs and seed
 * give a byte-identical file, like the clips.
 */
final class NoisyProvenance {
  /** Bumped when the meaning of the draws or the files changes. */
  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private NoisyProvenance() {}

  static void write(
      Path file,
      NoisySpec spec,
      DatasetIndex source,
      NoiseBank bank,
      int written,
      int refused,
      int validation,
      int testing,
      List<String> problems)
      throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", "tkd-noisy-keywords");
    root.put("format_version", FORMAT_VERSION);
    root.put("workbench_version", BuildInfo.version());

    Map<String, Object> s = new LinkedHashMap<>();
    s.put("length_s", spec.lengthSeconds());
    s.put("snr_min_db", spec.snrMinDb());
    s.put("snr_max_db", spec.snrMaxDb());
    s.put("seed", spec.seed());
    s.put("sample_rate", spec.sampleRate());
    s.put("training_copies", spec.trainingCopies());
    s.put("samples_per_clip", KeywordMixer.clipSamples(spec));
    root.put("spec", s);

    Map<String, Object> src = new LinkedHashMap<>();
    src.put("root", source.root().toString());
    src.put("layout", source.layout().cliName());
    if (source.options() != null
        && !source.options().equals(LayoutOptions.defaults())) {
      src.put("options", source.options()); // e.g. the speaker fold the splits came from
    }
    src.put("clips", source.clips().size());
    root.put("source", src);

    List<Map<String, Object>> noise = new ArrayList<>();
    for (NoiseBank.Noise n : bank.noises()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", n.name());
      m.put("path", n.path().toString());
      m.put("seconds", n.length() / (double) spec.sampleRate());
      noise.add(m);
    }
    root.put("noise_files", noise);

    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("written", written);
    counts.put("refused", refused);
    counts.put("train", written - validation - testing);
    counts.put("validation", validation);
    counts.put("test", testing);
    counts.put("noise_refused", bank.problems().size());
    root.put("counts", counts);

    Map<String, Object> method = new LinkedHashMap<>();
    method.put(
        "snr",
        "10*log10(P_keyword/P_noise), both the mean power over the keyword's active region in the"
            + " mix; the keyword keeps its level, the noise is scaled");
    method.put("active_region_below_peak_db", Mixing.ACTIVE_BELOW_PEAK_DB);
    method.put("active_region_above_floor_db", Mixing.ACTIVE_ABOVE_FLOOR_DB);
    method.put("active_region_floor_percentile", Mixing.FLOOR_PERCENTILE);
    method.put("active_region_cap_below_peak_db", Mixing.ACTIVE_CAP_BELOW_PEAK_DB);
    method.put("active_region_frame_s", Mixing.ACTIVE_FRAME_SECONDS);
    method.put(
        "offset", "whole source clip placed at an offset uniform over [0, length - clip length]");
    method.put(
        "headroom",
        "if the mix would clip 16-bit, the whole mix is scaled to peak 32767/32768 (SNR kept)");
    method.put("noise_loop_crossfade_s", NoiseBank.CROSSFADE_SECONDS);
    method.put("encoding", "WAV PCM 16-bit mono, rint(x*32768), clamped, no dither");
    method.put(
        "random",
        "SplitMix64 per clip, seeded by SHA-256(\"tkd-noisy/1\\n"
            + "\" + seed + \"\\n"
            + "\" + source clip id)");
    root.put("method", method);
    root.put("problems", problems);

    Files.write(file, JSON.writeValueAsBytes(root));
  }
}
