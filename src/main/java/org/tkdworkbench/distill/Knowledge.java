package org.tkdworkbench.distill;

import java.util.List;
import java.util.Map;

/**
 * A teacher's knowledge of a whole dataset: per clip id, logits and attention curve.
 *
 * @param source where it came from: a teacher folder's id, or an imported file's name
 * @param classes class names in logit order
 * @param method how curves were made from attention (null when imported as curves)
 * @param fusion how heads were fused (null when imported as curves)
 * @param clips by clip id
 * @param warnings one sentence per problem that did not stop the work, e.g. a clip whose audio
 *     could not be read and is therefore missing from {@code clips}
 */
public record Knowledge(
    String source,
    List<String> classes,
    RolloutMethod method,
    HeadFusion fusion,
    Map<String, ClipKnowledge> clips,
    List<String> warnings) {

  public Knowledge {
    classes = List.copyOf(classes);
    clips = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(clips));
    warnings = List.copyOf(warnings);
  }

  /** Knowledge without warnings. */
  public Knowledge(
      String source,
      List<String> classes,
      RolloutMethod method,
      HeadFusion fusion,
      Map<String, ClipKnowledge> clips) {
    this(source, classes, method, fusion, clips, List.of());
  }
}
