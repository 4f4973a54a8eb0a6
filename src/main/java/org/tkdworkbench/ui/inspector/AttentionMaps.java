package org.tkdworkbench.ui.inspector;

import org.tkdworkbench.distill.HeadFusion;
import org.tkdworkbench.distill.Rollout;
import org.tkdworkbench.distill.RolloutMethod;

/**
 * The two pieces of attention math the inspector draws, both the core's {@link Rollout}; an
 * interface only so view-model tests can count calls or run before the core's rollout exists.
 */
public interface AttentionMaps {
  /** The rollout curve over input tokens (length T, sums to 1). */
  double[] curve(float[][][][] attention, RolloutMethod method, HeadFusion fusion);

  /** One layer's heads fused, {@code [T+1][T+1]}. */
  double[][] fuseHeads(float[][][] layer, HeadFusion fusion);

  /** The core's rollout. */
  AttentionMaps CORE =
      new AttentionMaps() {
        @Override
        public double[] curve(float[][][][] attention, RolloutMethod method, HeadFusion fusion) {
          return Rollout.curve(attention, method, fusion);
        }

        @Override
        public double[][] fuseHeads(float[][][] layer, HeadFusion fusion) {
          return Rollout.fuseHeads(layer, fusion);
        }
      };
}
