package org.tkdworkbench.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The training loss of DESIGN §1: {@code L = L_cls + λ·KL(a_T ‖ a_S) + α·T²·KL(p_T ‖ p_S)}, each
 * term also returned on its own so it can be logged.
 *
 * <ul>
 *   <li>{@code L_cls}: cross-entropy over classes (single-label), or binary cross-entropy averaged
 *       over classes (multi-label), DJL's engine-neutral losses, mean over the batch.
 *   <li>{@code KL(a_T ‖ a_S) = Σ_t a_T·(ln a_T − ln a_S)} per clip (0·ln 0 = 0), mean over the
 *       batch; {@code a_T} is a constant target, {@code ln a_S} comes from the probe's
 *       log-softmax, so the gradient with respect to the probe's scores is {@code (a_S − a_T)/B}.
 *   <li>Logit term (optional, α &gt; 0): single-label {@code T²·KL(softmax(z_T/T) ‖
 *       softmax(z_S/T))}; multi-label the same with one Bernoulli per class ({@code sigmoid}).
 * </ul>
 *
 * <p>The targets' own {@code Σ p·ln p} parts are computed in Java (they are constants), so every
 * term is a true KL divergence: zero when the student matches, never negative.
 */
public final class DistillationLoss {

  /**
   * The loss weights.
   *
   * @param lambda weight λ of the attention term (0 = the vanilla student)
   * @param alpha weight α of the logit term (0 = off)
   * @param temperature softmax temperature T of the logit term
   */
  public record Weights(
      @JsonProperty("lambda") double lambda,
      @JsonProperty("alpha") double alpha,
      @JsonProperty("temperature") double temperature) {

    /** Every problem, as {@code loss.field: rule, found value}. */
    public List<String> validate() {
      List<String> p = new ArrayList<>();
      if (!(lambda >= 0 && lambda <= 1000)) {
        p.add("loss.lambda: must be in [0, 1000], found " + lambda);
      }
      if (!(alpha >= 0 && alpha <= 1000)) {
        p.add("loss.alpha: must be in [0, 1000], found " + alpha);
      }
      if (!(temperature > 0 && temperature <= 100)) {
        p.add("loss.temperature: must be in (0, 100], found " + temperature);
      }
      return p;
    }
  }

  /** The scalar terms of one batch; {@code total} is what is differentiated. */
  public record Terms(NDArray total, NDArray cls, NDArray attention, NDArray logit) {}

  private final boolean multiLabel;
  private final Weights weights;
  private final Loss cls;

  public DistillationLoss(boolean multiLabel, Weights weights) {
    List<String> problems = weights.validate();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    this.multiLabel = multiLabel;
    this.weights = weights;
    this.cls =
        multiLabel ? Loss.sigmoidBinaryCrossEntropyLoss() : Loss.softmaxCrossEntropyLoss();
  }

  public Weights weights() {
    return weights;
  }

  /**
   * The loss of one batch.
   *
   * @param logits student logits {@code [B, C]}
   * @param labels class indices {@code [B]} (single-label) or multi-hot {@code [B, C]}
   * @param logAS the probe's {@code ln a_S} {@code [B, T']}; null when there is no attention term
   * @param aT the target {@code a_T} {@code [B, T']} (rows sum to 1); null with {@code logAS}
   * @param aTLogAT per clip {@code Σ_t a_T ln a_T} {@code [B]} (see {@link #plogp}); null with
   *     {@code aT}
   * @param teacherLogits {@code [B, C]}; null when α = 0
   */
  public Terms evaluate(
      NDArray logits,
      NDArray labels,
      NDArray logAS,
      NDArray aT,
      NDArray aTLogAT,
      NDArray teacherLogits) {
    NDArray lCls = cls.evaluate(new NDList(labels), new NDList(logits));
    NDArray total = lCls;
    NDArray lAtt = null;
    if (logAS != null) {
      // Per clip Σ a_T ln a_T − Σ a_T ln a_S, then the batch mean.
      lAtt = aTLogAT.sub(aT.mul(logAS).sum(new int[] {1})).mean();
      if (weights.lambda() > 0) {
        total = total.add(lAtt.mul((float) weights.lambda()));
      }
    }
    NDArray lLogit = null;
    if (teacherLogits != null && weights.alpha() > 0) {
      lLogit = logitTerm(logits, teacherLogits);
      total = total.add(lLogit.mul((float) weights.alpha()));
    }
    return new Terms(total, lCls, lAtt, lLogit);
  }

  /** {@code T²·KL(p_T ‖ p_S)} with tempered softmax (or per-class sigmoid), batch mean. */
  private NDArray logitTerm(NDArray logits, NDArray teacherLogits) {
    float t = (float) weights.temperature();
    NDArray zs = logits.div(t);
    NDArray zt = teacherLogits.div(t);
    NDArray kl;
    if (multiLabel) {
      // Bernoulli KL per class: p ln p + (1−p) ln(1−p) − [p ln q + (1−p) ln(1−q)], where
      // −[p ln q + (1−p) ln(1−q)] = softplus(z) − p·z for q = sigmoid(z).
      NDArray p = ai.djl.nn.Activation.sigmoid(zt);
      NDArray softplus = zs.maximum(0f).add(zs.abs().neg().exp().add(1f).log());
      NDArray crossEntropy = softplus.sub(p.mul(zs));
      NDArray negEntropy =
          p.mul(p.clip(1e-12f, 1f).log()).add(p.neg().add(1f).mul(p.neg().add(1f).clip(1e-12f, 1f).log()));
      kl = negEntropy.add(crossEntropy).sum(new int[] {1});
    } else {
      NDArray p = zt.softmax(1);
      NDArray logP = zt.logSoftmax(1);
      kl = p.mul(logP.sub(zs.logSoftmax(1))).sum(new int[] {1});
    }
    return kl.mean().mul(t * t);
  }

  /** {@code Σ p ln p} of a distribution (0·ln 0 = 0): the constant part of a KL from {@code p}. */
  public static double plogp(double[] p) {
    double s = 0;
    for (double v : p) {
      if (v > 0) {
        s += v * Math.log(v);
      }
    }
    return s;
  }
}
