package org.tkdworkbench.distill;

/** How the heads of one layer are combined into one matrix before rollout. */
public enum HeadFusion {
  /** Average over heads (DESIGN §1). */
  MEAN,
  /** Element-wise maximum over heads, rows renormalised. */
  MAX
}
