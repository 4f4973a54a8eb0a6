package org.tkdworkbench.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.tkdworkbench.features.FeatureSpec;

/**
 * Everything needed to rebuild and use a trained teacher: its front end, its classes, its sizes,
 * and where it came from. Stored as {@code spec.json} in the teacher's folder.
 *
 * @param schemaVersion format version of this record
 * @param features the log-mel front end it was trained on
 * @param classes class names, index = logit index
 * @param multiLabel sigmoid/BCE (true) or softmax/CE (false)
 * @param config the transformer's sizes
 * @param engine DJL engine name it was trained with, e.g. "MXNet"
 * @param engineVersion that engine's version
 * @param datasetFingerprint fingerprint of the dataset it was trained on
 * @param seed training seed
 */
public record TeacherSpec(
    @JsonProperty("schema_version") int schemaVersion,
    @JsonProperty("features") FeatureSpec features,
    @JsonProperty("classes") List<String> classes,
    @JsonProperty("multi_label") boolean multiLabel,
    @JsonProperty("config") TeacherConfig config,
    @JsonProperty("engine") String engine,
    @JsonProperty("engine_version") String engineVersion,
    @JsonProperty("dataset_fingerprint") String datasetFingerprint,
    @JsonProperty("seed") long seed) {

  /** Seconds between input tokens. */
  public double tokenPeriodSeconds() {
    return config.tokenStride() * (double) features.hopLength() / features.sampleRate();
  }

  /**
   * Centre time (s) of input token {@code i}: the centre of its frames, frame {@code f} being
   * centred at {@code f·hop/sr} (librosa's centred framing).
   */
  public double tokenTime(int i) {
    double centreFrame = i * (double) config.tokenStride() + (config.framesPerToken() - 1) / 2.0;
    return centreFrame * features.hopLength() / features.sampleRate();
  }
}
