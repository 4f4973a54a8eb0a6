package org.tkdworkbench.distill;

/** How a teacher's per-layer attention becomes one curve over input tokens. */
public enum RolloutMethod {
  /** Abnar & Zuidema rollout (DESIGN §1): fuse heads, 0.5·A + 0.5·I, renormalise rows, multiply layers. */
  ROLLOUT,
  /** The last layer's fused attention only (with the identity mix, as in rollout). */
  LAST_LAYER,
  /** The mean over layers of the fused attention (identity mix per layer). */
  MEAN_OF_LAYERS
}
