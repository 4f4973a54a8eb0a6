package org.tkdworkbench.ui.inspector;

import java.util.concurrent.atomic.AtomicInteger;
import org.tkdworkbench.distill.HeadFusion;
import org.tkdworkbench.distill.RolloutMethod;

/** The core's rollout, counting the curves it computes (so tests see what re-ran). */
public final class TestMaps implements AttentionMaps {
  public final AtomicInteger curves = new AtomicInteger();

  @Override
  public double[] curve(float[][][][] attention, RolloutMethod method, HeadFusion fusion) {
    curves.incrementAndGet();
    return AttentionMaps.CORE.curve(attention, method, fusion);
  }

  @Override
  public double[][] fuseHeads(float[][][] layer, HeadFusion fusion) {
    return AttentionMaps.CORE.fuseHeads(layer, fusion);
  }
}
