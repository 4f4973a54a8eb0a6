package org.tkdworkbench.ui.inspector;

import org.tkdworkbench.data.Clip;
import org.tkdworkbench.features.FeatureSpec;

/**
 * The teacher's input for a clip: its log-mel {@code [frames][mels]} in the teacher's front end.
 */
@FunctionalInterface
public interface ClipFeatures {
  /** Runs inside a background job; a decode error's message is shown as is. */
  float[][] of(Clip clip, FeatureSpec spec) throws Exception;
}
